"""The fields of one walk in the session form, and the session they hold: read into a SessionLog, filled from
a saved one, emptied for the next. A pain, heart rate or stiffness left "not recorded" is read as not
recorded (None), never as 0 or no."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pydantic import ValidationError

from core.plan.session_log import (
    ALLOWED, HEART_RATE_RANGE, NOT_RECORDED, PAIN_RANGE, RPE_RANGE, SessionLog, SessionLogError, listed_problems,
    morning_recorded, session_problems,
)
from ui.models.session_columns import in_clinic_words
from ui.views.date_field import DateField, writes_day_first
from ui.views.unrecorded_fields import (
    TYPING_ROOM, MinutesSpinBox, OptionalSpinBox, SpeedSpinBox, WeekSpinBox, choice_box, chosen, given, show_choice,
    show_given,
)

STIFFNESS_CHOICES = ((NOT_RECORDED, None), ("no", False), ("yes, stiffer than usual", True))


class SessionFields(NamedTuple):
    date: DateField
    week: WeekSpinBox
    minutes: MinutesSpinBox
    speed: SpeedSpinBox
    rpe: OptionalSpinBox
    heart_rate: OptionalSpinBox
    pain_during: OptionalSpinBox
    pain_morning: OptionalSpinBox
    stiffer_morning: QComboBox
    note: QLineEdit

    @classmethod
    def build(cls, units: str = "metric") -> SessionFields:
        """``units``: the clinic's (Settings), the speed's as the handouts' walking logs ask for it."""
        date = DateField(QDate.currentDate())
        date.setDisplayFormat("yyyy-MM-dd")  # as in the table
        by_hand = "28/11/2026" if writes_day_first(date.locale()) else "11/28/2026"
        date.setToolTip(f"Type the date as year-month-day (2026-11-28) or as you write it by hand ({by_hand})")
        date.setCalendarPopup(True)
        week = WeekSpinBox()
        week.set_weeks(26)
        note = QLineEdit()  # no maximum: a longer note pasted is kept whole and refused by name (seen in testing:
        note.setPlaceholderText("optional, one line")  # cut to its first 300 characters, and saved so, unsaid)
        return cls(
            date=date, week=week, minutes=MinutesSpinBox(TYPING_ROOM, step=0.5),
            speed=SpeedSpinBox(NOT_RECORDED, units),
            rpe=OptionalSpinBox(*RPE_RANGE, "not entered"),  # required: no value is put in for the clinician
            heart_rate=OptionalSpinBox(*HEART_RATE_RANGE, NOT_RECORDED, tip=(
                "Beats a minute. The handout's walking log holds the patient's count: times 4 for 15 seconds, 2 for "
                "30.")),
            pain_during=OptionalSpinBox(*PAIN_RANGE, NOT_RECORDED),
            pain_morning=OptionalSpinBox(*PAIN_RANGE, NOT_RECORDED),
            stiffer_morning=choice_box(STIFFNESS_CHOICES), note=note)

    def rows(self) -> list[tuple[str, QWidget, str]]:
        """(label, field, accessible name), in the form's order."""
        return [
            ("Date:", self.date, "Session date, not after today"), ("Plan week:", self.week, "Plan week"),
            ("Minutes walked:", self.minutes, "Minutes walked in the main set"),
            (self.speed.label, self.speed, "Belt speed, in the units shown, or not recorded"),
            ("Effort (RPE 6-20):", self.rpe, "Effort, Borg RPE 6 to 20"),
            ("Heart rate (bpm):", self.heart_rate, "Heart rate at the end of the walk, or not recorded"),
            ("Pain during (0-10):", self.pain_during, "Pain during walking, 0 to 10, or not recorded"),
            ("Pain next morning (0-10):", self.pain_morning, "Pain the next morning, 0 to 10, or not recorded"),
            ("Stiffer next morning:", self.stiffer_morning,
             "More stiffness than usual the next morning: yes, no, or not recorded"),
            ("Note:", self.note, "Note about the session")]

    def entered(self) -> SessionLog:
        """The session the fields hold; raises SessionLogError with one line per problem, each also the accessible
        description of its field."""
        try:
            log = self._checked()
        except SessionLogError as error:
            self._describe(error.problems)
            raise
        self._describe([])
        return log

    def refusal(self) -> str:
        """Why the session the fields hold would be refused, in the form's words ("" if it would not); the fields are
        left as they are (a question asks it, before anything is saved)."""
        try:
            self._checked()
        except SessionLogError as error:
            return "; ".join(in_clinic_words(line) for line in error.problems)
        return ""

    def date_problem(self) -> str:
        """The date typed that no calendar has, in the form's words, with the day the field shows in its place (its
        accessible description too): said as the field is left (seen in review: 2026-11-31 showed 2026-11-30, with
        no word until Add)."""
        shown = self.date.date().toString("yyyy-MM-dd")
        problem = (f"{in_clinic_words(_not_a_day(self.date.not_a_day))}; the field shows {shown} until a date is typed "
                   "again")
        self.date.setAccessibleDescription(problem)
        return problem

    def _checked(self) -> SessionLog:
        return _checked(self._values(), not_a_day=self.date.not_a_day, not_a_time=self.minutes.unread(),
                        weeks=self.week.weeks)

    def _values(self) -> dict:
        values: dict = {"date": self.date.date().toPython(), "week": self.week.value(), "minutes": self.minutes.value(),
                        "speed_kmh": self.speed.kmh(), "heart_rate": given(self.heart_rate),
                        "pain_during": given(self.pain_during), "pain_next_morning": given(self.pain_morning),
                        "stiffer_next_morning": chosen(self.stiffer_morning, STIFFNESS_CHOICES),
                        "note": self.note.text()}
        if given(self.rpe) is not None:
            values["rpe"] = given(self.rpe)
        return values

    def _by_field(self) -> dict[str, QWidget]:
        return {"date": self.date, "week": self.week, "minutes": self.minutes, "speed_kmh": self.speed,
                "rpe": self.rpe, "heart_rate": self.heart_rate, "pain_during": self.pain_during,
                "pain_next_morning": self.pain_morning, "stiffer_next_morning": self.stiffer_morning, "note": self.note}

    def _describe(self, problems: list[str]) -> None:
        """Each field's problem as its accessible description, read out with the field: the sentence under the
        form was a label the focus never reaches."""
        for field, widget in self._by_field().items():
            widget.setAccessibleDescription("; ".join(in_clinic_words(line) for line in problems
                                                      if line.split(":", 1)[0].split(".", 1)[0] == field))

    def point_at(self, problems: list[str]) -> None:
        """Problems the records found (core's lines, "week: ..."): described on their fields, the focus on the first
        (seen by a tester: "Not saved. Plan week: must be from 1 to 12", the focus left in Effort)."""
        self._describe(problems)
        self.focus_first_problem()

    def focus_first_problem(self) -> None:
        """The focus on the first field, in the form's order, that has a problem (its text selected, to retype)."""
        for _, widget, _ in self.rows():
            if widget.accessibleDescription():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def show(self, log: SessionLog) -> None:
        """A saved session's values, as they were logged."""
        self.date.setDate(QDate(log.date.year, log.date.month, log.date.day))
        self.week.setValue(log.week)
        self.minutes.setValue(log.minutes)
        self.speed.set_kmh(log.speed_kmh)
        self.rpe.setValue(log.rpe)
        for spin, value in ((self.heart_rate, log.heart_rate), (self.pain_during, log.pain_during),
                            (self.pain_morning, log.pain_next_morning)):
            show_given(spin, value)
        show_choice(self.stiffer_morning, STIFFNESS_CHOICES, log.stiffer_next_morning)
        self.note.setText(log.note)
        self.note.setCursorPosition(0)  # its start shown (seen in a try: a long note opened at its end, "in feet got
        # worse near the end", for a walk being corrected)

    def snapshot(self) -> tuple:
        """What every field holds, to tell later whether anything was typed since."""
        return (self.date.date(), self.week.value(), self.minutes.value(), self.speed.kmh(),
                *(given(spin) for spin in (self.rpe, self.heart_rate, self.pain_during, self.pain_morning)),
                self.stiffer_morning.currentIndex(), self.note.text())

    def has_entries(self) -> bool:
        """Anything recorded beyond what the form puts in by itself (the date, the week and its minutes)."""
        recorded = (self.rpe, self.heart_rate, self.pain_during, self.pain_morning)
        return (any(given(spin) is not None for spin in recorded)
                or chosen(self.stiffer_morning, STIFFNESS_CHOICES) is not None or self.speed.value() > 0
                or bool(self.note.text().strip()))

    def clear_recorded(self) -> None:
        """Nothing recorded yet (the date, week and minutes are the view's to set)."""
        for spin in (self.rpe, self.heart_rate, self.pain_during, self.pain_morning):
            show_given(spin, None)
        show_choice(self.stiffer_morning, STIFFNESS_CHOICES, None)
        self.speed.set_kmh(None)
        self.note.clear()


