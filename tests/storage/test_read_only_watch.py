"""A read-only window's gateway notices what the window holding the data folder saves (core/workspace/gateway.py
``saved_elsewhere``): a commit on the other connection, and a backup put in place of the file."""

from __future__ import annotations

from core.storage import records
from core.storage.backup import backup_database, restore_backup
from core.storage.database import open_database
from core.workspace.gateway import RecordsGateway
from tests.storage.helpers import example


def test_a_save_by_the_holding_window_is_noticed_once(data_dir) -> None:
    writer = open_database(data_dir.database_path)
    records.save_plan(writer, *example(), clinician="Dr A")
    watcher = RecordsGateway(data_dir, read_only=True)
    watcher.open()
    try:
        assert not watcher.saved_elsewhere()
        records.save_plan(writer, *example(name="Second Patient"), clinician="Dr A")
        assert watcher.saved_elsewhere() == "saved" and not watcher.saved_elsewhere()  # told once, then quiet again
        assert watcher.count_patients(None) == 2
    finally:
        watcher.close()
        writer.close()


def test_a_backup_put_in_place_is_read_from_then_on(data_dir) -> None:
    """Seen in review: the read-only connection stayed on the file moved aside, showing the old records for good."""
    writer = open_database(data_dir.database_path)
    records.save_plan(writer, *example(), clinician="Dr A")
    backup = backup_database(data_dir.database_path, data_dir.root / "backups-test")
    records.save_plan(writer, *example(name="Second Patient"), clinician="Dr A")
    writer.close()
    watcher = RecordsGateway(data_dir, read_only=True)
    watcher.open()
    try:
        assert watcher.count_patients(None) == 2
        restore_backup(backup, data_dir.database_path)
        assert watcher.saved_elsewhere() == "restored" and watcher.count_patients(None) == 1
        assert not watcher.saved_elsewhere()
    finally:
        watcher.close()

