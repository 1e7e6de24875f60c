"""Where the keyboard is, shown: under Fusion (Linux) a text pane or a table with the keyboard's focus looked the
same as one without it, and a selected row hid which of its cells F2 would edit (seen by the keyboard tester).
A frame in the highlight colour marks the pane or table with the focus (only the focused state is styled, so the
platform's own look is kept otherwise), and CurrentCellFrame a table's current cell in the text colour, drawn over
the cell rather than inside a style-sheet border, which would have cut its text short."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

FOCUS_SHOWN = ("QTextBrowser:focus, QAbstractItemView:focus, QPdfView:focus "
               "{ border: 2px solid palette(highlight); }")


def show_keyboard_focus(app) -> None:
    """Adds the focus frames to ``app``'s style sheet (a QApplication), keeping any sheet already set."""
    if FOCUS_SHOWN not in app.styleSheet():
        app.setStyleSheet(f"{app.styleSheet()} {FOCUS_SHOWN}".strip())


class CurrentCellFrame(QStyledItemDelegate):
    """The default delegate, with the current cell framed while its table has the keyboard's focus."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Text), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()
