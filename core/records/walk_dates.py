"""How early a walk typed in may be dated in a patient's course: a mistyped year (2010 for 2026, or last year's in
January) was logged with a note only, and then counted in the course's adherence, with "6012 days apart" between
walks (seen by a clinic's tester)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core.words import counted

if TYPE_CHECKING:
    from core.records.models import PlanVersion


def check_walk_date(date: dt.date, history: list[PlanVersion]) -> None:
    """Refused, naming the field, where ``date`` is earlier before the patient's first plan version (``history``
    oldest first) than their longest plan lasts: no walk of this course can be that early. A paper diary begun before
    the first plan was saved is within it."""
    if not history:
        return
    first = history[0].saved_on
    weeks = max(len(version.plan.weeks) for version in history) or 1  # a blocked plan has none
    earliest = first - dt.timedelta(weeks=weeks)
    if date < earliest:
        raise ValueError(f"date: {date.isoformat()} is more than {counted(weeks, 'week')} (this patient's longest plan) "
                         f"before their first plan was saved on {first.isoformat()}, too early to be a walk of this "
                         f"course: check the year; allowed: from {earliest.isoformat()} to today")
