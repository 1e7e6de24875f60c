"""The date a new walk is offered under, kept to today in a window left open past midnight (seen in review: the
next morning, the session log still offered the evening's date, and a walk added as it stood was dated the day
before). Mixed into SessionLogView, which provides the form and the correction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


class NewWalkDate:
    def new_day(self, before: dt.date) -> None:
        """Today has begun: a new walk's date moves on from ``before`` where the clinician has typed nothing in the
        form (a correction, or a walk being typed, stays as it is)."""
        if self._correcting is None and not self.unsaved_entry() and self.date.date().toPython() == before:
            self.date.setDate(QDate.currentDate())
