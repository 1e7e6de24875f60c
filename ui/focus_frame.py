"""Where the keyboard is, shown: under Fusion (Linux) a text pane, list or table with the keyboard's focus looked
the same as one without it, and a selected row hid which of its cells F2 would edit (seen by the keyboard tester).
``framed_on_focus`` gives such a widget a frame in the highlight colour while it has the focus, through its own
style sheet (one for the whole application re-measured every combo box: "All mechanisms" grew from 215 to 354 px);
CurrentCellFrame frames a table's current cell in the text colour, drawn over the cell rather than inside a
style-sheet border, which would have cut its text short."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QWidget


def framed_on_focus(widget: QWidget) -> QWidget:
    """``widget`` (a text pane, list, table or the PDF preview), framed while it has the focus; only that state is
    styled, so the platform's own look is kept otherwise. Returns it, to be used where it is made."""
    meta = widget.metaObject()
    while meta.superClass() is not None and not meta.className().startswith("Q"):  # a Python subclass: its Qt class
        meta = meta.superClass()
    widget.setStyleSheet(f"{meta.className()}:focus {{ border: 2px solid palette(highlight); }}")
    return widget


class CurrentCellFrame(QStyledItemDelegate):
    """The default delegate, with the current cell framed while its table has the keyboard's focus, and its editor
    named by the cell's column and row (seen by the keyboard tester: F2 opened a "spin box" with no name)."""

    def createEditor(self, parent, option, index) -> QWidget:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import Qt  # not at import: the window's first frame does without Qt's namespace

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
