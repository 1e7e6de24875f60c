"""What both records engines read of deleted records in the audit trail, and say of them: the queries (with the
dialect's JSON field and parameter filled in by each engine) and the messages for a patient or a walk that is no longer
there (deleted here, when, by whom, and whether it can be logged again)."""

from __future__ import annotations

from core.plan.session_log import SessionLog
from core.records.authors import author, named
from core.records.models import DeletedSession, RecordNotFound
from core.stamps import local_minute
from core.storage.record_rows import record_damaged, stored_json


# the patient's walks deleted here and not logged again, the latest deletion of each, the latest first: {json} reads a
# field of the values the audit keeps (SQLite's json_extract, PostgreSQL's jsonb), {p} a parameter (? or %s)
DELETED_SESSIONS = (
    "select a.record_id, a.at, a.clinician, a.before_json from audit a where a.action = 'delete' and a.record_type = "
    "'session' and {json} = {p} and a.record_id not in (select id from sessions) and a.id = (select max(b.id) from "
    "audit b where b.action = 'delete' and b.record_type = 'session' and b.record_id = a.record_id) order by a.id desc")
# the latest deletion here of the patient whose uid is {p}, as (record_id, at, clinician) for PatientDeletedHere: {json}
# reads the uid the audit keeps of a deleted patient (none is kept of a patient deleted before it was)
DELETED_PATIENT = ("select record_id, at, clinician from audit where action = 'delete' and record_type = 'patient' and "
                   "{json} = {p} order by id desc limit 1")
# the latest deletion here of patient {p} (by id), as (at, clinician, the id they were brought back under or null), for
# no_patient: {json} reads the uid the audit keeps of a deleted patient from a.before_json
PATIENT_DELETION = ("select a.at, a.clinician, (select p.id from patients p where p.uid = {json}) from audit a where "
                    "a.action = 'delete' and a.record_type = 'patient' and a.record_id = {p} "
                    "order by a.id desc limit 1")
DELETED_SESSION = ("select record_id, at, clinician, before_json from audit where action = 'delete' and record_type = "
                   "'session' and record_id = {p} order by id desc limit 1")


def no_patient(patient_id: int, deleted: tuple | None) -> RecordNotFound:
    """The error for a patient id with no patient; ``deleted``: the patient's latest deletion in the audit
    (PATIENT_DELETION), said with when and by whom (seen by a helper: a patient deleted on another workstation minutes
    before was "There is no patient with id 3", as if the id were mistyped)."""
    if deleted is None:
        return RecordNotFound(f"There is no patient with id {patient_id}.")
    back = f"; an import brought them back since, as patient {deleted[2]}" if deleted[2] is not None else ""
    return RecordNotFound(f"Patient {patient_id} was deleted on {local_minute(deleted[0])} by {author(deleted[1])}, "
                          f"with their plan versions and walks{back}.")


def no_session(session_id: int, deleted: tuple | None) -> RecordNotFound:
    """The error for a session id with no walk; ``deleted``: its latest delete in the audit (DELETED_SESSION), whose
    walk can be logged again where the audit keeps its values (seen in a clinician's try: "There is no logged session
    with id 22" for the walk just deleted by mistake)."""
    if deleted is not None and deleted[3] is not None:
        return RecordNotFound(f"Session {session_id} was deleted: `sessions undelete {session_id}` logs it again as it "
                              "was (in the window: Session log, Deleted sessions…).")
    return RecordNotFound(f"There is no logged session with id {session_id}.")


def nothing_to_delete(session_id: int, deleted: tuple | None) -> RecordNotFound:
    """The error for deleting a walk not in the log; ``deleted``: its latest delete in the audit (DELETED_SESSION).
    Seen in review: two workstations confirmed the same delete, and the second was told only "There is no logged
    session with id 1"."""
    if deleted is None:
        return no_session(session_id, None)
    return RecordNotFound(f"Not deleted: session {session_id} was deleted already, by "
                          f"{named(deleted[2]) or 'someone'} at {deleted[1][:19].replace('T', ' ')} UTC.")


def deleted_session(row: tuple | None, session_id: int) -> DeletedSession:
    """A deleted walk from its latest delete in the audit trail (DELETED_SESSION, DELETED_SESSIONS)."""
    if row is None:
        raise RecordNotFound(f"No deleted session has id {session_id}: `sessions deleted PATIENT_ID` lists a "
                             "patient's deleted sessions.")
    _, at, clinician, before_json = row
    before = stored_json(before_json, f"Deleted session {session_id}") or {}
    if "patient_id" not in before:  # cleared when the patient was deleted
        raise RecordNotFound(f"Session {session_id} was deleted with its patient: its values went with them.")
    try:
        log = SessionLog.model_validate({name: before[name] for name in SessionLog.model_fields if name in before})
    except ValueError:  # pydantic's ValidationError quotes the walk's values
        raise record_damaged(f"Deleted session {session_id}") from None
    return DeletedSession(session_id=session_id, deleted_at=at, deleted_by=clinician, patient_id=before["patient_id"],
                          plan_id=before["plan_id"], uid=before.get("uid"), log=log)
