"""The date a new walk is offered under, kept to today in a window left open past midnight (seen in review: the
next morning, the session log still offered the evening's date, and a walk added as it stood was dated the day
before). Mixed into SessionLogView, which provides the form and the correction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


class NewWalkDate:
    def new_day(self, before: dt.date, pointed: int | None) -> None:
        """Today has begun: a new walk's date moves on from ``before``, and its week from ``pointed``, where the course
        pointed the day before, to where it points now, where the clinician has typed nothing in the form (a
        correction, a walk being typed, one kept for a patient deleted elsewhere, and a week chosen stay as they are).
        What is said under the form stays, and follows the fields as before."""
        typed = self._fields.has_entries() or self.minutes.typed
        if self._course is None or self._correcting is not None or typed or self.date.date().toPython() != before:
            return
        self.date.setDate(QDate.currentDate())
        if self.week.value() == pointed:
            self.week.setValue(self._course.progress.next_walk_week)
