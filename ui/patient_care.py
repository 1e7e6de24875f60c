"""A patient's care in the window: new, open and save a plan version (the patient's sessions: SessionCare); the
course of care the session log and the progress view show; and the audit of handouts and
reports. Mixed into MainWindow, which provides the views, the gateway, the settings and the status bar; the
decisions are made by the plan draft's controller (the editor) and the records (core/workspace)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from core.clinic_log import CLINIC_LOG, namesake_saved
from ui.newer_elsewhere import NewerElsewhere
from ui.plain_text import shown_as_typed
from ui.save_questions import SaveQuestions, saved_and_now
from ui.views.session_questions import leaving_answer

from ui.session_care import SAVE_FIRST, SessionCare

if TYPE_CHECKING:
    from core.records.models import PlanVersion
    from ui.models.course import CourseOfCare


FIELDS_FIRST = "Not saved: correct the fields marked in the profile first."  # taken back once they are

class PatientCare(NewerElsewhere, SaveQuestions, SessionCare):
    _course: CourseOfCare | None = None  # the open patient's saved course, as last read from the records
    _told_of_newer: tuple[tuple[int, int], PlanVersion] | None = None  # a version saved meanwhile that a save of the
    # plan on screen (patient, editor.opened) was refused for: once told, the next save of that plan replaces it
    _said_saved: tuple[str, int] | None = None  # the status bar's word that a version is saved, and its number
    _walk_kept_for: int | None = None  # the plan on screen (editor.opened) a walk typed for a patient deleted
    # elsewhere is kept for: Save plan makes them a new patient, and the walk goes with them

    @property
    def course(self) -> CourseOfCare | None:
        """The open patient's saved course as the session log and the progress view show it."""
        return self._course

    def _refresh_course(self) -> None:
        """Read the open patient's versions and sessions from the records; show them in the session log and
        the progress view."""
        from core.workspace.course import progress_of
        from ui.models.course import CourseOfCare

        patient_id, course, why, gone = self.editor.patient_id, None, "", False
        if patient_id is None:
            why = SAVE_FIRST
            if said := self._kept_deleted_said():
                why = f"{said}. {self._kept_deleted_then()} Walks are logged for a saved patient."
        elif not self.gateway.is_open:
            why = "The records are not open yet."
        else:
            try:
                history = self.gateway.history(patient_id)
                sessions = self.gateway.sessions(patient_id) if history else []
                if history:
                    course = CourseOfCare(patient_id=patient_id, history=history, sessions=sessions,
                                          progress=progress_of(history, sessions, units=self.settings.units),
                                          shown_plan_id=self.editor.plan_id,
                                          unsaved_edits=self.editor.dirty, read_only_why=self.read_only_why)
                gone = not history  # deleted on another workstation, or in another window
            except Exception as error:  # a plain sentence; the traceback to the log, its message withheld there
                logging.getLogger(__name__).exception("the patient's course could not be read")
                why = f"The patient's sessions could not be read: {error}"
        if gone:
            self._deleted_elsewhere(patient_id)
            return
        self._course = course
        kept = course is not None and self._walk_kept_for == self.editor.opened
        if course is not None:
            self._walk_kept_for = None
        self.sessions.set_course(course, why_not=why, keep_entry=kept)
        self.progress.set_course(course, why_not=why)
        self._tell_handout_which_plan()

    def _tell_handout_which_plan(self) -> None:
        from ui.models.course import editor_note, handout_note, of_an_older_version

        self.handout.set_record_note(handout_note(self._course, unsaved=self.editor.dirty,
                                                 read_only_why=self.read_only_why),
                                     older=of_an_older_version(self._course))
        self.editor.set_record_note(editor_note(self._course, read_only_why=self.read_only_why,
                                                deleted=(self._kept_deleted_said(), self._kept_deleted_then())),
                                    writable=not self.read_only)
        self.handout.set_course(*self._handout_course())

    def _handout_course(self) -> tuple[tuple, tuple]:
        """The open patient's versions and walks, for where the handout starts them (HandoutRequest.start_week);
        none while the course read is another patient's (seen in review: opening patient B rendered once with A's)."""
        course = self._course
        if course is None or course.patient_id != self.editor.patient_id:
            return (), ()
        return tuple(course.history), tuple(course.sessions)

    @Slot(bool)
    def _on_editor_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        if self._said_saved:  # "Saved plan version 2" under a form edited since read as if the edits were saved, and
            # "Changed since ..." stayed once the edit was undone (seen in review)
            saved = self._said_saved[0]
            changed = f"Changed since version {self._said_saved[1]} was saved: not saved yet."
            before, after = (saved, changed) if dirty else (changed, saved)
            if self.statusBar().currentMessage() == before:
                self.statusBar().showMessage(after)
        if self._course is not None:  # the log says where a session goes while the form has unsaved edits
            import dataclasses  # not at import: the window's first frame does without it

            self._course = dataclasses.replace(self._course, unsaved_edits=dirty)
            self.sessions.set_course(self._course)
        self._tell_handout_which_plan()

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        """A refusal said on the step left ("Not saved: ...") goes with it, but not one said with the step it opens
        (a refusal that brings up step 4 at the field to correct). Seen in review: "Not saved. Date: is after today"
        stayed under Progress and Records, beside saved records, and back on step 4."""
        bar = self.statusBar()
        if bar.currentMessage().startswith("Not saved") and not bar.said_just_now:
            bar.clearMessage()

    @Slot()
    def new_patient(self) -> None:
        if self._discard_ok():
            self.editor.new_patient(self.picker.current_id() or None)
            self.handout.for_another_patient()
            self._refresh_course()
            self.statusBar().clearMessage()  # seen in testing: "Opened plan version 2 of ..." over a blank form
            self.tabs.setCurrentWidget(self.editor)
            self._to_name()  # Ctrl+N: type the name at once

    def _to_name(self) -> None:
        """The cursor in Name, and Name in view: shown even where the cursor was in it already, the plan scrolled to
        its bottom (seen by a clinician: Ctrl+N left "No plan to chart" in view, and the name was typed out of sight;
        the view follows a change of focus, ui/focus_in_view.py)."""
        from ui.focus_in_view import show_widget

        self.editor.form.name.setFocus()
        show_widget(self.editor.form.name)

    def _deleted_elsewhere(self, patient_id: int) -> None:
        """The patient on screen is no longer in the records. Seen in review: every Save then said "There is no
        patient with id 5", and nothing said what had happened. What is typed and not saved stays, for Save plan to
        make a new patient, and so does a walk typed and not added, with the plan it was typed for (seen in a clinic's
        try: it was dropped, said only in the status bar, its fields greyed); otherwise the form starts a new
        patient. Seen by a clinic's tester: the walk typed was cleared by Save plan."""
        walk, typed = self.sessions.unsaved_entry(), self.editor.dirty
        if not typed and not walk:
            self.close_deleted_patient(patient_id, elsewhere=True)
            return
        self.editor.keep_as_new_patient()
        self._walk_kept_for = self.editor.opened if walk else None
        self._kept_from_deleted = (self.editor.opened, patient_id, self._older_on_screen(patient_id))  # asked at Save
        self._refresh_course()
        kept = ("What you typed is kept" + (" (the walk in the session log too)" if walk else "") if typed else
                "Their plan, and the walk you typed in the session log, are kept")
        self.statusBar().showMessage(f"Patient {patient_id} was deleted {self._elsewhere()}. {kept}. "
                                     + self._kept_deleted_then())

    @Slot(int)
    def close_deleted_patient(self, patient_id: int, *, elsewhere: bool = False) -> None:
        """The patient open in the editor was deleted in the records: the form starts a new patient (its plan, its
        handout and any unsaved edits belonged to a record that is gone, and could no longer be saved)."""
        if self.editor.patient_id != patient_id:
            return
        self.editor.new_patient(self.picker.current_id() or None)
        self.handout.for_another_patient()
        self._refresh_course()
        self.statusBar().showMessage(f"Patient {patient_id}, who was open, was deleted {self._elsewhere()}: the plan "
                                     "form now starts a new patient." if elsewhere else
                                     f"Deleted patient {patient_id}, who was open: the plan form now starts a new "
                                     "patient.")

    @Slot()
    def save_plan(self) -> bool:
        if refused := self.editor.panel.finish_editing():  # a week's value still being typed is part of the save
            self.statusBar().showMessage(f"Not saved: {refused}")
            self.tabs.setCurrentWidget(self.editor)
            return False
        if self.editor.profile is None or self.editor.computed_plan is None:
            self.editor.show_every_problem()
            self.statusBar().showMessage(FIELDS_FIRST)
            self.tabs.setCurrentWidget(self.editor)
            self.editor.form.focus_first_problem()
            return False
        from core.handout.fonts import name_problem

        problem = name_problem(self.editor.profile.name)
        if problem:
            self.editor.form.show_all_problems = True  # the profile is valid: the name's problem is the only one
            self.editor.form.show_problems({"name": problem})
            self.statusBar().showMessage(f"Not saved: Name: {problem}.")
            self.tabs.setCurrentWidget(self.editor)
            self.editor.form.focus_first_problem()  # seen in testing: the focus stayed where Ctrl+S was pressed
            return False
        from core.records.models import DifferentPatient, checked_reason

        try:  # before any question is asked (seen in review: "save version 1 again?", Yes, then refused)
            reason = checked_reason(self.editor.reason.text())
        except ValueError as error:  # a tab, a direction override or more than 300 characters pasted in
            self.statusBar().showMessage(f"Not saved: {str(error).capitalize()}.")
            self.tabs.setCurrentWidget(self.editor)
            self.editor.reason.setFocus()
            return False
        if not (self._older_version_confirmed() and self._deleted_patient_confirmed()
                and self._new_namesake_confirmed()):
            return False

        # The version the editor's plan was made from: if someone saves a newer one meanwhile, this save is
        # refused and says so. Saving an older version again (confirmed above) is based on the newest known.
        based_on = self.editor.plan_id
        if self._course is not None and based_on is not None and not self.editor.dirty:
            based_on = self._course.in_force.id
        if (told := self._newer_told()) is not None:
            based_on = told.id  # the clinician has been told of it: theirs to replace
        uid = self.editor.save_uid
        # a new patient whose name no patient had when looked up: refused if one is saved meanwhile, checked and saved
        # as one step (seen by a clinic's tester: two workstations saving one new patient at once saved two)
        alone = self.editor.patient_id is None and self._namesake_checked == (uid, self.editor.profile.name, False)
        save = lambda same_person: self.gateway.save_plan(  # noqa: E731
            self.editor.profile, self.editor.computed_plan, self.editor.overrides, clinician=self.settings.clinician,
            patient_id=self.editor.patient_id, same_person=same_person, based_on=based_on, reason=reason, uid=uid,
            refuse_namesakes=alone)
        known = {self.editor.plan_id} | ({v.id for v in self._course.history} if self._course else set())
        try:
            try:
                version = save(False)
            except DifferentPatient as different:
                answer = QMessageBox.question(
                    self, "The same patient?", shown_as_typed(
                        f"The {different.what} in the profile {'does' if len(different.differs) == 1 else 'do'} not "
                        "match what is saved for this patient"
                        f"{saved_and_now(self._course, self.editor.profile, different)}. Is this the same person, with "
                        f"the {different.what} corrected?\n\nYes saves a new version of this patient. No saves "
                        "nothing: use File > New patient for someone else."),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    self.statusBar().showMessage(f"Not saved: the {different.what} differs from this patient's.")
                    return False
                version = save(True)
        except Exception as error:  # a plain sentence
            from core.workspace.clinic_errors import ClinicServerError, PasswordNeeded, PasswordRefused

            from core.records.models import NamesakeSaved, VersionSavedMeanwhile

            if isinstance(error, NamesakeSaved):  # asked now, as if it had been there when looked up
                namesake_saved(error.patients)
                return self._new_namesake_confirmed(error.patients) and self.save_plan()
            if isinstance(error, VersionSavedMeanwhile):  # someone else saved this patient: say what, keep ours
                self._refresh_course()
                self._newer_saved_meanwhile(error)
                return False
            # not tried again with it: asked for (seen by a clinic's tester: a stale password on file was tried every
            # 10 seconds, for ever; in review: none given at start-up, the save was tried again without one for ever)
            if isinstance(error, (PasswordNeeded, PasswordRefused)):
                if self.sign_in_to_clinic():
                    return self.save_plan()
                self.statusBar().showMessage(f"Not saved: {error} Save again to type the password.")
                return False
            if self.gateway.on_clinic_server and isinstance(error, ClinicServerError):
                if not self._saving_on_retry:  # once, not at every try (clinic_link)
                    CLINIC_LOG.warning("clinic database: a save is waiting: %s", error)
                self.statusBar().showMessage(f"Not saved yet: {error} Treadwell tries again every 10 seconds.")
                self._save_again_later()
                return False
            self.statusBar().showMessage(f"Not saved: {error}")
            return False
        self._told_of_newer = None
        self.editor.mark_saved(version)
        self._refresh_course()
        # the records returned the version they hold: nothing differed from it (not one this save's lost try saved:
        # seen in review, read anew on signing in again, it was said to be "no changes" and its reason kept typed)
        if version.id in known and version.uid != uid:
            self._say_saved(f"No changes since version {version.version}: nothing new saved" + (
                " (a reason is kept with a new version only)." if reason else "."), version.version)
            return True
        if self.editor.reason.text().strip() == reason:  # kept with the version just saved (a save the clinic server
            self.editor.reason.clear()  # took on a later try keeps what was typed since, for the next version)
        self.records.reload()
        said = f"Saved plan version {version.version} of {version.profile.name} (patient {version.patient_id})."
        self._say_saved(said, version.version)
        self.plan_saved.emit(version.id)
        return True

    def _say_saved(self, said: str, version: int) -> None:
        self._said_saved = (said, version)
        self.statusBar().showMessage(said)

    @Slot(int)
    def open_plan(self, plan_id: int) -> None:
        if not self._discard_ok():
            return
        try:
            version = self.gateway.get_plan(plan_id)
        except Exception as error:  # the clinic server went away, or the plan was deleted elsewhere
            self.statusBar().showMessage(f"Not opened: {error}")
            return
        if version.patient_id != self.editor.patient_id:
            self.handout.for_another_patient()
        self.editor.load_version(version)
        self.picker.select(version.profile.etiology)
        self.tabs.setCurrentWidget(self.editor)
        self._to_name()  # the top of the record, not a field left there before
        self._refresh_course()
        self.statusBar().showMessage(f"Opened plan version {version.version} of {version.profile.name} "
                                     f"(patient {version.patient_id}).")

    @Slot(str, int)
    def _on_progress_report_saved(self, path: str, patient_id: int) -> None:
        self._audit("export", f"Progress report saved: {path}", of=("patient", patient_id))

    def _audit(self, action: str, message: str, *, of: tuple[str, int | None] | None = None) -> None:
        """``of``: the plan version on screen (a handout), or ("patient", id) for a progress report, of the whole
        course of the patient it was made for (seen in review: recorded against whichever version step 4 showed,
        where the command line records the patient)."""
        of = of or ("plan", self.editor.plan_id)
        record_id = of[1]
        if record_id is not None:
            from core.workspace.exports import not_recorded_because

            try:
                self.gateway.record_event(action, record_id, clinician=self.settings.clinician, of=of[0])
            except Exception as error:  # the clinic server went away: what was done is said, and that it is unrecorded
                why = not_recorded_because(error) or str(error).rstrip(".")
                message += f", but the audit trail could not record it: {why}."
        self.statusBar().showMessage(message)

    def _discard_ok(self) -> bool:
        """Whether the open patient's unsaved work (a session typed in step 5, edits to the plan) may go: saved
        first, let go, or the step it is in left open (Cancel, or a session that cannot be saved as it is)."""
        return self._session_discard_ok() and self._plan_discard_ok()

    def _session_discard_ok(self) -> bool:
        if not (entry := self.sessions.unsaved_entry()):
            return True
        refusal = self.sessions.refusal()
        answer = leaving_answer(self, self._open_patient(), entry, refusal)
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Save:
            self.sessions.save_button.click()
            if not self.sessions.unsaved_entry():
                return True
        self.tabs.setCurrentWidget(self.sessions)  # kept: Cancel, or a save refused (the form says why)
        if refusal:
            self.sessions.save_button.click()  # refused as said: the form says why, the focus on the field to mend
        return False

    def _newer_told(self) -> PlanVersion | None:
        """The version saved meanwhile that a save of the plan on screen was refused for (None: none, or another
        plan opened since: seen in review, a reopened version's save was based on the one refused before it)."""
        told = self._told_of_newer
        return told[1] if told is not None and told[0] == (self.editor.patient_id, self.editor.opened) else None

    def _open_patient(self) -> str:
        """The open patient as the questions about leaving their unsaved work name them: by the name saved, as step 4's
        line and the session log do ("Rui Matos (patient 3)"), a new one by the name typed (seen in review: asked on
        opening another patient from Records, with that one highlighted behind the question)."""
        if (patient_id := self.editor.patient_id) is not None:
            course = self._course if self._course is not None and self._course.patient_id == patient_id else None
            return f"{course.patient_name} (patient {patient_id})" if course else f"patient {patient_id}"
        name = self.editor.form.name.text().strip()
        return f"the new patient {name}, not saved yet," if name else "the new patient, not saved yet,"

    def _plan_discard_ok(self) -> bool:
        if not self.editor.dirty or self.editor.is_blank():
            return True
        whose = self._open_patient()  # the name as typed: shown so (ui/plain_text.py)
        question, default = (shown_as_typed(f"The plan of {whose} has unsaved changes. Save them first?"),
                             QMessageBox.StandardButton.Save)
        if self._walk_kept_for == self.editor.opened:  # a walk typed for a patient deleted elsewhere goes with it too
            return self._kept_walk_let_go(whose)
        if (theirs := self._newer_told()) is not None:
            # seen by a clinic's tester: told once, a Save here (asked on opening the patient again) replaced a
            # colleague's newer version with no word of it, undoing their change of the usual pain
            from core.plan.compare import version_differences, yours_differs
            from core.records.authors import named

            editor = self.editor
            differs = "" if editor.profile is None or editor.computed_plan is None else " " + yours_differs(
                version_differences(theirs.profile, theirs.plan, theirs.overrides, editor.profile,
                                    editor.computed_plan, editor.overrides, self.settings.units))  # as on screen now
            question = shown_as_typed(
                f"The plan of {whose} has unsaved changes, made from a version older than version "
                f"{theirs.version}, which {named(theirs.created_by) or 'someone'} saved meanwhile. Saving them makes "
                f"yours version {theirs.version + 1}, the plan in force, in place of theirs.{differs}\n\nSave them "
                "first?")
            default = QMessageBox.StandardButton.Cancel  # Enter replaces no one's version
        answer = QMessageBox.question(
            self, "Unsaved changes", question,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            default)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_plan()
        if answer == QMessageBox.StandardButton.Discard:
            self._drop_waiting_save()  # seen in review: the other plan not opened, the discarded edits were saved
            return True
        return False
