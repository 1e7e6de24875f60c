"""Backups are kept by the clinic's days, as the daily backup is made (core/storage/maintenance.py backup_due) and
as a restore says when one was made. Seen in review: rotation counted days in UTC, so in Sydney a day's evening backup
and the next morning's were one day, and the evening's, the last of the clinic's day, was deleted."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from core.storage.backup import backup_name, list_backups, rotate_backups

UTC = dt.timezone.utc


@pytest.fixture
def in_sydney(monkeypatch):
    monkeypatch.setenv("TZ", "Australia/Sydney")  # UTC+11 in November
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _made(path, local: str) -> dt.datetime:
    """A backup made at ``local`` (Sydney's clock); its name holds the moment in UTC, as backup_database names it."""
    moment = dt.datetime.fromisoformat(local).astimezone().astimezone(UTC).replace(tzinfo=None)
    (path / backup_name(moment)).write_bytes(b"")
    return moment


def test_each_kept_backup_is_the_last_of_a_day_on_the_clinics_calendar(tmp_path, in_sydney) -> None:
    evening = _made(tmp_path, "2026-11-07T17:30")  # 06:30 UTC on the 7th
    _made(tmp_path, "2026-11-07T08:00")  # 21:00 UTC on the 6th: a day of its own in UTC
    morning = _made(tmp_path, "2026-11-08T08:00")  # 21:00 UTC on the 7th: the evening's UTC day
    today = _made(tmp_path, "2026-11-09T08:00")
    rotate_backups(tmp_path, daily=7, weekly=0)
    assert [info.taken_at for info in list_backups(tmp_path)] == [today, morning, evening]


def test_the_newest_days_backups_are_all_kept_by_the_clinics_day(tmp_path, in_sydney) -> None:
    by_hand = _made(tmp_path, "2026-11-09T10:30")  # 23:30 UTC on the 8th
    automatic = _made(tmp_path, "2026-11-09T08:00")  # 21:00 UTC on the 8th
    yesterday = _made(tmp_path, "2026-11-08T16:00")  # 05:00 UTC on the 8th
    _made(tmp_path, "2026-11-08T09:00")
    rotate_backups(tmp_path, daily=2, weekly=0)
    assert [info.taken_at for info in list_backups(tmp_path)] == [by_hand, automatic, yesterday]


def test_db_check_says_when_the_newest_backup_was_made_on_this_computers_clock(data_dir, in_sydney) -> None:
    from core.storage.backup import backup_database
    from core.storage.maintenance import check_health
    from tests.storage.test_backups import saved

    saved(data_dir, 1)
    made = backup_database(data_dir.database_path, data_dir.backups_dir,
                           now=dt.datetime(2026, 11, 8, 21, 0))  # 08:00 on the 9th in Sydney
    line = next(line for line in check_health(data_dir).lines if line.startswith("Backups:"))
    assert f"newest {made.name} (made 2026-11-09 08:00); newest that passes integrity_check: {made.name} (made " \
           "2026-11-09 08:00)." in line, line
