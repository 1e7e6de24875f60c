"""Which cell F2 edits, shown: under Fusion (Linux) a selected row hid which of its cells the keyboard was on (seen
by the keyboard tester). CurrentCellFrame frames a table's current cell in the text colour, drawn over the cell
rather than inside a style-sheet border, which would have cut its text short. Apart from ui/focus_frame.py, which
the first frame loads: PySide6 takes about 11 ms to create QStyle's enumerations on first use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QWidget


class CurrentCellFrame(QStyledItemDelegate):
    """The default delegate, with the current cell framed while its table has the keyboard's focus, and its editor
    named by the cell's column and row (seen by the keyboard tester: F2 opened a "spin box" with no name)."""

    def createEditor(self, parent, option, index) -> QWidget:  # noqa: N802 (Qt's name)
        editor = super().createEditor(parent, option, index)
        def header(column: int) -> str:
            return " ".join(str(index.model().headerData(column, Qt.Orientation.Horizontal) or "").split())

        # "Walk (min), Week 3": the column, and the row by its first cell
        editor.setAccessibleName(f"{header(index.column())}, {header(0)} {index.siblingAtColumn(0).data()}")
        return editor

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Text), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()
