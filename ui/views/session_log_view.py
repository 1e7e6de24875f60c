"""Step 5: the patient's session log. Every walk the patient has logged, under every plan version, with a form to
log a new one or correct one, and the engine's suggestion for the coming week. Sessions belong to the patient, so
the log is open as soon as the patient is saved, whatever the form on step 4 holds: a session is logged under the
version in force on its date. A pain or heart rate left "not recorded" is saved as not recorded, never as 0."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from core.records.models import PlanVersion, SessionRecord
from ui.flowing_form import FlowingForm
from ui.form_message import FormMessage
from ui.models.course import CourseOfCare
from ui.models.session_columns import in_clinic_words, log_columns
from ui.models.table_model import ObjectTableModel
from ui.enter_key import KeyPress
from ui.focus_in_view import select_on_focus, tab_chain
from ui.scrolling import bring_into_view
from ui.views.correction_follows import CorrectionFollows
from ui.views.new_walk_date import NewWalkDate
from ui.views.refusal_follows import RefusalFollowsFields
from ui.views.session_fields import SessionFields
from ui.views.session_log_layout import SessionLogLayout
from ui.views.session_log_title import blocked_note_text, count_text, log_title_html
from ui.views.session_questions import delete_confirmed, entry_let_go, logged_as_new_confirmed
from ui.views.session_table import SessionTable
from ui.views.suggestion import SuggestionText


class SessionLogView(SessionLogLayout, CorrectionFollows, NewWalkDate, QWidget):
    log_requested = Signal(object)  # SessionLog: a new session, under the version in force on its date
    correction_requested = Signal(int, object)  # session id, the corrected SessionLog
    delete_requested = Signal(object)  # the SessionRecord as the clinician confirmed it
    deleted_requested = Signal()  # the patient's deleted sessions, to log one deleted by mistake again
    refused = Signal(str)  # why the form's session was not saved, for the status bar too

    def __init__(self, units: str = "metric", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._course: CourseOfCare | None = None
        self._correcting: SessionRecord | None = None
        self._as_loaded: tuple = ()  # the correction's fields as loaded
        self._form_to_show = False  # a patient opened: the form is scrolled into view when the log shows
        self._deleting: int | None = None  # the walk this log asked to delete, until the log is read again
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Whose session log")
        self.model = ObjectTableModel(log_columns(units), self)
        self.table = SessionTable(self.model)
        self.count = QLabel()
        self.count.setWordWrap(True)  # a long count wraps rather than widen the window past a small screen
        self.correct_button = QPushButton("&Correct selected session")
        self.delete_button = QPushButton("De&lete selected session…")
        self.deleted_button = QPushButton("Dele&ted sessions…")
        self._build_form(units)  # the clinic's (Settings): the belt speed's, as the walking logs ask for it
        self.suggestion = SuggestionText()
        self._layout()  # Tab from the note to the buttons (seen in testing: to the tab bar, never reaching Add)
        tab_chain(self.note, self.save_button, self.cancel_button, self.deleted_button)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # a double-click, Enter and Delete are the buttons' own clicks: nothing while a button is greyed out
        self.table.doubleClicked.connect(self.correct_button.click)
        KeyPress(self.table, self.correct_button.click)  # Enter on a session: as a double-click
        KeyPress(self.table, self.delete_button.click, keys=(Qt.Key.Key_Delete,))
        select_on_focus(self.table)
        self.correct_button.clicked.connect(self._on_correct_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.deleted_button.clicked.connect(self.deleted_requested)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.week.valueChanged.connect(lambda _week: self._suggest_minutes())
        self.date.dateChanged.connect(self._on_date_date_changed)
        self.date.not_a_day_typed.connect(self._on_date_not_a_day)
        self.set_course(None)

    # -- building ------------------------------------------------------------------------------------

    def set_units(self, units: str) -> None:
        """The clinic's units changed in Settings: the form's belt speed and the log's speed column follow them."""
        self.speed.set_units(units)
        self.model.set_columns(log_columns(units))

    def _build_form(self, units: str) -> None:
        self._fields = SessionFields.build(units)
        (self.date, self.week, self.minutes, self.speed, self.rpe, self.heart_rate, self.pain_during, self.pain_morning,
         self.stiffer_morning, self.note) = self._fields
        self.save_button = QPushButton("&Add session")
        self.cancel_button = QPushButton("Cancel correction")
        self.message = FormMessage()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # problems may quote what was typed
        self.message.setAccessibleName("Problem with the session, or what was saved")
        self._refusal = RefusalFollowsFields(self._fields, self.message, show=self.show_problem, said=self.refused.emit,
                                             history=lambda: self._course.history if self._course else [])
        self.refusal = self._fields.refusal  # why the form's session cannot be saved as it stands ("" if it can)
        self.blocked_note = QLabel()  # why the form waits: the date falls under a version blocked by screening
        self.blocked_note.setWordWrap(True)  # shown by _set_usable
        self.blocked_note.setAccessibleName("Why this walk cannot be logged")
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.deleted_button)  # beside Add: a walk deleted by mistake is logged again from there
        # the note on a blocked version under the fields, beside the Add button it holds back: no field moves
        self.form_box = FlowingForm("Log a session", self._fields.rows(),
                                    under=[self.blocked_note, buttons, self.message])
        KeyPress(self.form_box, self._on_form_enter, fields=self._fields)  # Enter in a field: as the Add button
        KeyPress(self.form_box, lambda: self._correcting and entry_let_go(  # a key pressed by mistake (seen by
            self, self.unsaved_entry(), "stop correcting") and self._on_cancel_button_clicked(),  # a helper: not asked)
            keys=(Qt.Key.Key_Escape,))
        self.cancel_button.setAccessibleName("Cancel the correction")  # the save button's: _leave_correction
        self.correct_button.setAccessibleName("Correct the selected session")
        self.delete_button.setAccessibleName("Delete the selected session")
        self.deleted_button.setAccessibleName("The patient's deleted sessions, to log one again")

    # -- what the window tells the view ----------------------------------------------------------------

    def set_course(self, course: CourseOfCare | None, *, why_not: str = "", keep_entry: bool = False) -> None:
        """The open patient's saved course, or None (``why_not`` says why there is no log to show); ``keep_entry``:
        another patient's, for whom the walk in the form was typed (the one on screen, saved anew)."""
        same_patient = course is not None and self._course is not None and course.patient_id == self._course.patient_id
        new_version = same_patient and course.in_force.version != self._course.in_force.version
        self._course = course
        if not same_patient:  # what was said of the patient before (seen in testing: "Session of ... deleted" stayed
            self.message.clear()  # after that patient was deleted)
        chosen, row = self.table.selected() if same_patient else None, self.table.currentIndex().row()
        self.model.set_rows(course.sessions if course else [])
        self.table.point_at_latest()
        if chosen is not None:
            self.table.choose_again(chosen, row, deleted_here=chosen.id == self._deleting)
        self._deleting = None
        self._on_table_selection_changed()  # a session to correct or delete only while one is chosen
        if course is None:
            self._leave_correction()
            self.title.setText("<h3>5. Session log</h3><p>" + escape(
                why_not or "Save the plan first: sessions are logged for a saved patient.") + "</p>")
            self.count.setText("")
            self.suggestion.show_progress(None)
            self._set_usable(False)
            return
        self.title.setText(log_title_html(course))
        if self._correcting is None:
            self._leave_correction()  # the form's title names the version a new session goes under
        self.count.setText(count_text(course))
        self.suggestion.show_progress(course.progress)
        self._follow_correction(course.sessions)
        self._set_usable(True)
        if keep_entry:
            self.week.set_weeks(len(course.plan_in_force.weeks))
        elif not same_patient or (new_version and not self.unsaved_entry()):  # a version saved elsewhere never
            self.clear_form(week=course.progress.next_walk_week)                 # clears what is being typed
            if not same_patient:  # the form, under the latest sessions: now, or when the log next shows
                self._form_to_show = not self.isVisible()
                if self.isVisible():
                    bring_into_view(self, self.form_box, margin=self._latest_rows, above=self.table)
        elif self._correcting is None:  # the week range of the version in force on the form's date
            self._suggest_minutes(keep=bool(self.unsaved_entry()))

    def _form_version(self) -> PlanVersion | None:
        """The version the form's walk goes under: a correction's own unless its date changes, else the one in force."""
        if self._course is None:
            return None
        day = self.date.date().toPython()
        if self._correcting is not None and day == self._correcting.date:
            return self._course.version_of(self._correcting.plan_id)
        return self._course.version_on(day, besides=self._correcting.id if self._correcting else None)

    def _set_usable(self, usable: bool) -> None:
        """A walk dated under a version blocked by screening cannot be logged: every field but the date waits (an
        earlier date may fall under an earlier version), and the form says why. A read-only window's form is not."""
        usable = usable and self._course is not None and not self._course.read_only
        version = self._form_version() if usable else None
        blocked = version is not None and version.plan.blocked
        for widget in self._fields:
            widget.setEnabled(usable and (widget is self.date or not blocked))
        self.save_button.setEnabled(usable and not blocked)
        self.blocked_note.setVisible(blocked)
        if blocked:
            self.blocked_note.setText(blocked_note_text(self._course, version))

    def show_problem(self, text: str, *, tried: bool = True, not_done: str = "Not saved") -> None:
        """The session was not saved (or deleted: ``not_done``; or, not ``tried``, a field would refuse it): why, in one
        plain sentence under the form; the form keeps its values."""
        self.message.setStyleSheet("color: #B3261E;")
        said = "; ".join(in_clinic_words(line) for line in text.split("; "))
        said_already = not tried or said.startswith(("Not saved", "Not deleted"))
        self.message.setText(said if said_already else f"{not_done}. {said}")
        bring_into_view(self, self.message)
        self.refused.emit(self.message.text())

    def point_at(self, refusal: str) -> None:  # the focus on the first field a refusal from the records names
        self._fields.point_at(refusal.split("; "))

    def show_done(self, text: str) -> None:
        """What was saved, and the suggestion for the next week under it: both scrolled into view, as a step back
        after a painful walk sat below the fold at 150 %."""
        self.message.setStyleSheet("")
        self.message.setText(text)
        # its caveat below, the walk's row above; the headings too where there is room (seen by a helper: out of sight)
        bring_into_view(self, self.message, self.suggestion.advice, margin=2, above=self.table)

    def clear_form(self, *, week: int | None = None) -> None:
        """Ready for the next session: today's date, the same week, nothing recorded yet."""
        self._refusal.let_go()
        self._leave_correction()
        self._gone_correction = None
        self.date.setDate(QDate.currentDate())
        if self._course is not None:
            self.week.set_weeks(len(self._course.plan_in_force.weeks))
        if week is not None:
            self.week.setValue(week)
        self._fields.clear_recorded()
        self.minutes.forget_typed()
        self._suggest_minutes()

    # -- the form ------------------------------------------------------------------------------------

    def _suggest_minutes(self, *, keep: bool = False) -> None:
        """The planned minutes of the week, as a new session's starting value (until the clinician types); ``keep``: a
        walk begun keeps those shown (seen in a clinic's try: 10 became 12 as another workstation saved a version)."""
        if self._course is None or self._correcting is not None:
            return
        weeks = self._course.plan_on(self.date.date().toPython()).weeks
        self.week.set_weeks(len(weeks))
        if not keep and 1 <= self.week.value() <= len(weeks):  # not a week past the plan's: the save names its weeks
            self.minutes.suggest(weeks[self.week.value() - 1].main_min)

    @Slot(QDate)
    def _on_date_date_changed(self, _date: QDate) -> None:
        """Another date may fall under another version: its weeks, its minutes, and whether it is blocked."""
        if self._course is None:
            return
        self._set_usable(True)
        if self._correcting is None:
            self._suggest_minutes()
        else:
            self.week.set_weeks(len(self._form_version().plan.weeks))

    @Slot(str)
    def _on_date_not_a_day(self, typed: str) -> None:  # said as the field is left, unsaid once it is typed again
        if typed:
            self.show_problem(self._fields.date_problem(), tried=False)
        elif self.message.text().startswith("Date: "):
            self.message.clear()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        log = self._refusal.checked()  # None: refused, said, and followed as the fields are mended
        if log is None:
            self._fields.focus_first_problem()
            return
        if self._correcting is None and self._gone_correction:
            if not logged_as_new_confirmed(self, self._gone_correction.date.isoformat()):
                return
            self._gone_correction = None
        self.message.clear()
        if self._correcting is None:
            self.log_requested.emit(log)
        else:
            self.correction_requested.emit(self._correcting.id, log)

    @Slot()
    def _on_form_enter(self) -> None:
        if self.save_button.isEnabled():
            self.save_button.click()  # adds the session, or saves the correction

    # -- correcting and deleting ---------------------------------------------------------------------

    @Slot()
    def _on_table_selection_changed(self, *_: object) -> None:
        chosen = self.table.selected() is not None and self._course is not None and not self._course.read_only
        self.correct_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.deleted_button.setEnabled(self._course is not None and not self._course.read_only)

    @Slot()
    def _on_correct_button_clicked(self, *_: object) -> None:
        record = self.table.selected()
        if record is not None and entry_let_go(self, self.unsaved_entry(),
                                               f"correct the session of {record.date.isoformat()}"):
            self.load_for_correction(record)
            # to the form it fills (seen in testing: the focus stayed on the table, the form's new title unheard)
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_for_correction(self, record: SessionRecord) -> None:
        """Put a logged session into the form; saving then corrects it (same patient; a changed date moves it under
        the version in force on that date)."""
        self._correcting, self._gone_correction = record, None  # before the fields: a date shown suggests no minutes
        self._refusal.let_go()
        version = self._course.version_of(record.plan_id) if self._course else None
        self.week.set_weeks(len(version.plan.weeks) if version else 26)
        self._fields.show(record)
        self.minutes.typed = True  # the walk's own, never a suggestion (deleted meanwhile, they stay in the form)
        self._as_loaded = self._fields.snapshot()
        self._show_correcting(record)
        self.message.clear()
        self._set_usable(True)
        # under the sessions, when stacked
        bring_into_view(self, self.form_box, margin=self._latest_rows, above=self.table)

    def _show_correcting(self, record: SessionRecord) -> None:
        """The form as a correction of ``record``: its title, Save correction and Cancel."""
        self._correcting, self._gone_correction = record, None
        self.form_box.setTitle(f"Correct the session of {record.date.isoformat()} (plan version {record.plan_version})")
        self.save_button.setText("&Save correction")
        self.save_button.setAccessibleName("Save the correction")
        self.cancel_button.setVisible(True)

    def _leave_correction(self) -> None:
        self._correcting = None
        self.form_box.setTitle("Log a session (under the plan version in force on its date)")
        self.save_button.setText("&Add session")
        self.save_button.setAccessibleName("Add the session")
        self.cancel_button.setVisible(False)

    @property
    def correcting(self) -> SessionRecord | None:
        return self._correcting

    def correct_over(self, theirs: SessionRecord) -> None:
        """The session as someone else saved it meanwhile, both shown to the clinician: the correction, saved again,
        replaces it (seen by a clinic's tester: every further Save was refused, and only retyping it went through)."""
        if self._correcting is not None and self._correcting.id == theirs.id:
            self._correcting = theirs

    def unsaved_entry(self) -> str:
        """What the form holds that is not saved, in words for a question ("" for nothing): a new session with
        anything recorded, or a correction changed since it was loaded."""
        if self._course is None or self._course.read_only:
            return ""
        if self._correcting is not None:
            return ("" if self._fields.snapshot() == self._as_loaded else
                    f"a correction to the session of {self._correcting.date.isoformat()} that is not saved")
        return "a session that has not been added" if self._fields.has_entries() else ""

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        # the next walk's week, as after a save (seen in testing: the cancelled walk's week and minutes stayed, and
        # the next walk was easily logged under them)
        corrected, in_form = self._correcting, self.form_box.isAncestorOf(self.focusWidget())  # its button's too
        self.clear_form(week=self._course.progress.next_walk_week if self._course else self.week.value())
        self.message.clear()
        self._set_usable(self._course is not None)
        if in_form:  # back to the walk in the log, as after a correction saved (seen in review: Escape left it at the
            # form's Date; in testing, the button hides and Qt gave the focus to the step tabs, an arrow changed step)
            (self.table if corrected and self.table.select_session(corrected.id) else self.date).setFocus()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        record = self.table.selected()
        if record is None:
            return
        if delete_confirmed(self, record):
            self._deleting = record.id
            self.delete_requested.emit(record)  # as shown: a correction made while asked is not deleted unseen
