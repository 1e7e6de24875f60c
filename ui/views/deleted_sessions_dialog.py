"""The patient's deleted sessions, to log one deleted by mistake again as it was: each with when and by whom it was
deleted, the latest first (seen in a clinician's try: a wrong walk deleted could come back only by retyping it from
the patient's paper log, or by restoring a backup, which loses every later change)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.records.authors import named
from core.stamps import local_minute
from ui.enter_key import KeyPress
from ui.focus_frame import framed_on_focus
from ui.scrolling import screen_room
from ui.models.session_columns import log_columns
from ui.models.table_model import Column

if TYPE_CHECKING:
    from core.records.models import DeletedSession


def walk_columns(units: str) -> list[Column]:
    """The session log's columns of a walk's own values (a deleted walk has no plan version of its own to show, and
    its "By" is who deleted it), the speed in the clinic's ``units``."""
    return [column for column in log_columns(units) if column.header not in ("Plan\nversion", "Logged by")]


def _cells(item: DeletedSession, columns: list[Column]) -> list[str]:
    return [local_minute(item.deleted_at), named(item.deleted_by) or "",
            *(column.display(item.log) for column in columns)]


class DeletedSessionsDialog(QDialog):
    """``deleted``: the patient's walks deleted and not logged again, the latest deleted first (PatientRecords)."""

    def __init__(self, patient_name: str, deleted: list[DeletedSession], parent: QWidget | None = None,
                 units: str = "metric") -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Deleted sessions of {patient_name}")
        self._deleted = deleted
        intro = QLabel("Sessions deleted from the log and not logged again, the latest deleted first. Log again puts "
                       "the chosen one back as it was when deleted; the audit trail records it." if deleted else
                       f"No deleted session of {patient_name} is waiting to be logged again.")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the name as typed
        columns = walk_columns(units)
        self.table = framed_on_focus(QTableWidget(len(deleted), 2 + len(columns)))
        self.table.setHorizontalHeaderLabels(["Deleted", "By", *(column.header for column in columns)])
        self.table.setAccessibleName("Deleted sessions, the latest deleted first")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, item in enumerate(deleted):
            for column, text in enumerate(_cells(item, columns)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setVisible(bool(deleted))
        self.log_again = QPushButton("&Log again")
        self.log_again.setAccessibleName("Log the chosen deleted session again")
        self.log_again.setEnabled(bool(deleted))
        self.log_again.setDefault(bool(deleted))
        close = QPushButton("&Close")  # Alt+C, as the dialog's other button has its letter
        self.log_again.clicked.connect(self.accept)
        close.clicked.connect(self.reject)
        self.table.doubleClicked.connect(self.accept)
        KeyPress(self.table, self.log_again.click)  # Enter on a session: as Log again
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.log_again)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        if deleted:
            self.table.selectRow(0)
            self.table.setFocus()
        # within the window's screen, its frame too, as the main window and settings (seen in review at 150 % on
        # 1366x768: 1398 pixels on a 1366-pixel screen, the intro, the Note column and Close cut off); the table
        # scrolls sideways in it
        room = screen_room(parent)
        self.resize(min(1100, self.table.horizontalHeader().length() + 60, room.width() - 16),
                    min(360 if deleted else 140, room.height() - 40))

    def chosen(self) -> DeletedSession | None:
        rows = self.table.selectionModel().selectedRows()
        return self._deleted[rows[0].row()] if rows else None


def chosen_to_log_again(parent: QWidget, patient_name: str, deleted: list[DeletedSession],
                        units: str = "metric") -> DeletedSession | None:
    """The deleted session the clinician chose to log again (None: closed without one)."""
    dialog = DeletedSessionsDialog(patient_name, deleted, parent, units)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
