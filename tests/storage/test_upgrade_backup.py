"""Records of an earlier schema are backed up, as they are, before they are upgraded: by a command, by the window,
and by the window's reopening of a file put in place. Without the backup, nothing is upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.settings import Settings
from core.storage import records
from core.storage.backup import list_backups, restore_backup
from core.storage.database import DatabaseError, open_database
from core.storage.schema import SCHEMA_VERSION
from core.storage.session import open_data
from core.workspace.gateway import RecordsGateway
from core.workspace.startup import start_records
from tests.conftest import REPO_ROOT
from tests.fixtures.db.make_fixture import load_fixture
from tests.storage.helpers import example

FIRST_RELEASED = REPO_ROOT / "tests" / "fixtures" / "db" / "schema-4.sql"


def schema_and_rows(path: Path) -> tuple[int, list[tuple]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        applied = connection.execute("select count(*) from _sqlite_migrations where migration_set = 'treadwell'")
        rows = connection.execute("select id, version, profile_json, plan_json from plans order by id").fetchall()
        return applied.fetchone()[0], rows
    finally:
        connection.close()


@pytest.fixture
def first_released(data_dir):
    load_fixture(FIRST_RELEASED, data_dir.database_path)
    schema, rows = schema_and_rows(data_dir.database_path)
    assert schema == 4 and len(rows) == 2  # the fixture: one patient, two versions
    return rows


def the_one_backup(data_dir) -> Path:
    (backup,) = [info.path for info in list_backups(data_dir.backups_dir)]
    return backup


def test_a_command_backs_the_records_up_as_they_were_before_upgrading_them(data_dir, first_released) -> None:
    with open_data(data_dir) as db:
        assert len(records.list_plans(db)) == 1
    backup = the_one_backup(data_dir)
    assert schema_and_rows(backup) == (4, first_released)  # the earlier version can open it again
    assert schema_and_rows(data_dir.database_path)[0] == SCHEMA_VERSION
    with open_data(data_dir) as db:  # already upgraded: no second backup
        pass
    assert the_one_backup(data_dir) == backup


def test_the_window_backs_the_records_up_before_upgrading_them(data_dir, first_released) -> None:
    report = start_records(data_dir, Settings(), read_only=False)
    assert report.backup_problem is None
    assert schema_and_rows(the_one_backup(data_dir)) == (4, first_released)
    assert schema_and_rows(data_dir.database_path)[0] == SCHEMA_VERSION


def test_an_earlier_backup_restored_under_an_open_window_is_backed_up_before_its_upgrade(data_dir,
                                                                                              first_released) -> None:
    earlier = data_dir.root / "earlier.sqlite3"  # a backup the earlier version made
    earlier.write_bytes(data_dir.database_path.read_bytes())
    gateway = RecordsGateway(data_dir, read_only=False)
    gateway.open()
    assert len(list_backups(data_dir.backups_dir)) == 1
    restore_backup(earlier, data_dir.database_path)  # by a command, the window still open
    gateway.open()
    try:
        assert [schema_and_rows(info.path) for info in list_backups(data_dir.backups_dir)] == \
            [(4, first_released)] * 2
    finally:
        gateway.close()


def test_a_new_database_and_current_records_need_no_backup_to_open(data_dir) -> None:
    with open_data(data_dir) as db:
        records.save_plan(db, *example(), clinician="Dr A")
    with open_data(data_dir):
        pass
    assert list_backups(data_dir.backups_dir) == []


def test_without_a_backup_nothing_is_upgraded(data_dir, first_released) -> None:
    data_dir.backups_dir.rmdir()
    data_dir.backups_dir.write_text("not a folder")  # the backup cannot be written there
    with pytest.raises(DatabaseError, match=r"from an earlier version of Treadwell\. .* the backup was not made\. "
                                            r"The backup could not be written to .* The records have not been changed"):
        open_database(data_dir.database_path, backups_dir=data_dir.backups_dir)
    assert schema_and_rows(data_dir.database_path) == (4, first_released)


def test_the_self_test_backs_the_records_up_before_upgrading_them(data_dir, first_released) -> None:
    """Seen in review: --self-test run on a clinic's data folder after an upgrade of Treadwell migrated it unbacked."""
    from core.workspace.selftest import _database_opens

    assert _database_opens(data_dir).endswith("journal wal")
    assert schema_and_rows(the_one_backup(data_dir)) == (4, first_released)
