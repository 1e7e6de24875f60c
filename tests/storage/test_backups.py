"""Backups: online API, verified, rotated; restore moves the damaged file aside untouched."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from core.storage import records
from core.storage.backup import (
    BackupError, backup_database, backup_name, integrity, list_backups, newest_good_backup, restore_backup,
    rotate_backups,
)
from core.storage.database import open_database
from core.storage.maintenance import backup_if_changed, check_health
from tests.storage.helpers import digest, example


def saved(data_dir, count: int = 2) -> list[int]:
    db = open_database(data_dir.database_path)
    try:
        return [records.save_plan(db, *example(), clinician="Dr A").id for _ in range(count)]
    finally:
        db.close()


def test_backup_is_a_verified_self_contained_copy(data_dir) -> None:
    ids = saved(data_dir)
    backup = backup_database(data_dir.database_path, data_dir.backups_dir)
    assert integrity(backup) == "ok"
    assert sorted(p.name for p in data_dir.backups_dir.iterdir()) == [backup.name]  # no -wal, -shm or partial file
    copy = open_database(backup, read_only=True)
    try:
        assert sorted(r.plan_id for r in records.list_plans(copy)) == ids
    finally:
        copy.close()


def test_backup_on_start_only_when_records_changed(data_dir) -> None:
    db = open_database(data_dir.database_path)
    try:
        assert backup_if_changed(db, data_dir, daily=7, weekly=4) is None  # nothing saved yet
        records.save_plan(db, *example(), clinician="Dr A")
        first = backup_if_changed(db, data_dir, daily=7, weekly=4)
        assert first is not None
        assert backup_if_changed(db, data_dir, daily=7, weekly=4) is None  # unchanged since
        records.save_plan(db, *example(), clinician="Dr A")
        assert backup_if_changed(db, data_dir, daily=7, weekly=4) is not None
    finally:
        db.close()


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path) -> None:
    start = dt.datetime(2026, 11, 21, 18, 0)
    for day in range(60):
        for hour in (9, 17):
            (tmp_path / backup_name(start - dt.timedelta(days=day, hours=hour))).write_bytes(b"")
    rotate_backups(tmp_path, daily=7, weekly=4)
    kept = [info.taken_at for info in list_backups(tmp_path)]
    assert len(kept) == 12 and kept[0].date() == kept[1].date()  # both of the newest day (one made by hand, say)
    kept = [kept[0], *kept[2:]]  # the rest as before: the newest of each day
    days = [k.date() for k in kept]
    assert len(set(days)) == 11  # before the newest day, never two from one day
    assert kept[:7] == sorted(kept[:7], reverse=True) and (kept[0] - kept[6]).days == 6  # the last 7 days
    weeks = {tuple(k.date().isocalendar())[:2] for k in kept[7:]}
    assert len(weeks) == 4 and not weeks & {tuple(k.date().isocalendar())[:2] for k in kept[:7]}


def test_a_backup_by_hand_keeps_the_one_made_earlier_that_day_until_the_next_day(tmp_path) -> None:
    morning, noon = dt.datetime(2026, 11, 21, 8, 0), dt.datetime(2026, 11, 21, 12, 30)
    for taken in (morning, noon):
        (tmp_path / backup_name(taken)).write_bytes(b"")
    rotate_backups(tmp_path, daily=7, weekly=4)
    assert [info.taken_at for info in list_backups(tmp_path)] == [noon, morning]
    (tmp_path / backup_name(dt.datetime(2026, 11, 22, 8, 0))).write_bytes(b"")
    rotate_backups(tmp_path, daily=7, weekly=4)
    assert [info.taken_at for info in list_backups(tmp_path)][1:] == [noon]  # then the day's newest stays


def test_restore_moves_the_damaged_file_aside_untouched(data_dir) -> None:
    ids = saved(data_dir, 3)
    backup_database(data_dir.database_path, data_dir.backups_dir)
    data_dir.database_path.write_bytes(os.urandom(4096))
    damaged = digest(data_dir.database_path)
    report = check_health(data_dir)
    assert not report.ok and "damaged" in report.lines[0] and report.newest_good_backup is not None
    aside = restore_backup(newest_good_backup(data_dir.backups_dir), data_dir.database_path)
    assert digest(aside) == damaged
    db = open_database(data_dir.database_path)
    try:
        assert db.execute("select max(id) from plans").fetchone()[0] == ids[-1]
    finally:
        db.close()
    assert check_health(data_dir).ok


def test_an_index_that_lost_rows_is_damage_to_db_check_and_to_a_backup(data_dir) -> None:
    """Seen in review: a file mixed with another's WAL had an index missing rows. quick_check passed it, so `db check`
    said "ok" while every backup's integrity_check refused it, and no backup was ever made again."""
    saved(data_dir)
    backup_database(data_dir.database_path, data_dir.backups_dir)
    connection = sqlite3.connect(data_dir.database_path)
    connection.execute("create index plans_by_id on plans(id)")
    connection.commit()
    connection.execute("pragma writable_schema = on")  # the index now claims another column: its rows do not match
    connection.execute("update sqlite_master set sql = 'create index plans_by_id on plans(created_at)' "
                       "where name = 'plans_by_id'")
    connection.commit()
    connection.close()
    report = check_health(data_dir)
    assert not report.ok and "is damaged: row 1 missing from index plans_by_id" in report.lines[0]
    assert report.lines[-1].startswith("To restore it: ")
    with pytest.raises(BackupError, match="The database it was copied from is probably damaged too: the db check "):
        backup_database(data_dir.database_path, data_dir.backups_dir)


