"""A status-bar problem with its reason one click or key away: "… not made. Why?" opens the reason in a box
(a tooltip alone is mouse-only, and hides the words a clinician needs to act on)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def show_with_why(label: QLabel, text: str, reason: str, *, title: str) -> None:
    """``label`` shows ``text`` and a "Why?" link that opens ``reason``; an empty ``reason``, ``text`` alone."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setProperty("why", reason)
    label.setProperty("why_title", title)
    label.setToolTip(reason)
    if not reason:
        label.setText(escape(text))
        return
    label.setText(f"{escape(text)} <a href='why'>Why?</a>")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    if not label.property("why_connected"):
        label.linkActivated.connect(lambda _link: _open_reason(label))
        label.setProperty("why_connected", True)


def _open_reason(label: QLabel) -> None:
    parent: QWidget = label.window()
    box = QMessageBox(QMessageBox.Icon.Warning, label.property("why_title"), label.property("why"),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("why")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
