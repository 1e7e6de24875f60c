"""Walk dates for tests that log walks through the command line or the window, counted back from today: the plans in
these tests are saved today, and the records refuse a walk more than a year before a patient's first plan
(core/records/walk_dates.py), so a fixed date would be refused some months on (seen in review)."""

from __future__ import annotations

import datetime as dt

FIRST = dt.date.today() - dt.timedelta(days=33)  # a course's first walk, before its plan was saved (a diary)


def day(after: int = 0) -> str:
    """The first walk's day, or ``after`` days after it, as a session file gives it."""
    return (FIRST + dt.timedelta(days=after)).isoformat()
