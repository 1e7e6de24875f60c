"""What the audit trail keeps of records deleted on the clinic server: a patient's deleted walks, one logged again as
it was, the ids of those a bundle carries, a deleted patient's latest deletion (SQLite's:
core/storage/deleted_records.py; the queries and messages both share: core/storage/deletion_rows.py)."""

from __future__ import annotations

import uuid

import psycopg

from core.records.models import DeletedSession, SessionRecord
from core.storage.deletion_rows import DELETED_PATIENT, DELETED_SESSION, DELETED_SESSIONS, deleted_session
from core.storage.record_rows import SESSION_COLUMNS, check_week, now_iso, session_record, session_values


class PostgresDeletedRecords:
    """The deleted records' part of PostgresRecords (core/storage/postgres_records.py), whose connection, queries,
    transactions, plan versions, walks and audit rows it uses."""

    def deleted_sessions(self, patient_id: int) -> list[DeletedSession]:
        rows = self._all(DELETED_SESSIONS.format(json="(a.before_json::jsonb ->> 'patient_id')::bigint", p="%s"),
                         [patient_id])
        return [deleted_session(row, row[0]) for row in rows]

    def undelete_session(self, session_id: int, *, clinician: str) -> SessionRecord:
        try:
            return self._undelete_session(session_id, clinician)
        except psycopg.errors.UniqueViolation:  # brought back by another workstation meanwhile: that walk
            return self.get_session(session_id)

    def _undelete_session(self, session_id: int, clinician: str) -> SessionRecord:
        with self.transaction():
            deleted = deleted_session(self._one(DELETED_SESSION.format(p="%s"), [session_id]), session_id)
            back = self._one(f"{SESSION_COLUMNS} where s.id = %s", [session_id])
            if back is not None:
                return session_record(back)  # logged again already (a try whose answer was lost)
            version = self._plan_of_patient(deleted.patient_id, deleted.plan_id, deleted.log)
            check_week(version, deleted.log.week)
            at = now_iso()
            values = session_values(deleted.log)
            self.connection.execute(
                f"insert into sessions (id, uid, patient_id, plan_id, {', '.join(values)}, created_at, updated_at) "
                f"values (%s, %s, %s, %s, {', '.join(['%s'] * len(values))}, %s, %s)",
                [session_id, deleted.uid or str(uuid.uuid4()), deleted.patient_id, version.id, *values.values(), at,
                 at])
            self.record_event("undelete", "session", session_id, clinician, at=at)
        return self.get_session(session_id)

    def patient_deleted(self, uid: str) -> tuple | None:
        return self._one(DELETED_PATIENT.format(json="before_json::jsonb ->> 'uid'", p="%s"), [uid])

    def deleted_session_uids(self, patient_id: int) -> set[str]:
        """The ids that travel in bundles of the patient's sessions deleted here (as the audit keeps them)."""
        return {row[0] for row in self._all(
            "select before_json::jsonb ->> 'uid' from audit where action = 'delete' and record_type = 'session' and "
            "(before_json::jsonb ->> 'patient_id')::bigint = %s and before_json::jsonb ->> 'uid' is not null",
            [patient_id])}
