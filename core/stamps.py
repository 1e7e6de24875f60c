"""Saved moments as days on this workstation's calendar. The records save when a version or session was saved as
an ISO 8601 stamp in UTC; a clinician counts days on the local calendar (a plan saved at 23:30 in Honolulu was
saved that day, not the next). One reading, used by the records, the course of care and storage alike."""

from __future__ import annotations

import datetime as dt

EARLIEST_DATE = dt.date(2000, 1, 1)  # product default: a walk, handout or report dated before it is a typing slip


def now_iso() -> str:
    """Now, as the records stamp it (UTC, to the microsecond)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def local_day(stamp: str | dt.datetime) -> dt.date:
    """The day of ``stamp`` (ISO 8601 text, or a moment) on this workstation's calendar; one without a zone is
    taken as local time."""
    moment = dt.datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    return (moment.astimezone() if moment.tzinfo else moment).date()


def local_minute(stamp: str) -> str:
    """``stamp`` (ISO 8601, as stored) as this workstation's clock shows it, to the minute: "2026-11-03 09:30"; text
    that is not a moment, as it is."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return stamp


def later_stamp(first: str, second: str) -> bool:
    """Whether ``first`` is a later moment than ``second`` (ISO 8601, as stored); False where either is not a moment
    with its time zone."""
    try:
        return dt.datetime.fromisoformat(first) > dt.datetime.fromisoformat(second)
    except (TypeError, ValueError):
        return False


def possible_stamp(value: str, *, slack: dt.timedelta) -> bool:
    """Whether checked_stamp takes ``value``: False for a moment saved while the computer's clock was wrong."""
    try:
        checked_stamp(value, slack=slack)
    except ValueError:
        return False
    return True


def checked_stamp(value: str, *, slack: dt.timedelta) -> str:
    """``value`` as a saved moment Treadwell could have written: ISO 8601 with its time zone, from EARLIEST_DATE to
    now (``slack``: another workstation's clock a little ahead); raises ValueError saying what is allowed. Seen in
    testing: a version saved "9999-12-31T23:59:59-14:00" was imported, and every later command on the patient stopped
    with a traceback (no such day in UTC); "2999-01-01" put every walk before the plan."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a date and time, such as 2026-11-03T09:30:00+00:00") from None
    if moment.tzinfo is None:
        raise ValueError("must give its time zone, such as +00:00")
    try:
        within = EARLIEST_DATE <= moment.astimezone(dt.timezone.utc).date() and \
            moment <= dt.datetime.now(dt.timezone.utc) + slack
    except OverflowError:
        within = False
    if not within:
        raise ValueError(f"must be from {EARLIEST_DATE.isoformat()} to now (a moment Treadwell could have saved)")
    return value
