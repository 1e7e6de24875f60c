"""Saved moments as days on this workstation's calendar. The records save when a version or session was saved as
an ISO 8601 stamp in UTC; a clinician counts days on the local calendar (a plan saved at 23:30 in Honolulu was
saved that day, not the next). One reading, used by the records, the course of care and storage alike."""

from __future__ import annotations

import datetime as dt

EARLIEST_DATE = dt.date(2000, 1, 1)  # product default: a walk, handout or report dated before it is a typing slip


def local_day(stamp: str | dt.datetime) -> dt.date:
    """The day of ``stamp`` (ISO 8601 text, or a moment) on this workstation's calendar; one without a zone is
    taken as local time."""
    moment = dt.datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    return (moment.astimezone() if moment.tzinfo else moment).date()
