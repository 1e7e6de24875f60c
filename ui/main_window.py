"""The main window shell: title, menus, status bar, and geometry remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from core.app_info import APP_NAME, app_version
from core.data_dir import DataDir
from core.evidence.overview import StartupReport, start_records
from core.settings import Settings, SettingsError, load_settings
from core.storage.backup import BackupError, newest_good_backup, restore_backup
from core.storage.database import DatabaseDamaged, DatabaseError
from core.storage.maintenance import backup_now
from ui.about_dialog import AboutDialog
from ui.background import run_in_background
from ui.handout_export_dialog import HandoutExportDialog


class MainWindow(QMainWindow):
    first_painted = Signal()
    evidence_ready = Signal(object)  # EvidenceOverview
    evidence_failed = Signal(str)
    records_damaged = Signal(str)
    backup_finished = Signal(str)  # the backup's path, or "" when it failed

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self.read_only = read_only
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._build_menus()
        self._build_central()
        self.statusBar().showMessage(f"{APP_NAME} {app_version()} ready. Records are kept in {data_dir.root}")
        self._window_state = QSettings(str(data_dir.window_state_path), QSettings.Format.IniFormat)
        self._restore_geometry()
        self.installEventFilter(self)
        self.first_painted.connect(self._on_self_first_painted)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.export_action = QAction("&Export handout from a profile…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setObjectName("exportHandoutAction")
        self.export_action.triggered.connect(self._on_export_action_triggered)
        file_menu.addAction(self.export_action)
        self.backup_action = QAction("&Back up now", self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setObjectName("quitAction")
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(self.about_action)

    def _build_central(self) -> None:
        intro = QLabel(
            f"<h2>{APP_NAME}</h2><p>Choose the patient's neuropathic pain etiology, review the evidence "
            "behind exercise for it, draft a moderate treadmill plan and print the large-print handout.</p>"
        )
        intro.setWordWrap(True)
        intro.setMargin(24)
        intro.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        intro.setAccessibleName("Welcome")
        self.setCentralWidget(intro)

    def _restore_geometry(self) -> None:
        geometry = self._window_state.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1100, 720)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._window_state.setValue("main_window/geometry", self.saveGeometry())
        self._window_state.sync()
        super().closeEvent(event)

    @Slot()
    def _on_self_first_painted(self) -> None:
        """Open the records, install the evidence and back up only after the window is on screen."""
        self.start_records()

    def start_records(self) -> None:
        try:
            settings = load_settings(self._data_dir.settings_path)
        except SettingsError as error:
            self.statusBar().showMessage(str(error))
            settings = Settings()
        data_dir, read_only = self._data_dir, self.read_only
        run_in_background(lambda: start_records(data_dir, settings, read_only=read_only),
                          self._on_records_started, self._on_records_failed)

    @Slot(object)
    def _on_records_started(self, report: StartupReport) -> None:
        parts = []
        if report.overview is not None:
            overview = report.overview
            parts.append(f"Evidence library {overview.library_version}: {overview.study_count} studies, "
                         f"{len(overview.etiologies)} etiologies.")
        if report.backup is not None:
            parts.append(f"Backed up to {report.backup.name}.")
        if report.read_only:
            parts.append("Read-only: another Treadwell window is using this data folder.")
        self.statusBar().showMessage(" ".join(parts))
        if report.overview is not None:
            self.evidence_ready.emit(report.overview)

    @Slot(object)
    def _on_records_failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseDamaged):
            self.statusBar().showMessage("The records database is damaged; it has not been changed.")
            self.records_damaged.emit(str(error))
            self._offer_restore(str(error))
            return
        message = str(error) if isinstance(error, DatabaseError) else f"The records could not be opened: {error}"
        self.statusBar().showMessage(message)
        self.evidence_failed.emit(message)

    def _offer_restore(self, problem: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Records damaged", problem, parent=self)
        restore = box.addButton("Restore the newest good backup", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_newest_backup()

    def restore_newest_backup(self) -> None:
        data_dir = self._data_dir

        def restore() -> str:
            backup = newest_good_backup(data_dir.backups_dir)
            if backup is None:
                raise BackupError(f"No backup in {data_dir.backups_dir} passes its check. The damaged file is "
                                  "untouched; ask your IT contact for help.")
            aside = restore_backup(backup, data_dir.database_path)
            return f"Restored {backup.name}; the damaged file was kept as {aside.name if aside else 'nothing'}."

        run_in_background(restore, self._on_restored, self._on_records_failed)

    @Slot(object)
    def _on_restored(self, message: str) -> None:
        self.statusBar().showMessage(message)
        self.start_records()

    @Slot()
    def _on_export_action_triggered(self) -> None:
        try:
            settings = load_settings(self._data_dir.settings_path)
        except SettingsError as error:
            self.statusBar().showMessage(str(error))
            return
        dialog = HandoutExportDialog(self._data_dir, settings, self)
        dialog.handout_saved.connect(self._on_handout_saved)
        dialog.exec()

    @Slot(str, int)
    def _on_handout_saved(self, path: str, pages: int) -> None:
        self.statusBar().showMessage(f"Handout saved: {path} ({pages} pages)")

    @Slot()
    def _on_backup_action_triggered(self) -> None:
        if self.read_only:
            self.statusBar().showMessage("Read-only: the window that holds this data folder makes the backups.")
            return
        try:
            settings = load_settings(self._data_dir.settings_path)
        except SettingsError as error:
            self.statusBar().showMessage(str(error))
            return
        data_dir = self._data_dir
        self.statusBar().showMessage("Backing up…")
        run_in_background(lambda: backup_now(data_dir, daily=settings.backup_daily_keep,
                                             weekly=settings.backup_weekly_keep),
                          self._on_backup_done, self._on_backup_failed)

    @Slot(object)
    def _on_backup_done(self, path) -> None:
        self.statusBar().showMessage(f"Backed up and verified: {path.name}")
        self.backup_finished.emit(str(path))

    @Slot(object)
    def _on_backup_failed(self, error: Exception) -> None:
        self.statusBar().showMessage(str(error))
        self.backup_finished.emit("")

    @Slot()
    def _on_about_action_triggered(self) -> None:
        AboutDialog(self).exec()
