"""Step 8: the saved patients, searchable, with each patient's plan history, bundles and delete."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from core.clinic_log import patient_changed_meanwhile
from core.records.authors import author
from core.records.interface import COUNT_CAP
from core.records.models import PatientChangedMeanwhile, PlanSummary
from core.stamps import local_minute
from ui.focus_frame import framed_on_focus
from ui.views.patient_table import PatientTable
from ui.models.table_model import RowsTableModel
from ui.plain_text import shown_as_typed
from core.workspace.gateway import RecordsGateway
from ui.enter_key import KeyPress
from ui.file_dialogs import open_file, save_file

PAGE = 200
HEADERS = ["Name", "Patient no.", "Etiology", "Version", "Saved", "Plan id"]  # the numbers messages name


class PatientListModel(RowsTableModel):
    """The newest plan of each patient, fetched a page at a time as the list scrolls."""

    page_failed = Signal(str)  # the next page could not be read: why

    def __init__(self, gateway: RecordsGateway, parent=None) -> None:
        super().__init__(HEADERS, parent)
        self._gateway = gateway
        self._search: str | None = None
        self._total = 0
        self._fetch_failed = False  # the next page could not be read: none is asked for until the list is read again
        self.etiology_names: dict[str, str] = {}  # id -> name, from the evidence library

    def reload(self, search: str | None = None) -> None:
        """Raises what the gateway raises (the clinic server gone, say) after showing an empty list."""
        self.beginResetModel()
        self._search, self._fetch_failed = search or None, False
        try:
            self._total = self._gateway.count_patients(self._search)
            self._rows = self._gateway.list_plans(self._search, PAGE, 0)
        except Exception:
            self._total, self._rows = 0, []
            raise
        finally:
            self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._fetch_failed and (len(self._rows) < self._total
                                                                    or self._total > COUNT_CAP)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        try:
            more = self._gateway.list_plans(self._search, PAGE, len(self._rows))
        except Exception as error:  # the clinic server went away: no more rows until the list is read again (reload)
            self._fetch_failed = True
            self.page_failed.emit(str(error))
            return
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows += more
        self.endInsertRows()

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 2):
            # the name's and the etiology's columns give way to the numbers: their whole text on hover
            return [row.patient_name, str(row.patient_id), self.etiology_names.get(row.etiology, row.etiology),
                    str(row.version), local_minute(row.created_at), str(row.plan_id)][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class RecordsView(QWidget):
    open_plan = Signal(int)
    changed = Signal(str)  # a status message after an import, export or delete
    patient_deleted = Signal(int)  # patient id, once deleted

    def __init__(self, gateway: RecordsGateway, clinician: callable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._clinician = clinician
        self._writable = True
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search patients by any part of the name")
        self.search.setClearButtonEnabled(True)
        self.model = PatientListModel(gateway, self)
        self.table = framed_on_focus(PatientTable(PAGE))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.history = framed_on_focus(QListWidget())
        self.history.setWordWrap(True)  # a long name of the clinician wraps rather than scrolling sideways
        self.history.setSpacing(2)  # each version apart, its reason under it
        self.count = QLabel()
        self.count.setWordWrap(True)  # a message in place of the count never widens the window
        self.open_button, self.export_button = QPushButton("&Open"), QPushButton("E&xport bundle…")
        self.import_button, self.delete_button = QPushButton("&Import bundle…"), QPushButton("&Delete patient…")
        for widget, name in ((self.search, "Search patients"), (self.table, "Patients"),
                             (self.history, "Plan versions of the selected patient"), (self.open_button, "Open plan"),
                             (self.export_button, "Export patient bundle"), (self.import_button, "Import patient bundle"),
                             (self.delete_button, "Delete patient")):
            widget.setAccessibleName(name)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.export_button, self.import_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Plan versions</b> (double-click or Enter to open)"))
        right.addWidget(self.history)
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table)
        left.addWidget(self.count)
        row.addLayout(left, 3)
        row.addLayout(right, 1)  # the patients get the room: a name cut to "Mar… Ellis" at 150 %
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>8. Records</h3>"))
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.model.page_failed.connect(self._on_model_page_failed)
        self.model.modelReset.connect(self.table.fit_names)
        self.model.rowsInserted.connect(self.table.fit_names)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.history.itemDoubleClicked.connect(self._on_history_item_double_clicked)
        KeyPress(self.table, self._on_table_double_clicked)  # Enter on a row or a version: as a double-click
        KeyPress(self.search, self._on_search_entered)  # from the search to the patients found, or the one found
        KeyPress(self.search, self._go_to_patients, keys=(Qt.Key.Key_Down,))
        KeyPress(self.history, lambda: self.history.currentItem() and self._on_history_item_double_clicked(
            self.history.currentItem()))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def set_writable(self, read_only_why: str) -> None:
        """A read-only window (another holds the data folder) reads patients; it does not import, export or delete
        them (an export is written in the audit trail, which it cannot write: seen in review, Export bundle was
        offered and every export failed), and says why on the buttons' tooltips rather than after a choice.
        ``read_only_why``: "" where the window can save."""
        self._writable = writable = not read_only_why
        why = f"Read-only: {read_only_why}." if read_only_why else ""
        self.import_button.setEnabled(writable)
        for button in (self.import_button, self.export_button, self.delete_button):
            button.setToolTip(why)
        for button in (self.export_button, self.delete_button):
            button.setEnabled(writable and self.open_button.isEnabled())  # a patient listed, as Open

    def set_etiology_names(self, names: dict[str, str]) -> None:
        self.model.etiology_names = dict(names)
        self.reload()

    def reload(self) -> None:
        """List the patients again (a search, another window's or workstation's save): the patient selected stays
        selected where still listed (seen in review: each save elsewhere jumped the list back to its first row)."""
        chosen = self.selected()
        try:
            self.model.reload(self.search.text().strip())
        except Exception as error:  # the clinic server cannot be reached: said where the count goes
            self.count.setText(f"The patients could not be listed: {error}")
            self.history.clear()
            return
        self.count.setText(self._counted())
        if self.model.rowCount():
            self.table.selectRow(self._row_of(chosen.patient_id) if chosen is not None else 0)
        else:
            self.history.clear()
            self._show_patient_actions(False)

    def _counted(self) -> str:
        total, searching = self.model.total, bool(self.search.text().strip())
        return ((f"more than {COUNT_CAP:,} patients" if total > COUNT_CAP else
                 f"{total} {'patient' if total == 1 else 'patients'}") +
                ((" matches" if total == 1 else " match") if searching else ""))

    @Slot(str)
    def _on_model_page_failed(self, error: str) -> None:
        # seen by a clinic's tester: "250 patients" stayed under a list that stopped at 200, with no word why
        self.count.setText(f"{self._counted()}; only the first {self.model.rowCount()} listed, as the next ones could "
                           f"not be read: {error.rstrip('.')}. The list is read again with a new search, or once the "
                           "connection is back.")

    def _row_of(self, patient_id: int) -> int:
        """The listed row of ``patient_id`` (0 when not listed)."""
        return next((row for row in range(self.model.rowCount())
                     if self.model.index(row, 0).data(Qt.ItemDataRole.UserRole).patient_id == patient_id), 0)

    def _show_patient_actions(self, enabled: bool) -> None:
        """Open, export and delete act on a patient: greyed out while none is listed (they did nothing). A button
        greyed out under the focus hands it to the search (seen in testing: deleting the last patient sent it to the
        step tabs, where the next arrow changed step)."""
        # the window's focus widget, as the confirming dialog has just closed and the window is not active yet (seen
        # in review: hasFocus() was false there, and the focus went to the step tabs all the same)
        had_focus = self.window().focusWidget() in (self.open_button, self.export_button, self.delete_button)
        self.open_button.setEnabled(enabled)
        for button in (self.export_button, self.delete_button):
            button.setEnabled(enabled and self._writable)
        if had_focus and not enabled:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> PlanSummary | None:
        index = self.table.currentIndex()
        return self.model.index(index.row(), 0).data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self.reload()

    def _on_table_current_row_changed(self, current, previous) -> None:
        self.history.clear()
        row = self.selected()
        self._show_patient_actions(row is not None)
        if row is None:
            return
        try:
            history = self._gateway.history(row.patient_id)
        except Exception as error:  # the clinic server went away (seen by a clinic's tester: the crash dialog)
            said = QListWidgetItem(f"The versions could not be read: {error}")
            said.setFlags(Qt.ItemFlag.NoItemFlags)  # nothing to open
            self.history.addItem(said)
            return
        for version in reversed(history):
            item = QListWidgetItem(f"Version {version.version} — {local_minute(version.created_at)} — "
                                   f"by {author(version.created_by)}"
                                   + (f"\nReason: {version.reason}" if version.reason else ""))
            item.setToolTip(f"Plan id {version.id}, as the command line names it (plans show {version.id})")
            item.setData(Qt.ItemDataRole.UserRole, version.id)
            self.history.addItem(item)

    @Slot()
    def _on_open_button_clicked(self, *_: object) -> None:
        item = self.history.currentItem()
        if item is not None and item.isSelected():
            self.open_plan.emit(item.data(Qt.ItemDataRole.UserRole))
        elif (row := self.selected()) is not None:
            self.open_plan.emit(row.plan_id)

    def _on_search_entered(self) -> None:
        """Enter in the search: a search that found one patient opens that patient's newest plan (seen in testing:
        Enter after typing a name took a second Enter to open the record); otherwise on to the patients found."""
        self._go_to_patients()
        if self.search.text().strip() and self.model.total == 1:
            self._on_table_double_clicked()

    def _go_to_patients(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    @Slot()
    def _on_table_double_clicked(self, *_: object) -> None:
        """The patient's newest plan (the row acted on, whichever version is selected beside it)."""
        if (row := self.selected()) is not None:
            self.open_plan.emit(row.plan_id)

    def _on_history_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.open_plan.emit(item.data(Qt.ItemDataRole.UserRole))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        path = save_file(self, "Export patient bundle", f"{row.patient_name}.treadwell.json".replace("/", "-"),
                         "Treadwell bundle (*.json)")
        if path:
            self._report(lambda: " ".join([f"Exported {row.patient_name} to {path}.", *self._gateway.export_bundle(
                row.plan_id, Path(path), clinician=self._clinician())]), "")

    @Slot()
    def _on_import_button_clicked(self) -> None:
        path = open_file(self, "Import patient bundle", "Treadwell bundle (*.json)")
        if path:
            from ui.views.bundle_import import import_asking

            self._report(lambda: import_asking(self, self._gateway, Path(path), self._clinician()), f"Imported {path}")

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        from core.records.models import PatientHolding

        row = self.selected()
        if row is None:
            return
        try:  # what is deleted, counted: only that is deleted (another workstation may save meanwhile)
            walks = self._gateway.sessions(row.patient_id)
            shown = PatientHolding(len(self._gateway.history(row.patient_id)), len(walks),
                                   max((walk.updated_at for walk in walks), default=""))
        except Exception as error:  # the clinic server went away
            QMessageBox.warning(self, "Delete patient", shown_as_typed(
                f"Nothing was deleted: {row.patient_name}'s records could not be read. {error}"))
            return
        answer = QMessageBox.question(
            self, "Delete patient",
            shown_as_typed(f"Delete {self._whom(row)} with {shown.in_words()}?\n\n"
                           f"This cannot be undone here. {self._kept_where()}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self._report(lambda: self._gateway.delete_patient(row.patient_id, clinician=self._clinician(),
                                                                as_shown=shown), f"Deleted {self._whom(row)}.",
                            then=lambda: self.patient_deleted.emit(row.patient_id)):
            self.reload()  # refused (changed meanwhile, the server gone): the list as it is now, to look at again

    def _whom(self, row: PlanSummary) -> str:
        """The patient as the list shows them, by name, number and etiology (seen by a clinic's tester: two patients
        named Bob Chen, and "Delete Bob Chen?" did not say which)."""
        etiology = self.model.etiology_names.get(row.etiology, row.etiology)
        return f"{row.patient_name} (patient {row.patient_id}, {etiology})"

    def _kept_where(self) -> str:
        """Where a deleted patient may still be found (seen in review: "the backups still hold the record" was said on
        a data folder's first day, with no backup yet, and on the clinic server of this workstation's own file)."""
        if self._gateway.records_url:
            return "Only the clinic server's own backups made before now hold the record."
        return ("Only a backup made before now holds the record: to keep one, choose No, then File > Back up now, "
                "and delete after.")

    def _report(self, action, success: str, *, then=None) -> bool:
        """Run ``action``; True once it is done and said, False when it failed and a message box said why. ``then``:
        what follows a success before it is said (seen in review: the window read a patient deleted here, and still
        open, as deleted elsewhere, as "changed" reached it before "patient_deleted")."""
        from core.workspace.bundles import BundleError

        try:
            said = action()
        except BundleError as error:
            QMessageBox.warning(self, "Nothing was imported", shown_as_typed(  # each problem a sentence of its own
                "\n".join(problem[:1].upper() + problem[1:] for problem in error.problems)))
            return False
        except PatientChangedMeanwhile as error:  # a refusal made on purpose, not a fault: no traceback in the log
            patient_changed_meanwhile(error.patient_id)  # (seen by a clinic's tester: an ERROR there)
            QMessageBox.warning(self, "Records", shown_as_typed(str(error)))
            return False
        except Exception as error:  # plain message; the traceback to the log, its message withheld there (seen in
            logging.getLogger(__name__).exception("a records action failed")  # review: "the details are in the
            QMessageBox.warning(self, "Records", shown_as_typed(str(error)))  # log", and nothing was)
            return False
        self.reload()
        if then is not None:
            then()
        self.changed.emit(said if isinstance(said, str) else success)
        return True
