"""A read-only window becoming the one that edits. While another Treadwell window holds the data folder, its
lock is tried every few seconds (taken and let go at once: cheap, and a window that has not switched holds
nothing), and what the other window saved meanwhile is read again; once it is free, a bar offers to switch, and
switching takes the lock and opens the records again for writing, keeping what is on screen. Mixed into MainWindow,
which provides the lock, the gateway and the views."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar

from core.app_info import APP_NAME

LOCK_POLL_MS = 3_000  # the offer appears within this of the other window closing
OFFER = "The other Treadwell window has closed."


class EditingSwitch:
    _lock_poll: QTimer | None = None
    editing_offer: QToolBar | None = None

    def _show_title(self) -> None:
        """The title says whether this window can save; the records' import and delete follow (once built)."""
        self.setWindowTitle(APP_NAME + (" (read-only)" if self.read_only else "") + "[*]")  # [*]: unsaved changes
        records = getattr(self, "records", None)
        if records is not None:
            records.set_writable(self.read_only_why)

    @property
    def read_only_why(self) -> str:
        """Why this window cannot save ("" where it can): another window holds the folder, or it cannot be written."""
        from core.workspace.gateway import ANOTHER_WINDOW  # not a first-frame import

        gateway = getattr(self, "gateway", None)
        return "" if not self.read_only else gateway.read_only_why if gateway is not None else ANOTHER_WINDOW

    def _watch_for_free_lock(self) -> None:
        if self._lock_poll is None:
            self._lock_poll = QTimer(self)
            self._lock_poll.timeout.connect(self._on_lock_poll_timeout)
        self._lock_poll.start(LOCK_POLL_MS)

    @Slot()
    def _on_lock_poll_timeout(self) -> None:
        if not self._ready:  # seen in testing: a notice read for more than one poll ended in an AttributeError, as
            return  # the poll came before the window had its records gateway; it waits for the whole window
        if not self.read_only or self._lock is not None:
            self._lock_poll.stop()
            return
        from core.workspace.lock import DataDirLock

        if changed := self.gateway.saved_elsewhere():
            self._show_saved_elsewhere(changed)
        free = DataDirLock(self._data_dir.lock_path).is_free()
        if free and self.editing_offer is None:
            self._build_editing_offer()
        if self.editing_offer is not None:
            self.editing_offer.setVisible(free)  # a window that took the folder meanwhile takes the offer away

    def _show_saved_elsewhere(self, changed: str = "saved") -> None:
        """The other window saved (or a backup was restored: ``changed``, as RecordsGateway.saved_elsewhere): the
        records list, and the open patient's versions and sessions, are read again (step 4 follows a newer version in
        force where nothing is typed, ui/newer_elsewhere.py)."""
        self.records.reload()
        shown = self.editor.patient_id
        newer = self._read_again_following_newer()
        if self.editor.patient_id == shown:  # else deleted there: said so (seen in review: said over at once)
            self.statusBar().showMessage(("Updated: the Treadwell window that holds the records saved a change." if
                                          changed == "saved" else "Updated: a backup was restored in place of the "
                                          "records; what is shown is read from it now.") + newer)

    def _build_editing_offer(self) -> None:
        from PySide6.QtCore import Qt  # not before the first frame: PySide's Qt namespace is slow to create

        bar = QToolBar("Switch to editing", self)
        bar.setObjectName("editingOffer")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.setStyleSheet("QToolBar#editingOffer { background: #E3F1E6; border: none; padding: 4px; spacing: 12px; }"
                          " QToolBar#editingOffer QLabel { color: #123D1C; }")
        self.editing_offer_text = QLabel(OFFER)
        self.switch_button = QPushButton("&Switch to editing")
        self.switch_button.setAccessibleName("Switch this window to editing: open the records so it can save")
        self.switch_button.clicked.connect(self.switch_to_editing)
        bar.addWidget(self.editing_offer_text)
        bar.addWidget(self.switch_button)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.editing_offer = bar

    @Slot()
    def switch_to_editing(self) -> bool:
        """Take the data folder's lock and open the records for writing (the start-up's library check and
        backup included); False, saying so, when another window took the folder first."""
        from core.workspace.lock import DataDirLock, LockFileError
        from core.workspace.startup import start_records
        from ui.background import run_in_background

        lock = DataDirLock(self._data_dir.lock_path)
        try:
            taken = lock.acquire()  # waits for another read-only window's probe to let go
        except LockFileError:
            taken = False
        if self.editing_offer is not None:
            self.editing_offer.setVisible(False)
        if not taken:
            self.statusBar().showMessage("Another Treadwell window has opened the data folder meanwhile: this window "
                                         "stays read-only.")
            self._watch_for_free_lock()
            return False
        self._lock = lock  # still read-only (title, Save, backups) until the records are open for writing
        self.settings_read_anew()  # as the window that held the folder left them
        self.statusBar().showMessage("Opening the records for editing…")
        data_dir, settings = self._data_dir, self.settings
        run_in_background(lambda: start_records(data_dir, settings, read_only=False), self._on_editing_records_open,
                          self._on_editing_records_failed)
        return True

    @Slot(object)
    def _on_editing_records_open(self, report) -> None:
        self.read_only = False
        self._show_title()
        self.gateway.become_writer()
        if self.overview is None:  # nothing from the records was shown: open them as at start-up
            self._on_records_started(report)
            return
        self.gateway.open()
        self.records.reload()
        self._refresh_course()
        self.statusBar().showMessage("This window can save now: it holds the data folder." + (
            f" {self._backed_up(report.backup.name)}" if report.backup is not None else ""))
        self._show_backup_problem(report.backup_problem)  # seen in review: a backup not made said nothing here
        self.start_daily_backups()

    @Slot(object)
    def _on_editing_records_failed(self, error: Exception) -> None:
        self.read_only = False  # this window holds the folder: it may offer the restore
        self._show_title()
        self.gateway.become_writer()
        self._on_records_failed(error)  # a damaged database: this window may now offer the restore
