"""The main window: the clinician's workflow in eight tabs, menus and shortcuts, and the start-up
work (records checked, evidence installed, backup made) done after the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from core.app_info import APP_NAME, app_version
from core.data_dir import DataDir
from ui.clinic_link import ClinicLink
from ui.clinic_settings import ClinicSettings
from ui.editing_switch import EditingSwitch
from ui.message_bar import MessageBar
from ui.new_day import NewDay
from ui.patient_care import FIELDS_FIRST, PatientCare
from ui.plain_text import shown_as_typed
from ui.records_lifecycle import RecordsLifecycle
from ui.window_place import WindowPlace

if TYPE_CHECKING:  # the workflow's modules, and Qt classes the first frame does not use, come after it
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence

    from core.evidence.entries import EtiologyEntry
    from core.evidence.models import Study


STEP_TITLES = ("1 Etiology", "2 Evidence", "3 Animal dosing", "4 Patient && plan", "5 Session log", "6 Progress",
               "7 Handout", "8 Records")
VIEW_NAMES = ("evidence", "dosing", "editor", "sessions", "progress", "handout", "records")  # steps 2 to 8, in order


class MainWindow(RecordsLifecycle, PatientCare, ClinicLink, ClinicSettings, EditingSwitch, NewDay, WindowPlace,
                 QMainWindow):
    first_painted = Signal()
    evidence_ready = Signal(object)  # EvidenceOverview
    evidence_failed = Signal(str)
    records_damaged = Signal(str)
    backup_finished = Signal(str)  # the backup's path, or "" when it failed
    plan_saved = Signal(int)

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None, *, read_only: bool = False,
                 deferred: bool = False, take_lock: bool = False, quiet: bool = False,
                 records_url: str | None = None) -> None:
        """The first frame shows step 1, the etiologies as installed in the records, read with the standard library
        before anything heavy loads. ``deferred``: build the other steps after that frame, one per turn of the event
        loop (the app's start-up); otherwise build them now (tests, screenshots). Either way the records are opened
        once the window is painted. ``take_lock``: the app's window takes the data folder's one-writer lock after the
        first frame, and opens read-only, saying why (unless ``quiet``), when another process holds it."""
        super().__init__(parent)
        self._data_dir = data_dir
        self._records_url = records_url  # the clinic server (--records), else Settings decide
        self.read_only, self._cannot_write = read_only, False  # the latter: the folder's lock file could not be opened
        self._take_lock, self._quiet, self._lock = take_lock, quiet, None
        self._painted = self._ready = False
        self._parts_built = 0
        self.overview = None
        self._show_title()
        self.setObjectName("mainWindow")
        self.setStatusBar(MessageBar())
        self._build_first_step()
        self.statusBar().showMessage(f"{APP_NAME}: opening the records in {data_dir.root}…")
        self._window_state = QSettings(str(data_dir.window_state_path), QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(data_dir.qt_settings_dir))
        self._restore_geometry()
        self.installEventFilter(self)
        self.first_painted.connect(self._on_self_first_painted)
        if not deferred:
            self._build_workflow()

    # -- layout --------------------------------------------------------------------------------------

    def _build_first_step(self) -> None:
        from core.workspace.first_frame import read_installed_entries
        from ui.views.etiology_picker import EtiologyPicker

        self.picker = EtiologyPicker()
        self.picker.set_entries(read_installed_entries(self._data_dir.database_path) or [],
                                waiting="Opening the evidence library…")
        self.picker.etiology_chosen.connect(self._on_picker_etiology_chosen)
        self.picker.etiology_confirmed.connect(self._on_picker_etiology_confirmed)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Workflow steps")
        self.tabs.addTab(self.picker, STEP_TITLES[0])
        for title in STEP_TITLES[1:]:
            self.tabs.addTab(QLabel("<p align='center'>Preparing this step…</p>"), title)  # rich text: no Qt enum
        self.setCentralWidget(self.tabs)
        self.picker.search.setFocus()  # the clinician can type the etiology as soon as the window is up
        # The menus are there from the first frame, so nothing moves when their actions arrive.
        self._menus = [self.menuBar().addMenu(title) for title in ("&File", "&View", "&Help")]

    def _build_workflow(self) -> None:
        """Everything beyond the first step, at once."""
        while not self._ready:
            self._build_next_part()

    def _build_next_part(self) -> None:
        """One part of the window per call: settings and the records gateway, then each view in its
        tab, then the menus. The imports live in the parts, so the first frame paints before pydantic,
        sqlite-utils and the views are loaded."""
        part = self._parts_built
        if part == 0:
            from ui.script_fonts import add_script_fonts

            add_script_fonts()
            self._build_gateway()
        elif part <= len(VIEW_NAMES):
            self._install_view(part, self._make_view(VIEW_NAMES[part - 1]))
        else:
            self._connect_views()
            self._fill_menus()
            self._ready = True
        self._parts_built += 1

    def _install_view(self, index: int, view: QWidget) -> None:
        current, waiting = self.tabs.currentIndex(), self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, STEP_TITLES[index])
        self.tabs.setCurrentIndex(current)
        waiting.deleteLater()

    def _acquire_lock(self) -> None:
        from core.workspace.lock import DataDirLock, LockFileError

        lock, held = DataDirLock(self._data_dir.lock_path), False
        try:
            held = not lock.acquire()  # not read-only over another window's probe: it waits for that to let go
            why = None if not held else (
                f"Treadwell is already open with the data folder {self._data_dir.root}.\n\n"
                "This window opens read-only: you can look, but not save. When the other window closes, this one "
                "offers to switch to editing.")
        except LockFileError as error:  # seen by a tester: a read-only disk was then blamed on "another window"
            why, self._cannot_write = f"{error}\n\nThis window opens read-only: you can look, but not save.", True
        if why is None:
            self._lock = lock
            return
        self.read_only = True
        self._show_title()
        if held:
            self._watch_for_free_lock()  # ui/editing_switch.py
        if not self._quiet:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, APP_NAME, shown_as_typed(why))

    def release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _build_gateway(self) -> None:
        from core.workspace.gateway import CANNOT_WRITE, RecordsGateway

        import logging

        if self._take_lock:  # after the first frame: filelock is not a first-frame import
            self._acquire_lock()

        version = app_version()  # importlib.metadata is slow to import: after the first paint
        QApplication.instance().setApplicationVersion(version)
        logging.getLogger("treadwell").info("%s %s window open", APP_NAME, version)
        self.statusBar().showMessage(f"{APP_NAME} {version}: opening the records in {self._data_dir.root}…")
        self.settings = self._load_settings()
        self.gateway = RecordsGateway(self._data_dir, read_only=self.read_only,
                                      records_url=self._records_url or self.settings.records_url or None)
        if self._cannot_write:
            self.gateway.read_only_why = CANNOT_WRITE

    def _make_view(self, name: str) -> QWidget:
        view = getattr(self, f"_make_{name}")()
        setattr(self, name, view)
        return view

    def _make_evidence(self) -> QWidget:
        from ui.views.evidence_view import EvidenceView

        return EvidenceView(self.gateway.search_study_ids)

    def _make_dosing(self) -> QWidget:
        from ui.views.dosing_view import DosingView

        return DosingView()

    def _make_editor(self) -> QWidget:
        from ui.views.plan_editor import PlanEditor

        return PlanEditor()

    def _make_sessions(self) -> QWidget:
        from ui.views.session_log_view import SessionLogView

        return SessionLogView(self.settings.units)

    def _make_progress(self) -> QWidget:
        from ui.views.progress_view import ProgressView

        view = ProgressView(self._data_dir.root)
        view.apply_settings(self.settings)
        return view

    def _make_handout(self) -> QWidget:
        from ui.views.handout_view import HandoutView

        view = HandoutView(self._data_dir.root)
        view.apply_settings(self.settings)
        return view

    def _make_records(self) -> QWidget:
        from ui.views.records_view import RecordsView

        view = RecordsView(self.gateway, lambda: self.settings.clinician)
        view.set_writable(self.read_only_why)
        return view

    def _connect_views(self) -> None:
        self.editor.plan_changed.connect(self._on_editor_plan_changed)
        self.editor.dirty_changed.connect(self._on_editor_dirty_changed)
        self.editor.save_requested.connect(self.save_plan)
        weeks, bar = self.editor.panel.weeks, self.statusBar()  # a refused week said under the weeks and here (seen by
        weeks.override_refused.connect(bar.showMessage)  # a helper: the message out of sight, nothing here), until a
        weeks.override_requested.connect(lambda _change: " was not changed; allowed for " in bar.currentMessage()
                                         and bar.clearMessage())  # change of a week goes through
        self.sessions.log_requested.connect(self._on_sessions_log_requested)
        self.sessions.correction_requested.connect(self._on_sessions_correction_requested)
        self.sessions.delete_requested.connect(self._on_sessions_delete_requested)
        self.sessions.deleted_requested.connect(self._on_sessions_deleted_requested)
        self.sessions.refused.connect(self._on_sessions_refused)
        self.progress.report_saved.connect(self._on_progress_report_saved)
        self.progress.report_failed.connect(self.statusBar().showMessage)
        self.records.open_plan.connect(self.open_plan)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.records.changed.connect(self.statusBar().showMessage)
        self.records.changed.connect(lambda _message: self._refresh_course())  # an import or delete may touch it
        self.records.patient_deleted.connect(self.close_deleted_patient)
        self.handout.exported.connect(lambda path: self._audit("export", f"Handout saved: {path}"))
        self.handout.printed.connect(lambda pages: self._audit("print", f"Handout printed ({pages} pages)"))
        self._watch_the_day()  # a window left open past midnight works out again what depends on the day
        self._keep_last_folder()  # file dialogs open where the last one was left, from one start to the next

    def _action(self, menu, text: str, shortcut: QKeySequence | str | None, handler, name: str) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QKeySequence
        from ui.help_menu import fill_help_menu
        from ui.window_keys import WheelToPage, WindowKeysFirst

        file_menu, view_menu, help_menu = self._menus
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
        self.restore_action = self._action(file_menu, "&Restore the newest good backup…", None, self._offer_restore,
                                           "restoreAction")  # shown while the records are damaged or lost
        self.restore_action.setVisible(False)
        self._action(file_menu, "Se&ttings…", QKeySequence(QKeySequence.StandardKey.Preferences).toString() or "Ctrl+,",
                     self._on_settings_triggered, "settingsAction")  # none is Linux's or Windows' own
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close, "quitAction")
        self.find_action = self._action(view_menu, "&Find", QKeySequence.StandardKey.Find, self._on_find_triggered,
                                        "findAction")
        for index in range(self.tabs.count()):
            self._action(view_menu, self.tabs.tabText(index), f"Ctrl+{index + 1}",  # "&&" shows as "&" there too
                         lambda checked=False, i=index: self.tabs.setCurrentIndex(i), f"tab{index + 1}Action")
        self.about_action = fill_help_menu(self, help_menu, self._menus)  # and its keyboard shortcuts (F1)
        self.keys_first, self.wheel_to_page = WindowKeysFirst(self), WheelToPage(self)  # Ctrl+E in a text box too

    # -- start-up ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_self_first_painted(self) -> None:
        QTimer.singleShot(0, self, self._build_in_turns)  # let the first frame reach the screen first

    @Slot()
    def _build_in_turns(self) -> None:
        """Build one part, then let the event loop paint and handle input before the next; once the
        window is whole, open the records."""
        if self._ready:
            self.start_records()
            return
        self._build_next_part()
        QTimer.singleShot(0, self, self._build_in_turns)

    # -- the workflow ----------------------------------------------------------------------------------

    def studies_for(self, etiology_id: str) -> list[Study]:
        return [s for s in (self.overview.studies if self.overview else []) if etiology_id in s.etiologies]

    def etiology_entry(self, etiology_id: str) -> EtiologyEntry | None:
        return next((e for e in (self.overview.etiologies if self.overview else []) if e.id == etiology_id), None)

    @Slot(str)
    def _on_picker_etiology_chosen(self, etiology_id: str) -> None:
        if self.overview is None:
            return
        entry = self.etiology_entry(etiology_id)
        name = entry.name if entry else etiology_id
        studies = self.studies_for(etiology_id)
        self.evidence.show_etiology(name, studies, self.overview.mechanisms, self.overview.studies)
        self.dosing.show_etiology(etiology_id, name, studies)
        # a new patient's form starts there; one already typed keeps its own while the filter chooses (for looking)
        if not self.editor.set_etiology(etiology_id, looking=self.picker.by_filter):
            kept = self.editor.form.etiology.currentText()
            self.statusBar().showMessage(f"Step 4 keeps {kept} for the patient being typed: press Enter or click "
                                         f"{name} to use it for them.")

    @Slot(str)
    def _on_picker_etiology_confirmed(self, etiology_id: str) -> None:
        self.editor.set_etiology(etiology_id)  # Enter or a double-click: the clinician's choice, for a new patient too
        if self.overview is not None:  # the evidence is there to show
            self.tabs.setCurrentWidget(self.evidence)

    @Slot(object)
    def _on_editor_plan_changed(self, plan) -> None:
        from core.workspace.draft import HandoutRequest

        profile = self.editor.profile
        if plan is not None and self.statusBar().currentMessage() == FIELDS_FIRST:
            self.statusBar().clearMessage()  # seen in review: it stayed after every field was put right
        history, sessions = self._handout_course()
        self.handout.set_inputs(None if plan is None or profile is None else HandoutRequest(
            profile=profile, plan=plan, studies=self.studies_for(profile.etiology),
            etiology=self.etiology_entry(profile.etiology), settings=self.settings, history=history, sessions=sessions))

    # -- menu actions ----------------------------------------------------------------------------------

    @Slot()
    def _on_export_triggered(self) -> None:
        self._handout_action("exported", self.handout.export_pdf)

    @Slot()
    def _on_print_triggered(self) -> None:
        self._handout_action("printed", self.handout.print_pdf)

    def _handout_action(self, done: str, act) -> None:
        """Seen in testing: Ctrl+E and Ctrl+P with no plan, or a blocked one, changed step and did nothing else."""
        self.tabs.setCurrentWidget(self.handout)
        if why := self.handout.not_ready_because():
            self.statusBar().showMessage(f"Nothing {done}: {why}")
        else:
            act()

    @Slot()
    def _on_find_triggered(self) -> None:
        current = self.tabs.currentWidget()  # a patient's steps find patients (seen in review: the studies, on step 4)
        view = current if current in (self.picker, self.records) else self.records if current in (
            self.editor, self.sessions, self.progress, self.handout) else self.evidence
        self.tabs.setCurrentWidget(view)
        view.search.setFocus()
        view.search.selectAll()

    @Slot()
    def _on_export_file_triggered(self) -> None:
        from ui.handout_export_dialog import HandoutExportDialog

        dialog = HandoutExportDialog(self._data_dir, self.settings, self, evidence=self.overview)
        dialog.handout_saved.connect(lambda path, pages, note: self.statusBar().showMessage(
            f"Handout saved: {path} ({pages} pages)" + (f". {note}" if note else "")))
        dialog.exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._ready and not self._discard_ok_or_waiting(event):
            return
        self._window_state.setValue("main_window/geometry", self.saveGeometry())
        self._window_state.sync()
        if self._parts_built:
            self.progress.finish_report()  # its export recorded before the records close
            self.gateway.close()
        super().closeEvent(event)
