"""The main window: the clinician's workflow in seven tabs, menus and shortcuts, and the start-up
work (records checked, evidence installed, backup made) done after the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from core.app_info import APP_NAME, app_version
from core.data_dir import DataDir
from ui.records_lifecycle import RecordsLifecycle

if TYPE_CHECKING:  # the workflow's modules are imported after the first paint (see _build_workflow)
    from core.evidence.models import Study
    from core.plan.adjustment import SessionLog


class MainWindow(RecordsLifecycle, QMainWindow):
    first_painted = Signal()
    evidence_ready = Signal(object)  # EvidenceOverview
    evidence_failed = Signal(str)
    records_damaged = Signal(str)
    backup_finished = Signal(str)  # the backup's path, or "" when it failed
    plan_saved = Signal(int)

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None, *, read_only: bool = False,
                 deferred: bool = False) -> None:
        """``deferred``: paint a light shell first and build the workflow right after (the app's start-up);
        otherwise build everything now (tests, screenshots)."""
        super().__init__(parent)
        self._data_dir = data_dir
        self.read_only = read_only
        self._painted = False
        self._ready = False
        self.overview = None
        self.setWindowTitle(APP_NAME + (" (read-only)" if read_only else "") + "[*]")  # [*]: unsaved changes mark
        self.setObjectName("mainWindow")
        self.setCentralWidget(self._loading_view())
        self.statusBar().showMessage(f"{APP_NAME}: opening the records in {data_dir.root}…")
        self._window_state = QSettings(str(data_dir.window_state_path), QSettings.Format.IniFormat)
        self._restore_geometry()
        self.installEventFilter(self)
        self.first_painted.connect(self._on_self_first_painted)
        if not deferred:
            self._build_workflow()

    # -- layout --------------------------------------------------------------------------------------

    def _build_workflow(self) -> None:
        """Everything beyond the shell: settings, the seven views, the menus. Imported here so the
        window paints before pydantic, SQLite helpers and the views are loaded."""
        if self._ready:
            return
        from ui.records_gateway import RecordsGateway

        import logging

        version = app_version()  # importlib.metadata is slow to import: after the first paint
        QApplication.instance().setApplicationVersion(version)
        logging.getLogger("treadwell").info("%s %s window open", APP_NAME, version)
        self.statusBar().showMessage(f"{APP_NAME} {version}: opening the records in {self._data_dir.root}…")
        self.settings = self._load_settings()
        self.gateway = RecordsGateway(self._data_dir, read_only=self.read_only)
        self._build_views()
        self._build_menus()
        self._ready = True

    def _build_views(self) -> None:
        from ui.views.dosing_view import DosingView
        from ui.views.etiology_picker import EtiologyPicker
        from ui.views.evidence_view import EvidenceView
        from ui.views.handout_view import HandoutView
        from ui.views.plan_editor import PlanEditor
        from ui.views.records_view import RecordsView
        from ui.views.session_log_view import SessionLogView

        self.picker = EtiologyPicker()
        self.evidence = EvidenceView(self.gateway.search_study_ids)
        self.dosing = DosingView()
        self.editor = PlanEditor()
        self.sessions = SessionLogView()
        self.handout = HandoutView()
        self.records = RecordsView(self.gateway, lambda: self.settings.clinician)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Workflow steps")
        for view, title in ((self.picker, "1 Etiology"), (self.evidence, "2 Evidence"), (self.dosing, "3 Animal dosing"),
                            (self.editor, "4 Patient && plan"), (self.sessions, "5 Session log"),
                            (self.handout, "6 Handout"), (self.records, "7 Records")):
            self.tabs.addTab(view, title)
        self.setCentralWidget(self.tabs)
        self.picker.etiology_chosen.connect(self._on_picker_etiology_chosen)
        self.editor.plan_changed.connect(self._on_editor_plan_changed)
        self.editor.dirty_changed.connect(self._on_editor_dirty_changed)
        self.sessions.log_requested.connect(self._on_sessions_log_requested)
        self.records.open_plan.connect(self.open_plan)
        self.records.changed.connect(self.statusBar().showMessage)
        self.handout.exported.connect(lambda path: self._audit("export", f"Handout saved: {path}"))
        self.handout.printed.connect(lambda pages: self._audit("print", f"Handout printed ({pages} pages)"))
        self.handout.apply_settings(self.settings)

    def _action(self, menu, text: str, shortcut: QKeySequence | str | None, handler, name: str) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action(file_menu, "&New patient", QKeySequence.StandardKey.New, self.new_patient, "newAction")
        self.save_action = self._action(file_menu, "&Save plan", QKeySequence.StandardKey.Save, self.save_plan, "saveAction")
        self.export_action = self._action(file_menu, "&Export handout PDF…", "Ctrl+E", self._on_export_triggered,
                                          "exportHandoutAction")
        self.print_action = self._action(file_menu, "&Print handout…", QKeySequence.StandardKey.Print,
                                         self._on_print_triggered, "printAction")
        self._action(file_menu, "Export handout from a profile &file…", None, self._on_export_file_triggered,
                     "exportFromFileAction")
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, "&Back up now", None, self._on_backup_action_triggered, "backupAction")
        self._action(file_menu, "Se&ttings…", QKeySequence.StandardKey.Preferences, self._on_settings_triggered,
                     "settingsAction")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close, "quitAction")
        view_menu = self.menuBar().addMenu("&View")
        self.find_action = self._action(view_menu, "&Find", QKeySequence.StandardKey.Find, self._on_find_triggered,
                                        "findAction")
        for index in range(self.tabs.count()):
            self._action(view_menu, self.tabs.tabText(index).replace("&&", "&"), f"Ctrl+{index + 1}",
                         lambda checked=False, i=index: self.tabs.setCurrentIndex(i), f"tab{index + 1}Action")
        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = self._action(help_menu, f"&About {APP_NAME}", None, self._on_about_action_triggered,
                                         "aboutAction")

    def _restore_geometry(self) -> None:
        geometry = self._window_state.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1280, 800)

    def _load_settings(self):
        from core.settings import Settings, SettingsError, load_settings

        try:
            return load_settings(self._data_dir.settings_path)
        except SettingsError as error:
            self.statusBar().showMessage(str(error))
            return Settings()

    # -- start-up ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_self_first_painted(self) -> None:
        if self._ready:
            self.start_records()
        else:  # let the first frame reach the screen, then build the workflow and open the records
            QTimer.singleShot(0, self._build_then_start)

    @Slot()
    def _build_then_start(self) -> None:
        self._build_workflow()
        self.start_records()

    # -- the workflow ----------------------------------------------------------------------------------

    def studies_for(self, etiology_id: str) -> list[Study]:
        return [s for s in (self.overview.studies if self.overview else []) if etiology_id in s.etiologies]

    @Slot(str)
    def _on_picker_etiology_chosen(self, etiology_id: str) -> None:
        if self.overview is None:
            return
        name = next((e.etiology.name for e in self.overview.etiologies if e.etiology.id == etiology_id), etiology_id)
        studies = self.studies_for(etiology_id)
        self.evidence.show_etiology(name, studies, self.overview.mechanisms)
        self.dosing.show_etiology(etiology_id, name, studies)
        if self.editor.plan_id is None:
            self.editor.set_etiology(etiology_id)

    @Slot(object)
    def _on_editor_plan_changed(self, plan) -> None:
        profile = self.editor.profile
        inputs = None if plan is None or profile is None else (profile, plan, self.studies_for(profile.etiology),
                                                                self.settings)
        self.handout.set_inputs(inputs)
        self._refresh_sessions()

    def _refresh_sessions(self) -> None:
        plan_id = self.editor.plan_id
        logs = self.gateway.session_logs(plan_id) if plan_id is not None and self.gateway.is_open else []
        pain = self.editor.profile.pain_nrs if self.editor.profile else 0
        self.sessions.set_plan(self.editor.plan, pain, logs, saved=plan_id is not None and not self.editor.dirty)

    @Slot(bool)
    def _on_editor_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self._refresh_sessions()

    @Slot()
    def new_patient(self) -> None:
        from ui.models.table_model import OBJECT_ROLE

        if self._discard_ok():
            etiology = self.picker.list.currentIndex().data(OBJECT_ROLE)
            self.editor.new_patient(etiology.etiology.id if etiology else None)
            self.tabs.setCurrentWidget(self.editor)

    @Slot()
    def save_plan(self) -> bool:
        if self.editor.profile is None or self.editor.computed_plan is None:
            self.editor.form.show_all_problems = True
            self.editor.recompute()
            self.statusBar().showMessage("Not saved: correct the fields marked in the profile first.")
            self.tabs.setCurrentWidget(self.editor)
            return False
        try:
            version = self.gateway.save_plan(self.editor.profile, self.editor.computed_plan, self.editor.overrides,
                                             clinician=self.settings.clinician, patient_id=self.editor.patient_id)
        except Exception as error:  # a plain sentence; details are in the log
            self.statusBar().showMessage(f"Not saved: {error}")
            return False
        self.editor.mark_saved(version)
        self.records.reload()
        self._refresh_sessions()
        self.statusBar().showMessage(f"Saved plan {version.id} (patient {version.patient_id}, version {version.version}).")
        self.plan_saved.emit(version.id)
        return True

    @Slot(int)
    def open_plan(self, plan_id: int) -> None:
        if not self._discard_ok():
            return
        version = self.gateway.get_plan(plan_id)
        self.editor.load_version(version)
        self.picker.select(version.profile.etiology)
        self.tabs.setCurrentWidget(self.editor)
        self._refresh_sessions()
        self.statusBar().showMessage(f"Opened plan {plan_id}, version {version.version} of patient {version.patient_id}.")

    @Slot(int, object)
    def _on_sessions_log_requested(self, week: int, log: SessionLog) -> None:
        try:
            self.gateway.add_session_log(self.editor.plan_id, week, log, clinician=self.settings.clinician)
        except Exception as error:
            self.sessions.message.setText(str(error))
            return
        self._refresh_sessions()
        self.statusBar().showMessage(f"Session of {log.date.isoformat()} recorded for week {week}.")

    def _audit(self, action: str, message: str) -> None:
        if self.editor.plan_id is not None:
            self.gateway.record_event(action, self.editor.plan_id, clinician=self.settings.clinician)
        self.statusBar().showMessage(message)

    def _discard_ok(self) -> bool:
        if not self.editor.dirty or self.editor.profile is None and not self.editor.form.name.text():
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", "The plan has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_plan()
        return answer == QMessageBox.StandardButton.Discard

    # -- menu actions ----------------------------------------------------------------------------------

    @Slot()
    def _on_export_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.handout)
        self.handout.export_pdf()

    @Slot()
    def _on_print_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.handout)
        self.handout.print_pdf()

    @Slot()
    def _on_find_triggered(self) -> None:
        target = {self.picker: self.picker.search, self.evidence: self.evidence.search,
                  self.records: self.records.search}.get(self.tabs.currentWidget(), self.evidence.search)
        if target is self.evidence.search:
            self.tabs.setCurrentWidget(self.evidence)
        target.setFocus()
        target.selectAll()

    @Slot()
    def _on_export_file_triggered(self) -> None:
        from ui.handout_export_dialog import HandoutExportDialog

        dialog = HandoutExportDialog(self._data_dir, self.settings, self)
        dialog.handout_saved.connect(lambda path, pages: self.statusBar().showMessage(f"Handout saved: {path} ({pages} pages)"))
        dialog.exec()

    @Slot()
    def _on_settings_triggered(self) -> None:
        from core.settings import SettingsError, save_settings
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or dialog.result_settings is None:
            return
        try:
            save_settings(dialog.result_settings, self._data_dir.settings_path)
        except SettingsError as error:
            QMessageBox.warning(self, "Settings", str(error))
            return
        self.settings = dialog.result_settings
        self.handout.apply_settings(self.settings)
        if self.overview is not None:
            self.editor.set_context(self.overview.studies, self.settings.plan)
        self.statusBar().showMessage("Settings saved.")

    @Slot()
    def _on_about_action_triggered(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._ready and not self._discard_ok():
            event.ignore()
            return
        self._window_state.setValue("main_window/geometry", self.saveGeometry())
        self._window_state.sync()
        if self._ready:
            self.gateway.close()
        super().closeEvent(event)
