"""A logged walk in words: every value of it (where two versions of one walk are set side by side), named by its
date and week (where an import lists walks), and how a correction moved it to another plan version."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core.plan.session_log import SessionLog, recorded
from core.plan.walking import typed_speed_in_words

if TYPE_CHECKING:
    from core.records.models import SessionRecord


def walk_in_full(log: SessionLog, units: str = "metric") -> str:
    """Every value of a walk, so two that differ only in the speed, the pulse or the note read apart (seen in review:
    "Yours" and "Theirs" read the same where only the note differed); the speed in the clinic's ``units`` as its
    session form takes it, the km/h kept beside mph."""
    speed = "" if log.speed_kmh is None else f" at {typed_speed_in_words(log.speed_kmh, units)}"
    return (f"{log.date.isoformat()}, week {log.week}, {log.minutes:g} min" + speed
            + f", RPE {log.rpe}" + ("" if log.heart_rate is None else f", heart rate {log.heart_rate}")
            + f", pain during {recorded(log.pain_during)}, next morning {recorded(log.pain_next_morning)}"
            + ("" if log.stiffer_next_morning is None else
               f", {'stiffer than usual' if log.stiffer_next_morning else 'not stiffer'} next morning")
            + (f', note "{log.note}"' if log.note else ""))


def walk_named(log: SessionLog) -> str:
    """A logged walk as an import names it: "the walk of 2026-09-14 (week 3, 12 min)"."""
    return f"the walk of {log.date.isoformat()} (week {log.week}, {log.minutes:g} min)"


def moved_words(before: SessionRecord | None, after: SessionRecord, first_saved_on: dt.date | None) -> str:
    """How a correction moved a walk, for the message that says it was saved: its new date fell under another
    version ("" when it stayed), in force on its date, or none was yet, it being before ``first_saved_on``, the day
    the first version was saved (seen in review: "the version in force on its date" of a walk moved to before it)."""
    if before is None or before.plan_version == after.plan_version:
        return ""
    why = ("as no version was in force yet on its date" if first_saved_on and after.date < first_saved_on
           else "the version in force on its date")
    return f", moved from plan version {before.plan_version} to version {after.plan_version}, {why}"
