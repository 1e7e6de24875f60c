"""Another program's SQLite database where the records file should be (copied over it by hand or by a sync tool):
refused, unchanged, with the backup offered, by every way in. Seen by a tester: `db check` said "ok, schema 0 of 17,
0 patients", and the next save wrote Treadwell's tables into a browser's database beside its own, with the clinic's
five patients left in the backups and no word said."""

from __future__ import annotations

import sqlite3

import pytest

from core.storage.backup import restore_backup
from core.storage.database import DatabaseDamaged
from core.storage.maintenance import check_health
from core.storage.session import open_data
from tests.storage.helpers import digest
from tests.storage.test_lost_records import saved_and_backed_up

SAID = "The records file treadwell.sqlite3 is another program's database, not Treadwell's records. It has not been " \
       "changed."


def another_programs(path, table: str = "moz_places") -> None:
    """A browser's database: Firefox's places, or Chromium's history, whose "meta" table Treadwell's records have too
    (seen in review: taken for records, and written to)."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute(f"create table {table} (id integer primary key, url text)")
        connection.execute(f"insert into {table} (url) values ('https://example.org')")
    connection.close()


@pytest.mark.parametrize("table", ["moz_places", "meta"])
def test_another_program_s_database_is_refused_unchanged_and_the_backup_offered(data_dir, table) -> None:
    saved_and_backed_up(data_dir)
    another_programs(data_dir.database_path, table)
    before = digest(data_dir.database_path)
    for write in (True, False):
        with pytest.raises(DatabaseDamaged, match=SAID.replace(".", "\\.")), open_data(data_dir, write=write):
            pass
    assert digest(data_dir.database_path) == before
    report = check_health(data_dir)
    assert not report.ok and report.lines[0].startswith(SAID), report.lines
    assert report.lines[-1].startswith("To restore it: ") and str(report.newest_good_backup) in report.lines[-1]
    restore_backup(report.newest_good_backup, data_dir.database_path)  # as offered: the patient is back
    with open_data(data_dir) as db:
        assert db.execute("select count(*) from patients").fetchone()[0] == 1


def test_without_backups_it_is_refused_too(data_dir) -> None:
    data_dir.root.mkdir(parents=True, exist_ok=True)
    another_programs(data_dir.database_path)
    with pytest.raises(DatabaseDamaged, match="move it out of the data folder"), open_data(data_dir, write=True):
        pass
    assert not check_health(data_dir).ok


def test_a_database_with_no_tables_yet_is_made_the_records(data_dir) -> None:
    """A file SQLite made and nothing wrote to (a first start stopped at once): new records, as before."""
    data_dir.root.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(data_dir.database_path) as connection:
        connection.execute("pragma user_version = 0")
        connection.execute("create table scratch (x)")
        connection.execute("drop table scratch")  # a database file with pages and no table
    connection.close()
    assert data_dir.database_path.stat().st_size > 0
    with open_data(data_dir, write=True) as db:
        assert db.execute("select count(*) from patients").fetchone()[0] == 0
    assert check_health(data_dir).ok
