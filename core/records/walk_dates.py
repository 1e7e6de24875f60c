"""How early a walk typed in may be dated in a patient's course: a mistyped year (2010 for 2026) was logged with a note
only, and then counted in the course's adherence, with "6012 days apart" between walks (seen by a clinic's
tester)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.records.models import PlanVersion


def earliest_walk(first_saved: dt.date) -> dt.date:
    """A year before the patient's first plan version was saved: a paper diary begun before the plan is within it, a
    mistyped year or decade is not (a product default: no walk of a course of weeks is older than that)."""
    try:
        return first_saved.replace(year=first_saved.year - 1)
    except ValueError:  # 29 February
        return first_saved.replace(year=first_saved.year - 1, day=28)


def diary_begins(history: list[PlanVersion]) -> dt.date:
    """The earliest day a paper diary of this course may begin: as long before the patient's first plan version was
    saved as their longest plan lasts (``history`` oldest first). A walk dated before it is kept, as a diary may be
    older (check_walk_date), but is more likely a mistyped year: last year's typed in January (seen in a clinic's try:
    it put a week 2 a year back, and read the course as two breaks in walking of 335 and 15 days)."""
    longest = max(len(each.plan.weeks) for each in history) or 1
    return history[0].saved_on - dt.timedelta(weeks=longest)


def year_in_doubt(date: dt.date, history: list[PlanVersion], logged: list[dt.date]) -> int | None:
    """The weeks of the patient's longest plan, where ``date`` is longer than that before their first plan yet within
    the year check_walk_date takes, and no walk as early is ``logged``: a walk to ask about before it is logged (a
    diary begun earlier is asked about once); else None."""
    if not history or date >= (begins := diary_begins(history)) or date < earliest_walk(history[0].saved_on) \
            or any(day <= date for day in logged):
        return None
    return (history[0].saved_on - begins).days // 7


def check_walk_date(date: dt.date, history: list[PlanVersion]) -> None:
    """Refused, naming the field, where ``date`` is more than a year before the patient's first plan version
    (``history`` oldest first)."""
    if not history:
        return
    first = history[0].saved_on
    if date < (earliest := earliest_walk(first)):
        raise ValueError(f"date: {date.isoformat()} is more than a year before this patient's first plan was saved "
                         f"on {first.isoformat()}, too early to be a walk of this course: check the year; allowed: "
                         f"from {earliest.isoformat()} to today")
