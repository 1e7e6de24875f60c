"""One small read-only table model for lists of core models: a column is a header, a display
function and a sort key. Qt.UserRole gives the row's object; SORT_ROLE gives the sort key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
OBJECT_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def combo_data(combo) -> Any:
    """The current item's data, or "" when nothing is chosen. Never lets Qt hand back None: PySide6 6.12
    miscounts references to None from currentData(), and enough calls abort the interpreter."""
    return combo.itemData(combo.currentIndex()) if combo.currentIndex() >= 0 else ""


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    display: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None


class RowsTableModel(QAbstractTableModel):
    """Rows of objects under fixed column headers; subclasses say what each cell shows."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class ObjectTableModel(RowsTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], parent=None) -> None:
        super().__init__([column.header for column in columns], parent)
        self._columns = list(columns)

    @property
    def columns(self) -> list[Column[Row]]:
        return list(self._columns)

    def set_columns(self, columns: Sequence[Column[Row]]) -> None:
        """Other columns for the same rows (the clinic's units changed in Settings, say)."""
        self.beginResetModel()
        self._headers, self._columns = [column.header for column in columns], list(columns)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == OBJECT_ROLE:
            return row
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.display(row)
            return key if key is not None else ""
        return None
