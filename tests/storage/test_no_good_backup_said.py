"""Backups that all fail their check are a problem db check reports, not a line in passing (seen by a tester: every
backup cut short, "newest that passes integrity_check: none", exit 0)."""

from __future__ import annotations

from core.storage import records
from core.storage.backup import backup_database
from core.storage.database import open_database
from core.storage.maintenance import check_health
from tests.storage.helpers import example


def test_backups_that_all_fail_their_check_make_the_check_fail(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    backup = backup_database(data_dir.database_path, data_dir.backups_dir)
    assert check_health(data_dir).ok
    backup.write_bytes(backup.read_bytes()[:5000])  # cut short, as a disk or a copy may leave it
    report = check_health(data_dir)
    assert not report.ok and report.newest_good_backup is None
    said = report.lines[-1]
    assert said.startswith("No backup passes its check, so there is no good copy of the records to restore. Make one "
                           "now (") and said.endswith(" db backup), and ask your IT contact to look at the disk.")
