"""A records file missing or emptied beside its backups: the records were lost, so nothing makes them anew (the next
patient would get the lost first patient's number); the backup is offered. Seen by a tester: an emptied file was taken
for a first start, and `db check` said "ok, schema 0 of 16, 0 patients" beside two backups."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3

import pytest

from core.storage import records
from core.storage.backup import backup_database, utc_now
from core.storage.database import DatabaseDamaged, open_database
from core.storage.backup import newest_good_backup
from core.storage.maintenance import backup_now, check_health
from core.storage.session import open_data
from tests.storage.helpers import example


def saved_and_backed_up(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    backup_database(data_dir.database_path, data_dir.backups_dir)
    for path in data_dir.root.glob("treadwell.sqlite3-*"):  # -wal, -shm
        path.unlink()


@pytest.mark.parametrize(("lose", "state"), [("empty", "empty"), ("delete", "missing"),
                                             ("folder", "a folder, not a file")])
def test_lost_records_are_not_made_anew_and_the_backup_is_named(data_dir, lose, state) -> None:
    saved_and_backed_up(data_dir)
    if lose == "empty":
        data_dir.database_path.write_bytes(b"")
    else:
        data_dir.database_path.unlink()
    if lose == "folder":
        data_dir.database_path.mkdir()
    said = f"The records file treadwell.sqlite3 is {state}, but 1 backup of it is kept in {data_dir.backups_dir}"
    for write in (True, False):
        with pytest.raises(DatabaseDamaged, match=said.replace(".", "\\.")), open_data(data_dir, write=write):
            pass
    assert (data_dir.database_path.exists(), data_dir.database_path.is_file() and
            data_dir.database_path.stat().st_size) == {"empty": (True, 0), "delete": (False, False),
                                                       "folder": (True, False)}[lose]
    report = check_health(data_dir)
    assert not report.ok and report.lines[0].startswith(said) and "db restore" in report.lines[-1]


def test_a_first_start_and_an_emptied_file_with_no_backup_make_the_records(data_dir) -> None:
    with open_data(data_dir) as db:
        assert records.count_patients(db) == 0
    for path in data_dir.root.glob("treadwell.sqlite3*"):
        path.unlink()
    data_dir.database_path.write_bytes(b"")  # a first start that stopped before it saved anything
    with open_data(data_dir) as db:
        assert records.count_patients(db) == 0
    assert check_health(data_dir).ok


def test_a_backup_of_lost_records_is_refused_and_an_empty_backup_is_never_the_good_one(data_dir) -> None:
    """Seen in review: 'db backup' of an emptied file made a 'verified' backup of nothing, which db check then named
    the newest good backup, and restoring it was refused as another program's database."""
    saved_and_backed_up(data_dir)
    good = newest_good_backup(data_dir.backups_dir)
    data_dir.database_path.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match="is empty, but 1 backup"):
        backup_now(data_dir, daily=7, weekly=4)
    assert len(list(data_dir.backups_dir.glob("treadwell-*.sqlite3"))) == 1
    empty = data_dir.backups_dir / "treadwell-29991231-000000-000000.sqlite3"  # the newest, and no records in it
    sqlite3.connect(empty).execute("create table t (x)").connection.close()
    assert newest_good_backup(data_dir.backups_dir) == good


def test_the_self_test_does_not_make_lost_records_anew(data_dir) -> None:
    from core.workspace.selftest import core_checks, run_checks

    saved_and_backed_up(data_dir)
    data_dir.database_path.unlink()
    results = run_checks(core_checks(data_dir, None), io.StringIO())
    [opened] = [result for result in results if result.name == "database opens"]
    assert not opened.passed and "is missing, but 1 backup" in opened.detail
    assert not data_dir.database_path.exists()


def test_records_lost_while_a_restore_was_under_way_point_to_the_file_it_set_aside(data_dir) -> None:
    """Seen in review: a restore killed between its two moves (the records moved aside, the backup not yet in place)
    left the next command saying only "restore the newest good backup", which lost everything saved since it; the
    file set aside held the records as they were."""
    saved_and_backed_up(data_dir)
    later = utc_now() + dt.timedelta(seconds=2)  # the restore, after the newest backup
    aside = data_dir.database_path.with_name(f"treadwell.set-aside-{later:%Y%m%d-%H%M%S}.sqlite3")
    data_dir.database_path.rename(aside)
    said = check_health(data_dir).lines[0]
    assert "the records were lost, not new" in said
    assert (f"A restore set {aside.name} aside in the same folder: if the records were lost while a restore was under "
            "way, that file holds them as they were, newer than any backup, and restoring it (db restore with its "
            "path) brings them back.") in said


def test_a_file_set_aside_before_the_newest_backup_is_not_offered_as_newer(data_dir) -> None:
    """Seen by a tester: an old backup restored (the records then set aside), a newer backup made, then the records
    lost: the file set aside by the restore, older than that backup, was offered as "newer than any backup"."""
    earlier = utc_now() - dt.timedelta(minutes=5)
    saved_and_backed_up(data_dir)
    data_dir.database_path.rename(data_dir.database_path.with_name(
        f"treadwell.set-aside-{earlier:%Y%m%d-%H%M%S}.sqlite3"))
    said = check_health(data_dir).lines[0]
    assert "the records were lost, not new" in said and "set-aside" not in said and "A restore set" not in said


def test_a_backup_dated_in_the_future_does_not_hide_the_file_set_aside(data_dir) -> None:
    """Found in review: a backup named by a clock that ran ahead counted as the newest, and hid the only file that
    held the lost records."""
    saved_and_backed_up(data_dir)
    ahead = utc_now() + dt.timedelta(days=30)
    data_dir.backups_dir.joinpath(f"treadwell-{ahead:%Y%m%d-%H%M%S}.sqlite3").write_bytes(
        next(data_dir.backups_dir.iterdir()).read_bytes())
    aside = data_dir.database_path.with_name(f"treadwell.set-aside-{utc_now():%Y%m%d-%H%M%S}.sqlite3")
    data_dir.database_path.rename(aside)
    assert f"A restore set {aside.name} aside" in check_health(data_dir).lines[0]