def test_a_bad_backup_is_never_restored(data_dir) -> None:
    saved(data_dir)
    bad = data_dir.backups_dir / backup_name(dt.datetime(2026, 1, 1))
    bad.write_bytes(b"not a database" * 100)
    before = digest(data_dir.database_path)
    from core.storage.backup import NotABackup

    with pytest.raises(NotABackup, match="was not restored: it is not a database file"):
        restore_backup(bad, data_dir.database_path)
    damaged = data_dir.backups_dir / backup_name(dt.datetime(2026, 1, 2))
    damaged.write_bytes(data_dir.database_path.read_bytes()[:4096] + b"\x00" * 8192)  # its pages gone
    with pytest.raises(BackupError, match="failed its check") as caught:  # a damaged backup, not bad input
        restore_backup(damaged, data_dir.database_path)
    assert not isinstance(caught.value, NotABackup)
    assert digest(data_dir.database_path) == before
    assert newest_good_backup(data_dir.backups_dir) is None


def test_a_backup_to_a_full_or_missing_disk_fails_plainly(data_dir, monkeypatch) -> None:
    saved(data_dir)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.storage.backup.os.replace", disk_full)
    with pytest.raises(BackupError, match="could not be written"):
        backup_database(data_dir.database_path, data_dir.backups_dir)
    assert list(data_dir.backups_dir.iterdir()) == []


