"""Step 5's table of the patient's walks: one row a walk, every plan version's, chosen one at a time to correct or
delete; the choice kept when the log is read again."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from core.records.models import SessionRecord
from ui.focus_frame import framed_on_focus
from ui.models.table_model import OBJECT_ROLE, ObjectTableModel
from ui.scrolling import QWIDGETSIZE_MAX, table_chrome


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
        self._latest: int | None = None
        for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged,
                        self.horizontalHeader().geometriesChanged, self.horizontalScrollBar().rangeChanged):
            changed.connect(self._fit_height)
        self.verticalScrollBar().rangeChanged.connect(self._keep_in_view)

    def show_latest(self, rows: int | None) -> None:
        """At most ``rows`` walks high (the latest, scrolled to), scrolling itself under its headings: stacked above
        the form at 125-150 %, the page scrolled to the form took the headings out of sight, and the last walks were
        rows of numbers no one could name (seen by a helper). None: as high as the layout makes it."""
        self._latest = rows
        self._fit_height()

    def point_at_latest(self) -> None:
        """The latest walk made current, not chosen, where none is: Tab into the log chooses it (the first walk was,
        out of sight above the latest in a table scrolling itself), and it is the walk most often corrected."""
        if (count := self.model().rowCount()) and not self.currentIndex().isValid():
            self.selectionModel().setCurrentIndex(self.model().index(count - 1, 0),
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
        self.scrollToBottom()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        if (self._latest is not None and self.currentIndex().isValid()  # the walk the arrows move from, in sight
                and event.reason() != Qt.FocusReason.MouseFocusReason):  # a click's walk not scrolled from under it
            self.scrollTo(self.currentIndex())

    def _keep_in_view(self) -> None:
        """Made shorter or given a walk, the chosen walk stays in sight, else the latest (capped, the table had opened
        on the first walks)."""
        if self._latest is None:
            return
        if self.selected() is not None:
            self.scrollTo(self.currentIndex())
        else:
            self.scrollToBottom()

    def _fit_height(self) -> None:
        count = self.model().rowCount()
        if self._latest is None or count <= self._latest:  # every walk at full height, no scroll bar's room beside
            if self._latest is not None:  # them (seen by a helper: a strip under a single walk)
                self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setMaximumHeight(QWIDGETSIZE_MAX)
            return
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        rows = sum(self.rowHeight(row) for row in range(count - self._latest, count))
        self.setMaximumHeight(table_chrome(self) + rows)

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
