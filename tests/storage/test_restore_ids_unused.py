"""An older backup restored never gives a new record an id the records it replaced gave (seen by a tester: a backup
of before two patients were saved restored, the next new patient was "patient 2", another person's id in the records
set aside, in newer backups and on handouts already printed)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from core.plan.session_log import SessionLog
from core.storage import records
from core.storage.backup import backup_database, list_backups, restore_backup
from core.storage.database import open_database
from tests.storage.helpers import example

WALK = SessionLog(date=dt.date.today() - dt.timedelta(days=1), week=1, minutes=10, rpe=12)


def test_a_patient_plan_and_walk_saved_after_an_older_backup_is_restored_get_ids_never_given(data_dir) -> None:
    db = open_database(data_dir.database_path)
    first = records.save_plan(db, *example(name="Ada First"), clinician="Dr A")
    records.add_session(db, first.patient_id, WALK, clinician="Dr A")
    db.close()
    older = backup_database(data_dir.database_path, data_dir.backups_dir)
    db = open_database(data_dir.database_path)
    for name in ("Bea Second", "Cy Third"):
        later = records.save_plan(db, *example(name=name), clinician="Dr A")
        records.add_session(db, later.patient_id, WALK, clinician="Dr A")
    db.close()

    restore_backup(older, data_dir.database_path)
    db = open_database(data_dir.database_path)
    new = records.save_plan(db, *example(name="Dee Newcomer"), clinician="Dr A")
    walk = records.add_session(db, new.patient_id, WALK, clinician="Dr A")
    db.close()
    assert (new.patient_id, new.id, walk.id) == (4, 4, 4)  # 2 and 3 are Bea's and Cy's in the records set aside


def test_the_ids_a_newer_backup_gave_are_kept_unused_where_the_records_in_use_cannot_be_read(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(name="Ada First"), clinician="Dr A")
    db.close()
    older = backup_database(data_dir.database_path, data_dir.backups_dir)
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(name="Bea Second"), clinician="Dr A")
    db.close()
    backup_database(data_dir.database_path, data_dir.backups_dir)
    assert len(list_backups(data_dir.backups_dir)) == 2
    data_dir.database_path.write_bytes(b"not a database any more" * 100)  # damaged past reading

    restore_backup(older, data_dir.database_path)
    db = open_database(data_dir.database_path)
    assert records.save_plan(db, *example(name="Dee Newcomer"), clinician="Dr A").patient_id == 3
    db.close()
    assert not list(data_dir.database_path.parent.glob(".*restoring*"))  # nothing left beside it
    with sqlite3.connect(older) as backup:  # the backup itself is never written to
        assert backup.execute("select value from meta where key = 'last_id.patients'").fetchone() == ("1",)
