"""What the audit trail keeps of records deleted here, in SQLite: a patient's deleted walks, one logged again as it
was, the ids of those a bundle carries, a deleted patient's latest deletion (the clinic server's:
core/storage/postgres_deleted_records.py; the queries and messages both share: core/storage/deletion_rows.py)."""

from __future__ import annotations

import uuid

import sqlite_utils

from core.records.models import DeletedSession, SessionRecord
from core.storage import records
from core.storage.deletion_rows import DELETED_PATIENT, DELETED_SESSION, DELETED_SESSIONS, deleted_session
from core.storage.record_rows import check_week, now_iso, session_values


def deleted_sessions(db: sqlite_utils.Database, patient_id: int) -> list[DeletedSession]:
    """The patient's walks deleted here and not logged again, the latest deleted first (PatientRecords)."""
    rows = db.execute(DELETED_SESSIONS.format(json="json_extract(a.before_json, '$.patient_id')", p="?"),
                      [patient_id]).fetchall()
    return [deleted_session(row, row[0]) for row in rows]


def undelete_session(db: sqlite_utils.Database, session_id: int, *, clinician: str) -> SessionRecord:
    """A deleted walk logged again as it was when deleted, under its id, its uid and its plan version
    (PatientRecords)."""
    with db.atomic():
        deleted = deleted_session(db.execute(DELETED_SESSION.format(p="?"), [session_id]).fetchone(), session_id)
        if (back := records.get_session_or_none(db, session_id)) is not None:
            return back  # logged again already (a try whose answer was lost)
        version = records.plan_of_patient(db, deleted.patient_id, deleted.plan_id, deleted.log.date)
        check_week(version, deleted.log.week)
        at = now_iso()
        db["sessions"].insert({"id": session_id, "uid": deleted.uid or str(uuid.uuid4()),
                               "patient_id": deleted.patient_id, "plan_id": version.id, **session_values(deleted.log),
                               "created_at": at, "updated_at": at})
        records.record_event(db, "undelete", "session", session_id, clinician, at=at)
    return records.get_session(db, session_id)


def patient_deleted(db: sqlite_utils.Database, uid: str) -> tuple | None:
    """The latest deletion here of the patient whose uid is ``uid`` (deletion_rows.DELETED_PATIENT), or None."""
    return db.execute(DELETED_PATIENT.format(json="json_extract(before_json, '$.uid')", p="?"), [uid]).fetchone()


def deleted_session_uids(db: sqlite_utils.Database, patient_id: int) -> set[str]:
    """The ids that travel in bundles of the patient's sessions deleted here (as the audit keeps them)."""
    return {row[0] for row in db.execute(
        "select json_extract(before_json, '$.uid') from audit where action = 'delete' and record_type = 'session' "
        "and json_extract(before_json, '$.patient_id') = ? and json_extract(before_json, '$.uid') is not null",
        [patient_id]).fetchall()}