def _checked(values: dict, *, not_a_day: str = "", not_a_time: str = "", weeks: int | None = None) -> SessionLog:
    """The walk ``values`` describe, as typed in; raises SessionLogError with one line per problem. ``not_a_day``: a
    date typed that no calendar has (DateField.not_a_day), which the field shows as a day near it; ``not_a_time``:
    minutes and seconds typed that are not a time (MinutesSpinBox.unread), which it shows as the minutes before;
    ``weeks``: the weeks of the plan on the walk's date (the records refuse a week past them: said with the rest, seen
    by a tester as a second refusal once the effort was put right)."""
    date = [_not_a_day(not_a_day)] if not_a_day else []
    date += [f"week: must be from 1 to {weeks}, the weeks of the plan in force on that date"] \
        if weeks is not None and values.get("week", 0) > weeks else []
    date += [f"minutes: {not_a_time} is not minutes and seconds; allowed: minutes and two digits of seconds, 00 to "
             "59 (16:30), or minutes (16.5)"] if not_a_time else []
    day, today = None if not_a_day else values.get("date"), dt.date.today()
    try:  # every problem at once, the date's first (seen in review: the date's hid a note too long until the next
        # try, and a date after today was said only once every other field was put right)
        log, problems = SessionLog.model_validate(values), []
    except ValidationError as error:
        log, problems = None, session_problems(error)
    if problems := date + listed_problems(problems, day, values.get("minutes"), today,
                                          morning=morning_recorded(values)):
        raise SessionLogError(problems)
    return log


def _not_a_day(typed: str) -> str:
    return f"date: {typed} is not a day of the calendar; allowed: {ALLOWED['date']}"
