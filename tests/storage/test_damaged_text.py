"""Bytes that are not text in the records file: said to be damage, where and with what to restore, never quoted.
Seen when a tester changed one byte: of a trigger's name, every command crashed with a traceback; of a patient's
name, quick_check said ok, the backup was verified, and the commands that read the patient quoted the record."""

from __future__ import annotations

import sqlite3

import pytest

from core.storage import records
from core.storage.backup import BackupError, backup_database
from core.storage.database import (
    TABLE_LIST_DAMAGED, DatabaseDamaged, check_file, open_database, plain_storage_error,
)
from core.storage.maintenance import check_health
from tests.storage.helpers import digest, example

NAME = "Zyxwv Qutlenberg"


def saved_with_a_backup(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(name=NAME), clinician="Dr A")
    db.close()
    backup_database(data_dir.database_path, data_dir.backups_dir)


def damage(path, found: bytes, at: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    where = data.find(found)
    assert where >= 0
    while where >= 0:
        data[where + at] = value
        where = data.find(found, where + 1)
    path.write_bytes(bytes(data))


def test_a_damaged_byte_in_the_table_list_is_damage_that_a_backup_restores(data_dir) -> None:
    saved_with_a_backup(data_dir)
    damage(data_dir.database_path, b"triggerpatients_name_pairs_fts_insert", 20, 0xDD)
    before = digest(data_dir.database_path)
    assert check_file(data_dir.database_path) == TABLE_LIST_DAMAGED
    with pytest.raises(DatabaseDamaged, match=f"is damaged \\({TABLE_LIST_DAMAGED}\\). It has not been changed"):
        open_database(data_dir.database_path)
    report = check_health(data_dir)
    assert not report.ok and report.newest_good_backup is not None
    assert f"is damaged: {TABLE_LIST_DAMAGED}" in report.lines[0] and "db restore" in report.lines[-1]
    with pytest.raises(BackupError, match=f"failed its check \\({TABLE_LIST_DAMAGED}\\) and was not kept"):
        backup_database(data_dir.database_path, data_dir.backups_dir)
    assert digest(data_dir.database_path) == before and len(list(data_dir.backups_dir.glob("*.sqlite3"))) == 1


def test_a_name_that_is_not_text_is_found_by_the_check_and_the_backup_and_never_quoted(data_dir) -> None:
    saved_with_a_backup(data_dir)
    damage(data_dir.database_path, NAME.encode(), 1, 0xFF)
    assert check_file(data_dir.database_path) == "ok"  # quick_check does not look at text: an open goes ahead
    report = check_health(data_dir)
    assert not report.ok and "is damaged: the text in patients.name of row 1 is not readable text" in report.lines[0]
    assert "db restore" in report.lines[-1]
    with pytest.raises(BackupError, match="failed its check \\(the text in patients.name of row 1"):
        backup_database(data_dir.database_path, data_dir.backups_dir)
    db = open_database(data_dir.database_path)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            records.plan_history(db, 1)
    finally:
        db.close()
    said = plain_storage_error(raised.value)
    assert said.startswith("The database is damaged: a record's text cannot be read. Nothing was saved.")
    assert "Qutlenberg" not in said and "db check" in said


def test_damaged_text_that_holds_a_word_of_another_problem_is_still_damage() -> None:
    """Seen in review: a damaged name "Knee locked..." was said to be another window writing."""
    said = plain_storage_error(sqlite3.OperationalError(
        "Could not decode to UTF-8 column 'name' with text 'Knee locked\ufffd, disk is full'"))
    assert said.startswith("The database is damaged") and "Knee" not in said


def test_every_value_stored_as_text_is_read_whatever_its_column_is_declared() -> None:
    """Seen in review: only columns declared TEXT were read, a table named like "drafts" was left out as a full-text
    index's, a WITHOUT ROWID table was said to be a drive problem, and a blob in a TEXT column was called damage."""
    from core.storage.database import unreadable_text

    connection = sqlite3.connect(":memory:")
    connection.executescript("""
        create table notes (body);  -- no declared type
        create table drafts (body varchar(20));
        create table pairs (k text primary key, v json) without rowid;
        create table files (body text);
        insert into files values (x'ff00');  -- a blob, not text
    """)
    assert unreadable_text(connection) is None and connection.text_factory is str  # the caller's left as it was
    for table, column, where in (("notes", "body", " of row 1"), ("drafts", "body", " of row 1"), ("pairs", "v", "")):
        values = "(cast(x'41ff' as text))" if table != "pairs" else "('a', cast(x'41ff' as text))"
        connection.execute(f"insert into {table} values {values}")
        assert unreadable_text(connection) == f"the text in {table}.{column}{where} is not readable text"
        connection.execute(f"delete from {table}")
