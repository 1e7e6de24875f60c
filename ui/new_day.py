"""A window left open past midnight, as a clinic workstation often is: what depends on the day is worked out again
for the new one. Seen in review: the next morning, the progress view still read the evening's walk as "not yet" for
its next-morning pain while a report made from it was dated that morning; the session log offered the evening's date
for a new walk; and a handout printed from the preview carried the evening's date. Mixed into MainWindow, which
provides the views and the open patient's course (PatientCare)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTimer, Slot

DAY_CHECK_MS = 30_000  # and checked as the window is brought to the front, for a clinician back at it the next morning


class NewDay:
    _day: dt.date | None = None  # the day what the window shows was worked out for
    _day_timer: QTimer | None = None

    def _watch_the_day(self) -> None:
        """Once the views are built."""
        self._day = dt.date.today()
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self._check_the_day)
        self._day_timer.start(DAY_CHECK_MS)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._check_the_day()

    @Slot()
    def _check_the_day(self) -> None:
        today = dt.date.today()
        if self._day is None or today == self._day:
            return
        before, self._day = self._day, today
        pointed = None  # the week the course pointed the next walk to the day before
        if self._course is not None:  # the records are not read again: only the day they are judged on changed
            from ui.models.course import judged_again

            pointed = self._course.progress.next_walk_week
            self._course = judged_again(self._course, self.settings.units)
            self.sessions.set_course(self._course)
            self.progress.set_course(self._course)
        self.sessions.new_day(before, pointed)
        self.handout.new_day()
