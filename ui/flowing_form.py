"""A titled form of labelled fields in one column, or in two side by side where it may spread out and has the width.
Seen at 125 % on a 1366x768 laptop: the session form, under the log, was a strip of ten rows a third of the window
wide with the rest blank, and its Add button sat below the screen's edge."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

COLUMN_GAP = 24  # between the first column's fields and the second column's labels
FLIP_MARGIN = 24  # two columns from this much over their width: a scroll bar coming and going does not flip them


class FlowingForm(QGroupBox):
    """``rows`` of (label, field, the field's name for a screen reader) in order, down the first column and on down
    the second; under them, ``under`` across the whole form. Its narrowest is always one column's, so it never holds
    its panes side by side the less for having spread out."""

    def __init__(self, title: str, rows: list[tuple[str, QWidget, str]], under: list[QWidget]) -> None:
        super().__init__(title)
        self._rows = [(QLabel(text), field) for text, field, _ in rows]
        for (label, field), (_, _, name) in zip(self._rows, rows):
            label.setBuddy(field)
            field.setAccessibleName(name)
        self._grid = QGridLayout()
        self._columns = 0
        self._may_spread = False
        outer = QVBoxLayout(self)
        outer.addLayout(self._grid)
        for widget in under:
            outer.addWidget(widget)
        self._place(1)

    @property
    def columns(self) -> int:
        return self._columns

    def may_spread(self, allowed: bool) -> None:
        """Two columns allowed (where the form has the width), or always one (beside a table, say)."""
        self._may_spread = allowed
        self.updateGeometry()
        self._place(self._fitting())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width(2) + FLIP_MARGIN if self._may_spread else 0), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._width(1), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place(self._fitting())

    def _fitting(self) -> int:
        if not self._may_spread:
            return 1
        wanted = self._width(2) + (FLIP_MARGIN if self._columns == 1 else 0)
        return 2 if self.width() >= wanted else 1

    def _width(self, columns: int) -> int:
        """The form's width with its fields at their usual width in ``columns``."""
        spacing = max(self._grid.horizontalSpacing(), 6)
        column = (max(label.sizeHint().width() for label, _ in self._rows) + spacing
                  + max(field.sizeHint().width() for _, field in self._rows))
        left, _, right, _ = self.layout().getContentsMargins()
        frame = self.width() - self.contentsRect().width()
        return columns * column + (columns - 1) * COLUMN_GAP + left + right + frame

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for label, field in self._rows:
            self._grid.removeWidget(label)
            self._grid.removeWidget(field)
        per_column = -(-len(self._rows) // columns)
        for index, (label, field) in enumerate(self._rows):
            column, row = divmod(index, per_column)
            self._grid.addWidget(label, row, 3 * column)
            self._grid.addWidget(field, row, 3 * column + 1)
        for column in range(5):  # the fields take the width; a gap between the columns when there are two
            self._grid.setColumnStretch(column, 1 if column % 3 == 1 and column // 3 < columns else 0)
            self._grid.setColumnMinimumWidth(column, COLUMN_GAP if column == 2 and columns == 2 else 0)
        self.updateGeometry()

