"""A label with a reason one click or key away: "… not made. Why?" or the pain rules' "Caveat and sources" open
the reason in a box (a tooltip alone is mouse-only, and hides the words a clinician needs to act on)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from ui.enter_key import KeyPress

PROBLEM_STYLE = "color: #B3261E;"


class LinkLabel(QLabel):
    """A label with links whose Tab stop is its link: given the focus, Qt focuses the label with no link, drawn as
    nothing, and only the next Tab focuses (and frames) the link (seen in review: Shift+Tab landed on "Pain rules"
    and on step 3's caution with nothing highlighted). Tab and Shift+Tab go on from its first or last link."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        # by the keyboard, or moved to it as its step is shown; not for a click, which acts on the link clicked
        if event.reason() not in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason):
            self.focus_link(first=event.reason() != Qt.FocusReason.BacktabFocusReason)

    def focus_link(self, *, first: bool = True) -> None:
        """Its first (else last) link focused, unless one is; also after its text changes under the focus (a link
        followed with Enter), which leaves none focused."""
        self.heightForWidth(self.width())  # Qt lays out new text only when asked its size: its links, then, are known
        if not self.hasSelectedText() and "<a " in self.text() \
                and self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
            self.focusNextPrevChild(first)  # with no link, Qt's "next link" would be the next widget


def reason_label(*, title: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning, name: str = "why",
                 actions: dict | None = None) -> QLabel:
    """A rich-text label whose link opens its reason (``show_reason``) in a box named ``name``; a link whose href is
    one of ``actions`` calls that instead."""
    label = LinkLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    opens = lambda: _open_reason(label, title, icon, name)  # noqa: E731
    label.linkActivated.connect(lambda link: (actions or {}).get(link, opens)())
    # Enter on the label opens it too: clicked, the label has the focus with no link focused, and Enter did nothing.
    # On a link of ``actions`` focused by Tab, Enter follows that link (seen in review: it opened the reason)
    KeyPress(label, lambda: (actions or {}).get(_focused_link(label), lambda: label.property("reason") and opens())())
    return label


def show_reason(label: QLabel, html: str, reason: str, *, link: str = "Why?", href: str = "why") -> None:
    """``label`` shows ``html`` and, when there is a ``reason``, a ``link`` that opens it."""
    label.setProperty("reason", reason)
    label.setToolTip(reason)
    label.setText(f"{html} <a href='{href}'>{escape(link)}</a>" if reason else html)
    # Tab stops at a link to open, not at a label with none ("Records: this workstation" took a Tab press)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus if reason else Qt.FocusPolicy.NoFocus)
    if isinstance(label, LinkLabel) and label.hasFocus():
        label.focus_link()


def status_problem(window: QMainWindow, text: str, reason: str, *, title: str, accessible_name: str) -> QLabel:
    """A problem in red at the right of ``window``'s status bar, its reason behind "Why?"."""
    label = reason_label(title=title)
    show_reason(label, escape(text), reason)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)  # over lines of its own (seen at 150 %: unwrapped, it left the message a word a line),
    label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 45)  # as wide as a line of some 45 letters
    window.statusBar().addPermanentWidget(label)
    return label


def _focused_link(label: QLabel) -> str:
    """The href of the link the keyboard has focused in ``label`` (Qt selects its text), or ""."""
    import re

    chosen = label.selectedText()
    return next((href for href, text in re.findall(r"<a href='([^']*)'>([^<]*)</a>", label.text())
                 if chosen and text == escape(chosen)), "")


def _open_reason(label: QLabel, title: str, icon: QMessageBox.Icon, name: str) -> None:
    box = QMessageBox(icon, title, label.property("reason"), QMessageBox.StandardButton.Close, label.window())
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
