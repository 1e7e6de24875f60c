"""Backups are kept by the clinic's days, as the daily backup is made (core/storage/maintenance.py backup_due) and
as a restore says when one was made. Seen in review: rotation counted days in UTC, so in Sydney a day's evening backup
and the next morning's were one day, and the evening's, the last of the clinic's day, was deleted."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from core.storage.backup import backup_name, list_backups, rotate_backups

UTC = dt.timezone.utc


@pytest.fixture
def in_sydney():
    """This computer's clock in Sydney (UTC+10, or +11 in summer), as a clinic there has it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Australia/Sydney"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _made(path, days_ago: int, clock: str) -> dt.datetime:
    """A backup made ``days_ago`` days before today at ``clock`` ("08:00") on Sydney's clock, whatever today is (one
    dated after now is kept aside); its name holds the moment in UTC, as backup_database names it."""
    day = dt.date.today() - dt.timedelta(days=days_ago)
    moment = dt.datetime.fromisoformat(f"{day.isoformat()}T{clock}").astimezone().astimezone(UTC).replace(tzinfo=None)
    (path / backup_name(moment)).write_bytes(b"")
    return moment


def test_each_kept_backup_is_the_last_of_a_day_on_the_clinics_calendar(tmp_path, in_sydney) -> None:
    evening = _made(tmp_path, 12, "17:30")  # the same day in UTC
    _made(tmp_path, 12, "08:00")  # the day before in UTC: a day of its own there
    morning = _made(tmp_path, 11, "08:00")  # the evening's day in UTC
    today = _made(tmp_path, 10, "08:00")
    rotate_backups(tmp_path, daily=7, weekly=0)
    assert [info.taken_at for info in list_backups(tmp_path)] == [today, morning, evening]


def test_the_newest_days_backups_are_all_kept_by_the_clinics_day(tmp_path, in_sydney) -> None:
    by_hand = _made(tmp_path, 10, "10:30")  # the day before in UTC (in summer)
    automatic = _made(tmp_path, 10, "08:00")  # the day before in UTC
    yesterday = _made(tmp_path, 11, "16:00")  # the same day in UTC: the day before's newest there
    _made(tmp_path, 11, "09:00")
    rotate_backups(tmp_path, daily=2, weekly=0)
    assert [info.taken_at for info in list_backups(tmp_path)] == [by_hand, automatic, yesterday]


def test_db_check_says_when_the_newest_backup_was_made_on_this_computers_clock(data_dir, in_sydney) -> None:
    from core.storage.backup import backup_database
    from core.storage.maintenance import check_health
    from tests.storage.test_backups import saved

    saved(data_dir, 1)
    day = dt.date.today() - dt.timedelta(days=3)
    at = dt.datetime.fromisoformat(f"{day.isoformat()}T08:00").astimezone().astimezone(UTC).replace(tzinfo=None)
    made = backup_database(data_dir.database_path, data_dir.backups_dir, now=at)  # 08:00 in Sydney, named in UTC
    line = next(line for line in check_health(data_dir).lines if line.startswith("Backups:"))
    assert f"newest {made.name} (made {day} 08:00); newest that passes integrity_check: {made.name} (made " \
           f"{day} 08:00)." in line, line


def test_a_backup_named_at_the_calendars_end_is_counted_and_said(tmp_path, in_sydney) -> None:
    """Seen in review: a name dated in year 9999 (a copy renamed by hand) made the local time overflow."""
    from core.storage.backup import clinic_day, made_at, taken_at

    far = tmp_path / backup_name(dt.datetime(9999, 12, 31, 23, 0))
    far.write_bytes(b"")
    info = next(info for info in list_backups(tmp_path) if info.path == far)
    assert clinic_day(info) == dt.date(9999, 12, 31) and made_at(far) == "9999-12-31 23:00 UTC"
    assert taken_at(far) == dt.datetime(9999, 12, 31, 23, 0)
