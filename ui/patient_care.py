"""A patient's care in the window: new, open and save a plan version, log a session, and the audit of
handouts. Mixed into MainWindow, which provides the views, the gateway, the settings and the status bar;
the decisions are made by the plan draft's controller (the editor) and the records (core/workspace)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from ui.plain_text import shown_as_typed

if TYPE_CHECKING:
    from core.plan.adjustment import SessionLog


class PatientCare:
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
        if self._discard_ok():
            self.editor.new_patient(self.picker.current_id() or None)
            self.tabs.setCurrentWidget(self.editor)

    @Slot()
    def save_plan(self) -> bool:
        if self.editor.profile is None or self.editor.computed_plan is None:
            self.editor.show_every_problem()
            self.statusBar().showMessage("Not saved: correct the fields marked in the profile first.")
            self.tabs.setCurrentWidget(self.editor)
            return False
        from core.records.models import DifferentPatient

        save = lambda same_person: self.gateway.save_plan(  # noqa: E731
            self.editor.profile, self.editor.computed_plan, self.editor.overrides, clinician=self.settings.clinician,
            patient_id=self.editor.patient_id, same_person=same_person)
        try:
            try:
                version = save(False)
            except DifferentPatient:
                answer = QMessageBox.question(
                    self, "A different name", shown_as_typed(
                        "The name is not the one saved for this patient. Is this the same person, with the name "
                        "corrected?\n\nYes saves a new version of this patient. No saves nothing: use File > New "
                        "patient for someone else."),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    self.statusBar().showMessage("Not saved: the name differs from this patient's.")
                    return False
                version = save(True)
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
            self.sessions.show_problem(str(error))
            return
        self._refresh_sessions()
        self.statusBar().showMessage(f"Session of {log.date.isoformat()} recorded for week {week}.")

    def _audit(self, action: str, message: str) -> None:
        if self.editor.plan_id is not None:
            self.gateway.record_event(action, self.editor.plan_id, clinician=self.settings.clinician)
        self.statusBar().showMessage(message)

    def _discard_ok(self) -> bool:
        if not self.editor.dirty or self.editor.is_blank():
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", "The plan has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_plan()
        return answer == QMessageBox.StandardButton.Discard
