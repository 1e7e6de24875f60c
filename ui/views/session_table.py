"""Step 5's table of the patient's walks: one row a walk, every plan version's, chosen one at a time to correct or
delete; the choice kept when the log is read again."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from core.records.models import SessionRecord
from ui.focus_frame import framed_on_focus
from ui.models.table_model import OBJECT_ROLE, ObjectTableModel


class SessionTable(QTableView):
    def __init__(self, model: ObjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        framed_on_focus(self)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.setModel(model)
        self.setAccessibleName("Logged sessions of the patient, every plan version")
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)  # one line a session; a long note shows whole as its tooltip
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def selected(self) -> SessionRecord | None:
        rows = self.selectionModel().selectedRows()
        return self.model().index(rows[0].row(), 0).data(OBJECT_ROLE) if rows else None

    def select_session(self, session_id: int) -> bool:
        for row in range(self.model().rowCount()):
            if self.model().row_object(row).id == session_id:
                self.selectRow(row)
                return True
        return False

    def choose_again(self, chosen: SessionRecord, row: int, *, deleted_here: bool) -> None:
        """After the log is read again: the walk ``chosen`` before stays chosen; where this window deleted it, the walk
        now in its ``row`` (the one after it, or the last), so Correct and Delete stay in reach of the keyboard (seen
        in review: after a delete none was chosen, and both were greyed out under the focus). One deleted elsewhere
        leaves none chosen, rather than another walk chosen unasked."""
        rows = self.model().rowCount()
        if rows and not self.select_session(chosen.id) and deleted_here:
            self.selectRow(min(max(row, 0), rows - 1))
        self.scrollTo(self.currentIndex())
