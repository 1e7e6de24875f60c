"""The day's backup of an open window (core/storage/maintenance.backup_of_the_day) refuses records lost under it in
the words every backup uses, rather than SQLite's own (found in review: an emptied file gave "no such table: meta",
logged as a crash)."""

from __future__ import annotations

import pytest

from core.storage import records
from core.storage.backup import backup_database
from core.storage.database import RecordsLost, open_database
from core.storage.maintenance import backup_of_the_day
from tests.storage.helpers import example


def test_records_emptied_under_an_open_window_are_said_lost(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    backup_database(data_dir.database_path, data_dir.backups_dir)
    assert backup_of_the_day(data_dir, daily=7, weekly=4) is None  # backed up since the last change: none due
    data_dir.database_path.write_bytes(b"")
    with pytest.raises(RecordsLost, match="is empty, but 1 backup of it is kept"):
        backup_of_the_day(data_dir, daily=7, weekly=4)
