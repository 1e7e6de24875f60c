"""A patient's sessions in the window: log, correct and delete a walk through the records, each as the clinician was
shown it, and log one deleted by mistake again. Mixed into MainWindow through PatientCare, which keeps the course of
care they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from core.clinic_log import CLINIC_LOG
from ui.message_bar import in_brief

if TYPE_CHECKING:
    from core.plan.session_log import SessionLog
    from core.records.models import SessionRecord

SAVE_FIRST = "Save the plan first (File > Save plan, Ctrl+S): sessions are logged for a saved patient."


class SessionCare:
    _session_waits_for_server = False  # the form's walk was refused as the clinic server was away (clinic_link)
    _year_said_right: tuple[int | None, object] | None = None  # (patient, date) the clinician said Yes to: not asked
    # again of that day or a later one (the walk tried again, the next walk of the same paper diary)

    def _change_sessions(self, change, done, *, week: int | None = None, added: bool = False,
                         not_done: str = "Not saved") -> bool:
        """Run one change to the patient's sessions through the records (audited there); on success show
        the new log with ``done`` (a sentence, or one made from what the change returned) and the form ready for
        ``week`` (by default the week the next walk is likely in), otherwise say why after ``not_done`` and keep the
        form as it was.
        A keyboard in the log goes on from the next walk's date after a walk is ``added``, else from the log, its
        row chosen (seen by a keyboard-only tester: nine Shift+Tabs from Note back to Date after each Add, and after
        a delete the focus on Delete, the next walk chosen, for a Space to delete it too)."""
        if self._course is None:
            self.sessions.show_problem(SAVE_FIRST)
            return False
        try:
            result = change(self._course)
        except Exception as error:  # ValueError naming the field, RecordNotFound, ReadOnlyRecords...
            from core.workspace.clinic_errors import ClinicServerError

            self.sessions.show_problem(str(error), not_done=not_done)  # in the status bar too (SessionLogView.refused)
            self.sessions.point_at(str(error))
            self._session_waits_for_server = isinstance(error, ClinicServerError)  # said again once it is back
            if self._session_waits_for_server:  # for the clinic's IT, as a plan's save waiting is (seen in a clinic's
                # try: a walk refused while the server was away left no line in the log)
                CLINIC_LOG.warning("clinic database: a change to a patient's walks was not made: %s", error)
            return False
        self._refresh_course()
        if week is None and self._course is not None:
            week = self._course.progress.next_walk_week
        self.sessions.clear_form(week=week)
        if result is not None:  # the walk logged, corrected or logged again is the one chosen in the log
            self.sessions.table.select_session(result.id)
        done = done(result) if callable(done) else done
        from PySide6.QtCore import QTimer  # here, not on the first frame's path (PySide6's Qt namespace alone is 20 ms)
        from PySide6.QtWidgets import QApplication

        focused, focus = None, QApplication.focusWidget()
        # in the log, or in the question it asked, not yet given back (seen by a keyboard-only tester: after a delete
        # confirmed in its dialog the log kept the focus out of view, the page scrolled to the message)
        if self.tabs.currentWidget() is self.sessions and (
                focus is None or focus.window() is not self or self.sessions.isAncestorOf(focus)):
            focused = self.sessions.date if added else self.sessions.table
            focused.setFocus()
        self.sessions.show_done(done)
        if focused is not None:  # in view once the message and the advice are scrolled to (seen in review at 150 %)
            QTimer.singleShot(0, focused, lambda: self._show_in_the_log(focused))
        self.statusBar().showMessage(in_brief(done))  # in full under the form
        return True

    def _show_in_the_log(self, focused) -> None:
        """The walk chosen in the log in view, then the field given the focus: after a walk is added, the walk just
        logged stays above the next walk's date where both fit (seen in a try at 150 %: the page scrolled to the date,
        the walk out of view, so what was saved could not be checked), and the advice for the next week more so: where
        not all fit, it stays in view (seen in review at 150 %: a step back after a painful walk scrolled away)."""
        from ui.focus_in_view import holding_area, in_view, show_cell, show_widget

        advice = self.sessions.suggestion.advice
        area = holding_area(advice) if focused is self.sessions.date else None  # after a correction or a delete the
        shown = area.verticalScrollBar().value() if area is not None and in_view(advice) else None  # log's focus first
        show_cell(self.sessions.table, self.sessions.table.currentIndex())
        if focused is not self.sessions.table:
            show_widget(focused)
        if shown is not None and not in_view(advice):
            area.verticalScrollBar().setValue(shown)

    @Slot(str)
    def _on_sessions_refused(self, why: str) -> None:
        from ui.models.session_columns import FIELD_LABELS

        self.statusBar().showMessage(in_brief(why, FIELD_LABELS.values()))  # in full under the form

    def _year_confirmed(self, day, *, as_saved=None) -> bool:
        """A walk whose year is in doubt (core/records/walk_dates.year_in_doubt): whether the year is right, asked (not
        again of a date saved already, ``as_saved``, nor of one said right already, or a later day of that diary: seen
        in review); No says why, the form kept."""
        from core.records.walk_dates import year_in_doubt

        course, said = self._course, self._year_said_right
        if course is None or day == as_saved or said is not None and said[0] == course.patient_id and said[1] <= day \
                or (weeks := year_in_doubt(day, course.history, [walk.date for walk in course.sessions])) is None:
            return True
        from ui.views.session_questions import year_confirmed

        first = course.history[0].saved_on
        if year_confirmed(self, day, first, weeks, correcting=as_saved is not None):
            self._year_said_right = (course.patient_id, day)
            return True
        self.sessions.show_problem(f"date: {day.isoformat()} is {(first - day).days} days before this patient's first "
                                   f"plan was saved on {first.isoformat()}: check the year")
        self.sessions.point_at("date:")
        return False

    @Slot(object)
    def _on_sessions_log_requested(self, log: SessionLog) -> None:
        if not self._year_confirmed(log.date):
            return
        self._change_sessions(  # under the version in force on the walk's date (a diary entered late included)
            lambda course: self._add_walk(course, log),
            lambda saved: f"Session of {log.date.isoformat()} logged for week {log.week} under plan version "
                          f"{saved.plan_version}, {self._version_of_the_day(log.date)}.{self._walk_notes(saved)}",
            added=True)

    def _add_walk(self, course, log: SessionLog) -> SessionRecord:
        from core.records.walk_dates import check_walk_date

        check_walk_date(log.date, course.history)  # a mistyped year: refused, naming the date
        return self.gateway.add_session(course.patient_id, log, clinician=self.settings.clinician)

    def _version_of_the_day(self, day) -> str:
        """Why the walk went under its version: in force on its day, or none was yet (seen in review: "the version in
        force that day" beside "before the first plan was saved")."""
        before = self._course is not None and day < self._course.history[0].saved_on
        return "as no version was in force yet that day" if before else "the version in force that day"

    @Slot(int, object)
    def _on_sessions_correction_requested(self, session_id: int, log: SessionLog) -> None:
        from core.records.walk_words import moved_words

        # as loaded into the form, not as the log shows it now: the log is read again when another workstation
        # changes the patient, and its newer copy would let the correction pass over that change unseen (seen in
        # review: B's correction saved, then A's saved over it, with no word)
        from core.records.models import ChangedMeanwhile

        loaded = self.sessions.correcting
        before = loaded if loaded is not None and loaded.id == session_id else None
        if not self._year_confirmed(log.date, as_saved=before.date if before else None):
            return
        first_saved_on = self._course.history[0].saved_on if self._course is not None else None

        def correct(course):
            from core.records.walk_dates import check_walk_date

            check_walk_date(log.date, course.history)  # a mistyped year: refused, naming the date
            try:  # refused if someone changed it since it was read
                return self.gateway.edit_session(session_id, log, clinician=self.settings.clinician,
                                                 based_on=before.updated_at if before else None)
            except ChangedMeanwhile as refused:
                said = refused.said_in(self.settings.units)
                if refused.theirs is None:  # deleted: the log, read again now, turns the form into a new session
                    self._refresh_course()
                    raise ValueError(said) from refused
                self.sessions.correct_over(refused.theirs)
                raise ValueError(f"{said} Save the correction again to put yours in place of theirs (the audit "
                                 "trail keeps theirs), or Cancel to keep theirs.") from refused

        self._change_sessions(
            correct,
            lambda saved: f"Session of {log.date.isoformat()} corrected"
                          f"{moved_words(before, saved, first_saved_on)}; the audit trail keeps "
                          f"what it held before.{self._walk_notes(saved)}")

    @Slot(object)
    def _on_sessions_delete_requested(self, record: SessionRecord) -> None:
        """``record`` as the clinician confirmed it, not as the log holds it now (seen in review: the clinic's notice,
        read while the question was open, brought another workstation's correction in, and it was deleted)."""
        from core.records.models import ChangedBeforeDelete

        when = record.date.isoformat()

        def delete(_course) -> None:  # as the clinician was shown it (seen in review: another's correction deleted)
            try:
                self.gateway.delete_session(record.id, clinician=self.settings.clinician, based_on=record.updated_at)
            except ChangedBeforeDelete as refused:
                self._refresh_course()  # the log shows theirs
                raise ValueError(refused.said_in(self.settings.units)) from refused

        # the form ready for the week the next walk is likely in, as after an add (seen in review: a walk logged under
        # week 8 by mistake and deleted left the form at week 8, for the next walk to go there again)
        self._change_sessions(delete, f"Session of {when} deleted; the audit trail keeps what it held.",
                              not_done="Not deleted")

    @Slot()
    def _on_sessions_deleted_requested(self) -> None:
        """The patient's deleted sessions; the one chosen is logged again as it was when deleted."""
        from ui.views.deleted_sessions_dialog import chosen_to_log_again
        from ui.views.session_questions import entry_let_go

        if self._course is None:
            return
        try:
            deleted = self.gateway.deleted_sessions(self._course.patient_id)
        except Exception as error:  # RecordNotFound, a lost server...: said as the other changes say it
            self.sessions.show_problem(str(error))
            return
        chosen = chosen_to_log_again(self, self._course.patient_name, deleted, self.settings.units)
        # the form is cleared for the next walk after: not over a walk typed and not added (seen in review)
        if chosen is not None and entry_let_go(self, self.sessions.unsaved_entry(), "log the deleted session again"):
            self._change_sessions(
                lambda _course: self.gateway.undelete_session(chosen.session_id, clinician=self.settings.clinician),
                lambda saved: f"Session of {saved.date.isoformat()} logged again as it was when deleted (week "
                              f"{saved.week}, plan version {saved.plan_version}).{self._walk_notes(saved)}")

    def _walk_notes(self, saved: SessionRecord) -> str:
        """What to check in the walk just saved (SessionRecord.notes_in), each after a space; else nothing."""
        typed_in = "mph" if self.settings.units == "imperial" else "km/h"  # as the form's speed box takes it
        return ("".join(f" {note}" for note in saved.notes_in(self._course.history, self._course.sessions,
                                                               typed_in=typed_in))
                if self._course else "")
