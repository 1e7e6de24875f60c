"""A database another program holds locked, or a disk that reports an error, is not a damaged database:
nothing offers a restore, which would put an older copy in place of the newest records."""

from __future__ import annotations

import sqlite3

import pytest

from core.storage import records
from core.storage.backup import backup_database
from core.storage.database import DatabaseDamaged, DatabaseUnavailable, open_database
from core.storage.maintenance import check_health
from tests.storage.helpers import digest, example


@pytest.fixture
def saved(data_dir):
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    backup_database(data_dir.database_path, data_dir.backups_dir)  # a good backup a restore could offer
    return data_dir


@pytest.fixture
def held_by_another_program(saved, monkeypatch):
    """Another program (a database viewer) holding the file with SQLite's exclusive locking mode."""
    monkeypatch.setattr("core.storage.database.CHECK_WAIT_S", 0.2)
    other = sqlite3.connect(saved.database_path)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("create table if not exists viewer_notes (note text)")
    other.execute("COMMIT")
    yield saved
    other.close()


def test_a_locked_database_is_not_called_damaged(held_by_another_program) -> None:
    data_dir = held_by_another_program
    before = digest(data_dir.database_path)
    with pytest.raises(DatabaseUnavailable, match="locked by another program.*not been changed.*not damage") as caught:
        open_database(data_dir.database_path)
    assert not isinstance(caught.value, DatabaseDamaged)
    assert digest(data_dir.database_path) == before


def test_db_check_of_a_locked_database_offers_no_restore(held_by_another_program) -> None:
    report = check_health(held_by_another_program)
    assert not report.ok
    assert any("locked by another program" in line for line in report.lines)
    assert not any("damaged" in line or "To restore it" in line for line in report.lines)


def test_a_disk_error_is_not_called_damage(saved, monkeypatch) -> None:
    real_connect = sqlite3.connect

    class FailingDisk:
        def __init__(self, connection):
            self.connection = connection

        def execute(self, sql):
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorcode = sqlite3.SQLITE_IOERR | (3 << 8)  # SQLITE_IOERR_READ, as a failing drive gives
            raise error

        def close(self):
            self.connection.close()

    def connect(target, *args, **kwargs):
        connection = real_connect(target, *args, **kwargs)
        return connection if "backups" in str(target) else FailingDisk(connection)  # the backups' drive is fine

    monkeypatch.setattr("core.storage.database.sqlite3.connect", connect)
    with pytest.raises(DatabaseUnavailable, match=r"could not be read just now \(disk I/O error\).*Check the drive"):
        open_database(saved.database_path)
    report = check_health(saved)
    assert not report.ok and report.newest_good_backup is not None
    assert not any("To restore it" in line for line in report.lines)


def test_a_damaged_database_still_offers_the_newest_good_backup(saved) -> None:
    data = saved.database_path.read_bytes()
    saved.database_path.write_bytes(data[:100] + b"\x00" * 4000 + data[4100:])
    for extra in ("-wal", "-shm"):
        saved.database_path.with_name(saved.database_path.name + extra).unlink(missing_ok=True)
    report = check_health(saved)
    assert not report.ok
    assert any("is damaged" in line for line in report.lines)
    assert any("To restore it" in line for line in report.lines)
