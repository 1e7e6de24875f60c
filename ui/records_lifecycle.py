"""The records' life cycle in the window: opening the records after the first frame (evidence
installed, backup made), a damaged database with its restore, and backups on demand."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox


if TYPE_CHECKING:
    from core.workspace.startup import EvidenceOverview, StartupReport

log = logging.getLogger(__name__)
# How often a window that holds the data folder looks whether the day's backup is due (a product default)
DAILY_BACKUP_CHECK_MS = 30 * 60 * 1000


class RecordsLifecycle:
    """Mixed into MainWindow, which provides the signals, the status bar and the views. Its imports come
    when the records are opened, after the window's first frame."""

    _restored_words = ""  # what a restore did, said again once the records it put back are open
    _unusable: Exception | None = None  # why the records cannot be used (damaged, lost): File > Restore offers one
    # a backup under way (File > Back up now, or the day's): one at a time (found in review: each deletes the half-made
    # files it finds, the other's too)
    _backing_up = False

    def start_records(self) -> None:
        from core.workspace.startup import start_records
        from ui.background import run_in_background

        data_dir, read_only, settings = self._data_dir, self.read_only, self.settings
        run_in_background(lambda: start_records(data_dir, settings, read_only=read_only),
                          self._on_records_started, self._on_records_failed)

    @Slot(object)
    def _on_records_started(self, report: StartupReport) -> None:
        parts, self._restored_words = [self._restored_words] if self._restored_words else [], ""
        if report.overview is None:
            self.picker.set_entries([], waiting="The evidence library is not in this data folder yet. The Treadwell "
                                                "window that holds the folder installs it; open Treadwell again then.")
        else:
            self._show_overview(report.overview)
            parts.append(f"Evidence library {report.overview.library_version}: {report.overview.study_count} studies, "
                         f"{len(report.overview.etiologies)} etiologies.")
        if report.backup is not None:
            parts.append(self._backed_up(report.backup.name))
        if report.read_only:
            parts.append(f"Read-only: {self.gateway.read_only_why}.")
        self.statusBar().showMessage(" ".join(parts))
        self._tell_handout_which_plan()  # a read-only window says so on step 4 before the first keystroke, Save off
        self._show_backup_problem(report.backup_problem)
        self.start_daily_backups()
        if report.overview is not None:
            self.evidence_ready.emit(report.overview)

    def _backed_up(self, name: str) -> str:
        """The day's backup, said as what it holds: on the clinic server, this workstation's own file, not the clinic's
        records (seen by a clinic's tester: "Backed up to ..." read as the records being safe)."""
        from core.workspace.maintenance import ON_CLINIC_SERVER

        return f"Backed up to {name}." + (f" {ON_CLINIC_SERVER}" if self.gateway.on_clinic_server else "")

    def _show_overview(self, overview: EvidenceOverview) -> None:
        self.gateway.open()
        self._use_evidence(overview)
        self._connect_records_place()

    def _use_evidence(self, overview: EvidenceOverview) -> None:
        """Every view that shows the evidence, from ``overview`` (the chosen etiology stays chosen)."""
        self.overview = overview
        self.editor.set_etiologies([(e.id, e.name) for e in overview.etiologies])
        self.editor.set_context(overview.studies, self.settings.plan, self.settings.units)
        self.picker.set_entries(overview.etiologies)
        self.records.set_etiology_names({e.id: e.name for e in overview.etiologies})
        self.progress.set_etiology_names({e.id: e.name for e in overview.etiologies})

    @Slot(object)
    def _on_records_failed(self, error: Exception) -> None:
        from core.workspace.errors import DatabaseDamaged, DatabaseError, NotTreadwellRecords, RecordsLost

        self.restore_action.setEnabled(True)  # a restore that failed may be tried again

        if isinstance(error, DatabaseDamaged):
            state = ("missing or empty beside its backups; nothing was made anew" if isinstance(error, RecordsLost)
                     else "another program's database; it has not been changed"
                     if isinstance(error, NotTreadwellRecords) else "damaged; it has not been changed")
            if self.read_only:  # only the window that holds the data folder may put a backup in place
                self._show_problem(f"The records database is {state}. The Treadwell window that holds this data "
                                   "folder can restore the newest good backup.")
                self.records_damaged.emit(str(error))
                return
            self._show_problem(f"The records database is {state}. File > Restore the newest good backup puts one in "
                               "place.")
            self.records_damaged.emit(str(error))
            self._unusable = error
            self.restore_action.setVisible(True)  # seen by a helper: after "Not now", no way back but a restart
            self._offer_restore()
            return
        message = str(error) if isinstance(error, DatabaseError) else f"The records could not be opened: {error}"
        self._show_problem(message)
        self.evidence_failed.emit(message)

    def _show_problem(self, message: str) -> None:
        """Nothing from records that did not open stays on screen."""
        self.overview = None
        self.picker.set_entries([], waiting=message)
        self.statusBar().showMessage(message)

    @Slot()
    def _offer_restore(self) -> None:
        """The records damaged or lost: what a restore does, asked before it (seen by a helper: the dialog sent the
        clinician to "the dialog in the app", itself, and said nothing of the work saved after the backup)."""
        from core.workspace.errors import RESTORE_WAYS, NotTreadwellRecords, RecordsLost

        box = QMessageBox(QMessageBox.Icon.Warning, "Records not usable", str(self._unusable).replace(RESTORE_WAYS, ""),
                          parent=self)
        kept = ("Anything saved after that backup is not in it." if isinstance(self._unusable, RecordsLost) else
                "The other program's database is kept beside it, unchanged." if isinstance(
                    self._unusable, NotTreadwellRecords) else
                "The damaged file is kept beside it, unchanged: anything saved after that backup is only in it.")
        box.setInformativeText(f"A restore checks the backups, newest first, and puts the first that passes its check "
                               f"in place. {kept}")
        restore = box.addButton("Restore the newest good backup", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_newest_backup()

    def restore_newest_backup(self) -> None:
        if self.read_only:
            self.statusBar().showMessage("Read-only: the window that holds this data folder restores backups.")
            return
        from core.workspace.maintenance import restore_newest
        from ui.background import run_in_background

        data_dir = self._data_dir
        self.restore_action.setEnabled(False)  # one at a time (seen in review: a second set the first's result aside)
        run_in_background(lambda: restore_newest(data_dir), self._on_restored, self._on_records_failed)

    @Slot(object)
    def _on_restored(self, message: str) -> None:
        """Seen by a helper: what the restore did (which backup, of when, and where the damaged file went) showed for
        a moment, replaced by the evidence library's line as the records opened; and it was not in the log."""
        self._restored_words = message
        self.restore_action.setVisible(False)
        self.statusBar().showMessage(message)
        self.start_records()

    @Slot()
    def _on_backup_action_triggered(self) -> None:
        if self.read_only:
            self.statusBar().showMessage("Read-only: the window that holds this data folder makes the backups.")
            return
        if self._backing_up:
            self.statusBar().showMessage("A backup is being made now; the records are backed up once it is done.")
            return
        from core.workspace.maintenance import backup_now
        from ui.background import run_in_background

        data_dir, settings = self._data_dir, self.settings
        self.statusBar().showMessage("Backing up…")
        self._backing_up = True
        run_in_background(lambda: backup_now(data_dir, daily=settings.backup_daily_keep, weekly=settings.backup_weekly_keep),
                          self._on_backup_done, self._on_backup_failed)

    def start_daily_backups(self) -> None:
        """Every DAILY_BACKUP_CHECK_MS while the window holds the data folder, the day's backup where one is due
        (core/storage/maintenance.py backup_of_the_day)."""
        if getattr(self, "_daily_backups", None) is None:
            from PySide6.QtCore import QTimer

            self._daily_backups = QTimer(self)
            self._daily_backups.timeout.connect(self._on_daily_backups_timeout)
            self._daily_backups.start(DAILY_BACKUP_CHECK_MS)

    @Slot()
    def _on_daily_backups_timeout(self) -> None:
        if self.read_only or not self.gateway.is_open or self._backing_up:
            return
        from core.workspace.maintenance import backup_of_the_day
        from ui.background import run_in_background

        data_dir, keep = self._data_dir, (self.settings.backup_daily_keep, self.settings.backup_weekly_keep)
        rotate = getattr(self, "settings_problem", None) is None  # how many to keep known: as a command's (review)
        self._backing_up = True
        run_in_background(lambda: backup_of_the_day(data_dir, daily=keep[0], weekly=keep[1], rotate=rotate),
                          self._on_daily_backup_done, self._on_daily_backup_failed)

    @Slot(object)
    def _on_daily_backup_done(self, path) -> None:
        self._backing_up = False
        if path is not None:  # logged, not said: a status line a clinician is reading is not replaced by it
            log.info("the day's backup: %s", path.name)
            self._show_backup_problem(None)
            self.backup_finished.emit(str(path))

    @Slot(object)
    def _on_daily_backup_failed(self, error: Exception) -> None:
        self._backing_up = False
        log.warning("the day's backup was not made: %s", error)
        self._show_backup_problem(f"Today's backup was not made: {error} The records are open; back up when you can "
                                  "(File > Back up now).", said="Today's backup was not made.")

    def _show_backup_problem(self, problem: str | None, *, said: str = "The start-up backup was not made.") -> None:
        """A backup's problem in the status bar, one at most, until a backup is made (seen in review: it
        stayed after File > Back up now succeeded, and a second start-up, after a restore, added a second)."""
        if getattr(self, "backup_problem", None) is not None:
            self.statusBar().removeWidget(self.backup_problem)
            self.backup_problem.deleteLater()
            self.backup_problem = None
        if problem is not None:
            from ui.why_link import status_problem

            self.backup_problem = status_problem(self, said, problem, title="Backup", accessible_name=problem)

    @Slot(object)
    def _on_backup_done(self, path) -> None:
        from core.workspace.maintenance import ON_CLINIC_SERVER

        self._backing_up = False
        self._show_backup_problem(None)
        on_server = f" {ON_CLINIC_SERVER}" if self.gateway.records_url else ""
        self.statusBar().showMessage(f"Backed up and verified: {path.name}.{on_server}")
        self.backup_finished.emit(str(path))

    @Slot(object)
    def _on_backup_failed(self, error: Exception) -> None:
        self._backing_up = False
        self.statusBar().showMessage(str(error))
        self.backup_finished.emit("")