def test_a_backup_the_database_engine_cannot_write_fails_plainly(data_dir, monkeypatch) -> None:
    """An unwritable backups folder shows up as an SQLite error (it has no strerror): still a BackupError,
    so saving a session or opening the records goes on without the backup."""
    saved(data_dir)
    real_connect = sqlite3.connect

    def refuse_target(target, *args, **kwargs):
        if str(target).endswith(".partial"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr("core.storage.backup.sqlite3.connect", refuse_target)
    with pytest.raises(BackupError, match="could not be written.*unable to open database file"):
        backup_database(data_dir.database_path, data_dir.backups_dir)
    assert list(data_dir.backups_dir.iterdir()) == []


@pytest.mark.parametrize("damage", ["cut in half", "not a database"])
def test_records_that_cannot_be_read_are_said_damaged_not_the_backups_folder(data_dir, damage) -> None:
    """Seen by a helper: a truncated database's backup said "The backup could not be written to .../backups: database
    disk image is malformed", and an IT person looks at the disk."""
    saved(data_dir)
    whole = data_dir.database_path.read_bytes()
    data_dir.database_path.write_bytes(whole[:len(whole) // 2] if damage == "cut in half" else b"junk" * 5000)
    with pytest.raises(BackupError) as refused:
        backup_database(data_dir.database_path, data_dir.backups_dir)
    said = str(refused.value)
    assert said.startswith("No backup was made: the records in treadwell.sqlite3 could not be read ("), said
    assert said.endswith("They are probably damaged: the db check command checks the records and names the backup "
                         "to restore."), said
    assert list(data_dir.backups_dir.iterdir()) == []


def test_a_backup_dated_in_the_future_does_not_stop_backups_nor_pass_for_the_newest(data_dir) -> None:
    """Made while the clock was a year ahead: its name says nothing of its age."""
    saved(data_dir)
    ahead = backup_database(data_dir.database_path, data_dir.backups_dir,
                            now=dt.datetime.now() + dt.timedelta(days=365))
    db = open_database(data_dir.database_path)
    try:
        today = backup_if_changed(db, data_dir, daily=7, weekly=4)
    finally:
        db.close()
    assert today is not None and ahead.exists()
    assert newest_good_backup(data_dir.backups_dir) == today
    report = check_health(data_dir)
    assert f"newest {today.name}" in report.lines[-2]
    assert report.lines[-1].startswith(f"Dated in the future: {ahead.name}. The computer's clock was ahead")
    # rotation keeps the backup just made (the future day counted as the newest made it the one to delete)
    assert rotate_backups(data_dir.backups_dir, daily=1, weekly=0) == [] and today.exists() and ahead.exists()
    today.write_bytes(b"garbage")  # when nothing else passes its check, it is still there to restore
    assert newest_good_backup(data_dir.backups_dir) == ahead


def test_a_change_marked_by_a_clock_ahead_does_not_back_up_on_every_start(data_dir) -> None:
    """Seen in review: a last change marked 30 days ahead kept backup_due true after every backup."""
    saved(data_dir)
    db = open_database(data_dir.database_path)
    try:
        ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)).isoformat()
        db.execute("update meta set value = ? where key = 'last_change_at'", [ahead])
        db.conn.commit()
        assert backup_if_changed(db, data_dir, daily=7, weekly=4) is not None
        assert backup_if_changed(db, data_dir, daily=7, weekly=4) is None
    finally:
        db.close()


def test_a_restore_stopped_between_its_moves_puts_the_database_back(data_dir, monkeypatch) -> None:
    """Seen in review: Ctrl+C between moving the database aside and moving the backup in left no database at all,
    and the next command made a new, empty one."""
    saved(data_dir, 2)
    backup_database(data_dir.database_path, data_dir.backups_dir)
    before = digest(data_dir.database_path)
    real_replace = os.replace

    def interrupted(source, target) -> None:
        if str(source).endswith(".restoring"):  # the backup's copy, about to take the database's place
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        restore_backup(newest_good_backup(data_dir.backups_dir), data_dir.database_path)
    monkeypatch.undo()
    assert digest(data_dir.database_path) == before
    assert not list(data_dir.root.glob("*.set-aside-*")) and not list(data_dir.root.glob(".*.restoring"))


def test_a_restore_says_when_the_backup_was_made_by_its_name_not_its_file_time(data_dir) -> None:
    """Seen in review: a data folder copied at 05:31 restored a backup made at 05:10, and said "made 05:31", which hid
    what was saved between and is now only in the file set aside."""
    from core.workspace.maintenance import restored_words

    saved(data_dir)
    made = dt.datetime(2026, 12, 5, 5, 10, 44)
    backup = backup_database(data_dir.database_path, data_dir.backups_dir, now=made)
    later = made.replace(tzinfo=dt.timezone.utc).timestamp() + 21 * 60  # copied with the folder, 21 minutes on
    os.utime(backup, (later, later))
    local = made.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    assert restored_words(backup, None) == f"Restored {backup.name}, made {local}."
    named_otherwise = backup.rename(backup.with_name("monday.sqlite3"))
    assert restored_words(named_otherwise, None).endswith(
        dt.datetime.fromtimestamp(later).strftime("made %Y-%m-%d %H:%M."))  # not a name Treadwell gave: its file time
