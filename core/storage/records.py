"""Patients, immutable plan versions, the patient's sessions and the audit trail, in SQLite (what the audit keeps
of deleted walks: core/storage/deleted_records.py).

Every change runs in one transaction together with its audit event, so a crash leaves either
the whole change or none of it. A session corrected or deleted keeps its values before the change in
the audit trail.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import sqlite_utils

from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog
from core.records.interface import COUNT_CAP
from core.records.models import (  # noqa: F401 (the records' models, re-exported where storage is used)
    AuditAction, AuditEvent, DeletedSession, DifferentPatient, PatientChangedMeanwhile, PatientHolding, PlanSummary,
    PlanVersion, RecordNotFound, SessionRecord, checked_reason, version_in_force,
)
from core.stamps import local_day
from core.storage import name_pairs
from core.storage.change_mark import mark_changed
from core.storage.deletion_rows import DELETED_SESSION, PATIENT_DELETION, no_patient, no_session, nothing_to_delete
from core.storage.record_rows import (  # noqa: F401 (fold_name and now_iso: used through this module too)
    MANY_MATCHES, NAMESAKES, PLAN_COLUMNS, SESSION_COLUMNS, before_values, changed_by, changed_by_query, check_week,
    recent_as, deleted_as_read, fold_name, get_session_as_read, now_iso, plan_version, refuse_namesakes_in,
    same_version, tried_again, unchanged_or_checked, session_record, session_values, namesakes_in, bundled_authors,
    stored_json,
)


def save_plan(
    db: sqlite_utils.Database,
    profile: PatientProfile,
    plan: Plan,
    *,
    clinician: str,
    patient_id: int | None = None,
    overrides: list[WeekOverride] | None = None,
    same_person: bool = False,
    based_on: int | None = None,
    reason: str = "",
    uid: str | None = None,
    refuse_namesakes: bool = False,
) -> PlanVersion:
    """Save a new immutable plan version: for a new patient, or the next version of ``patient_id``. A profile
    whose name differs from the patient's (case, accents, apostrophes and spaces aside) is refused with
    DifferentPatient unless ``same_person`` says the clinician confirmed it is the same person (a corrected name).
    When profile, plan and overrides equal the patient's newest version, nothing is written and that version is
    returned (compare its id with the one on screen to tell the clinician). ``uid``: as PatientRecords.save_plan."""
    overrides, reason = overrides or [], checked_reason(reason)
    with db.atomic():
        landed = _plan_with_uid(db, uid)
        if landed is not None:
            if same_version(landed, profile, plan, overrides):
                return landed
            patient_id, based_on, uid = tried_again(landed, patient_id, based_on)
        if patient_id is not None:
            if (saved := db.execute("select name_folded from patients where id = ?", [patient_id]).fetchone()) is None:
                raise missing_patient(db, patient_id)
            unchanged = unchanged_or_checked(patient_id, saved[0], latest_version(db, patient_id), profile,
                                             plan, overrides, based_on=based_on, same_person=same_person)
            if unchanged is not None:
                return unchanged
        elif refuse_namesakes:  # writers to this file take turns (the data folder's lock)
            refuse_namesakes_in(db.execute(NAMESAKES.format("?"), [fold_name(profile.name)]).fetchall())
        version = append_version(db, profile, plan, overrides, patient_id=patient_id, created_by=clinician,
                                 uid=uid, reason=reason)
        record_event(db, "create" if patient_id is None else "update", "plan", version.id, clinician,
                     at=version.created_at)
    return version


def append_version(db: sqlite_utils.Database, profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], *,
                   patient_id: int | None, created_by: str, patient_uid: str | None = None, uid: str | None = None,
                   created_at: str | None = None, reason: str = "") -> PlanVersion:
    """Write the next version of ``patient_id`` (or a new patient, with ``patient_uid`` if given), as is:
    the checks are the caller's. No audit row (the caller writes the one that says why)."""
    at = now_iso()
    saved = recent_as(created_at, at)  # an imported or moved version: the patient is as recent as it (seen by a
    # clinic's tester: patients moved to the server listed above those saved since, "the most recently saved first")
    if patient_id is None:
        patient_id = db["patients"].insert({
            "id": unused_id(db, "patients"), "uid": patient_uid or str(uuid.uuid4()), "name": profile.name,
            "name_folded": fold_name(profile.name),
            "etiology": profile.etiology, "created_at": saved, "updated_at": saved,
        }).last_pk
    else:
        db.execute("update patients set name = ?, name_folded = ?, etiology = ?, updated_at = max(updated_at, ?) "
                   "where id = ?", [profile.name, fold_name(profile.name), profile.etiology, saved, patient_id])
    version = db.execute("select coalesce(max(version), 0) + 1 from plans where patient_id = ?",
                         [patient_id]).fetchone()[0]
    plan_id = db["plans"].insert({
        "id": unused_id(db, "plans"), "uid": uid or str(uuid.uuid4()), "patient_id": patient_id, "version": version,
        "profile_json": profile.model_dump_json(), "plan_json": plan.model_dump_json(),
        "overrides_json": json.dumps([o.model_dump() for o in overrides]),
        "guidelines_version": plan.guidelines_version, "created_by": created_by, "created_at": created_at or at,
        "reason": reason,
    }).last_pk
    return get_plan(db, plan_id)


AUDITED_AS = {"patients": "patient", "plans": "plan", "sessions": "session"}


def unused_id(db: sqlite_utils.Database, table: str) -> int:
    """The next id no record of ``table`` ever had: SQLite gives a deleted newest record's id to the next one, and
    the audit trail's "create plan 1, delete patient 1, create plan 1" then named two people (seen in review). The
    last id given is kept in meta (first found from the audit, which names every id it was told of, deleted ones
    too); the clinic server's sequences never go back."""
    new = last_id_given(db, table) + 1
    db["meta"].upsert({"key": f"last_id.{table}", "value": str(new)}, pk="key")
    return new


def last_id_given(db: sqlite_utils.Database, table: str) -> int:
    """The highest id a record of ``table`` was ever given in this file (0: none)."""
    row = db.execute("select value from meta where key = ?", [f"last_id.{table}"]).fetchone()
    given = int(row[0]) if row else db.execute("select coalesce(max(record_id), 0) from audit where record_type = ?",
                                                [AUDITED_AS[table]]).fetchone()[0]
    return max(given, db.execute(f"select coalesce(max(id), 0) from {table}").fetchone()[0])


def patient_uid(db: sqlite_utils.Database, patient_id: int) -> str:
    row = db.execute("select uid from patients where id = ?", [patient_id]).fetchone()
    if row is None:
        raise missing_patient(db, patient_id)
    return row[0]


def missing_patient(db: sqlite_utils.Database, patient_id: int) -> RecordNotFound:  # PatientRecords.missing_patient
    deletion = PATIENT_DELETION.format(  # a damaged value names no patient (docs/reliability.md)
        json="case when json_valid(a.before_json) then json_extract(a.before_json, '$.uid') end", p="?")
    return no_patient(patient_id, db.execute(deletion, [patient_id]).fetchone())


def patient_with_uid(db: sqlite_utils.Database, uid: str) -> int | None:
    row = db.execute("select id from patients where uid = ?", [uid]).fetchone()
    return None if row is None else row[0]


def _plan_with_uid(db: sqlite_utils.Database, uid: str | None) -> PlanVersion | None:
    row = None if uid is None else db.execute(f"{PLAN_COLUMNS} where uid = ?", [uid]).fetchone()
    return None if row is None else plan_version(row)


def get_plan(db: sqlite_utils.Database, plan_id: int) -> PlanVersion:
    row = db.execute(f"{PLAN_COLUMNS} where id = ?", [plan_id]).fetchone()
    if row is None:
        raise RecordNotFound(f"There is no saved plan with id {plan_id}.")
    return plan_version(row)


def latest_version(db: sqlite_utils.Database, patient_id: int) -> PlanVersion | None:
    row = db.execute(f"{PLAN_COLUMNS} where patient_id = ? order by version desc limit 1", [patient_id]).fetchone()
    return None if row is None else plan_version(row)


def plan_history(db: sqlite_utils.Database, patient_id: int) -> list[PlanVersion]:
    rows = db.execute(f"{PLAN_COLUMNS} where patient_id = ? order by version", [patient_id]).fetchall()
    return [plan_version(row) for row in rows]


def _name_filter(search: str | None) -> tuple[str, list]:
    """SQL condition on patients ``p`` for any part of the name: the trigram index for 3+ characters
    (no row scan), a LIKE scan for shorter text. Case and accents are folded either way."""
    folded = fold_name(search.strip()) if search and search.strip() else ""
    if not folded:
        return "", []
    if len(folded) >= 3:
        phrase = '"' + folded.replace('"', '""') + '"'
        return "where p.id in (select rowid from patients_fts where patients_fts match ?)", [phrase]
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "where p.name_folded like ? escape '\\'", [f"%{escaped}%"]


def _pair(db: sqlite_utils.Database, search: str | None) -> str:
    """The two folded characters of a search the letter-pair index serves (core/storage/name_pairs.py), or ''."""
    folded = fold_name(search.strip()) if search and search.strip() else ""
    return folded if len(folded) == 2 and name_pairs.present(db) else ""


def list_plans(db: sqlite_utils.Database, *, search: str | None = None, limit: int = 100,
               offset: int = 0) -> list[PlanSummary]:
    """The newest plan of each patient, most recently changed first; ``search`` matches any part of the name."""
    # Few matches: fetch them by the name index and sort. Many (or no search): walk the recency index and
    # stop after one page. Two letters that many names hold are checked on each name walked (LIKE), which
    # stops sooner than listing every match first.
    pair = _pair(db, search)
    if pair and name_pairs.count(db, pair, MANY_MATCHES + 1) <= MANY_MATCHES:
        (where, params), walk_recent = name_pairs.condition(pair), False
    else:
        where, params = _name_filter(search)
        walk_recent = not where or bool(pair) or _more_matches_than(db, where, params, MANY_MATCHES)
    source = "patients p indexed by idx_patients_updated_at_id" if walk_recent else "patients p"
    rows = db.execute(
        f"select pl.id, p.id, p.name, p.etiology, pl.version, pl.created_at from {source} "
        "join plans pl on pl.patient_id = p.id "
        "and pl.version = (select max(version) from plans where patient_id = p.id) "
        f"{where} order by p.updated_at desc, p.id desc limit ? offset ?", [*params, limit, offset]).fetchall()
    return [PlanSummary(plan_id=r[0], patient_id=r[1], patient_name=r[2], etiology=r[3], version=r[4],
                        created_at=r[5]) for r in rows]


def _more_matches_than(db: sqlite_utils.Database, where: str, params: list, threshold: int) -> bool:
    """Stops counting at threshold + 1, so deciding costs little even with a million patients."""
    probe = f"select count(*) from (select 1 from patients p {where} limit {threshold + 1})"
    return db.execute(probe, params).fetchone()[0] > threshold


def namesakes(db: sqlite_utils.Database, name: str, *, besides: int = 0) -> list[int]:
    return namesakes_in(db.execute(NAMESAKES.format("?"), [fold_name(name)]).fetchall(), besides=besides)


def count_patients(db: sqlite_utils.Database, *, search: str | None = None) -> int:
    """Up to COUNT_CAP (core/records/interface.py); COUNT_CAP + 1 means more."""
    pair = _pair(db, search)
    if pair:
        return name_pairs.count(db, pair, COUNT_CAP + 1)
    where, params = _name_filter(search)
    return db.execute(f"select count(*) from (select 1 from patients p {where} limit {COUNT_CAP + 1})",
                      params).fetchone()[0]


def plan_of_patient(db: sqlite_utils.Database, patient_id: int, plan_id: int | None, on: dt.date,
                     besides: int = 0) -> PlanVersion:
    """``plan_id``, or the version in force on ``on``: the newest saved that day or before (for a walk before any,
    see version_in_force: the diary's version, ``besides`` the walk being corrected), so a walk
    entered late from a diary is judged by the plan it followed."""
    if not db.execute("select 1 from patients where id = ?", [patient_id]).fetchone():
        raise missing_patient(db, patient_id)
    if plan_id is None:
        saved = db.execute("select id, created_at from plans where patient_id = ? order by version",
                           [patient_id]).fetchall()
        if not saved:
            raise RecordNotFound(f"Patient {patient_id} has no saved plan.")
        diary = db.execute(  # the diary's walk dated nearest before ``on``, else after it
            "select plan_id from sessions where patient_id = ? and date < ? and id != ? order by case when date <= ? "
            "then 0 else 1 end, case when date <= ? then date end desc, date, id limit 1",
            [patient_id, local_day(saved[0][1]).isoformat(), besides, on.isoformat(), on.isoformat()]).fetchone()
        plan_id = version_in_force(saved, on, lambda candidate: not get_plan(db, candidate).plan.blocked,
                                   diary[0] if diary else None)
    version = get_plan(db, plan_id)
    if version.patient_id != patient_id:
        raise RecordNotFound(f"Plan {plan_id} is not a plan of patient {patient_id}.")
    return version


def add_session(db: sqlite_utils.Database, patient_id: int, log: SessionLog, *, clinician: str,
                plan_id: int | None = None, uid: str | None = None, at: str | None = None, logged_by: str = "",
                corrected_by: str = "") -> SessionRecord:
    """Log a walk of the patient under ``plan_id`` (default: the version in force on the walk's date); its
    week must be a week of that version's plan. Raises RecordNotFound, or ValueError naming the field. ``uid``: as
    PatientRecords.add_session; ``logged_by``, ``corrected_by``: a bundle's walk, as the bundle names them."""
    row = None if uid is None else db.execute(f"{SESSION_COLUMNS} where s.uid = ? and s.patient_id = ?",
                                              [uid, patient_id]).fetchone()
    if row is not None:
        return session_record(row)
    version = plan_of_patient(db, patient_id, plan_id, log.date)
    check_week(version, log.week)
    at = at or now_iso()
    with db.atomic():
        session_id = db["sessions"].insert({
            "id": unused_id(db, "sessions"), "uid": uid or str(uuid.uuid4()), "patient_id": patient_id,
            "plan_id": version.id, **session_values(log), **bundled_authors(logged_by, corrected_by),
            "created_at": at, "updated_at": at,
        }).last_pk
        record_event(db, "create", "session", session_id, clinician, at=at)
    return get_session(db, session_id)


def get_session_or_none(db: sqlite_utils.Database, session_id: int) -> SessionRecord | None:
    row = db.execute(f"{SESSION_COLUMNS} where s.id = ?", [session_id]).fetchone()
    return None if row is None else session_record(row)


def get_session(db: sqlite_utils.Database, session_id: int) -> SessionRecord:
    row = db.execute(f"{SESSION_COLUMNS} where s.id = ?", [session_id]).fetchone()
    if row is None:
        raise no_session(session_id, db.execute(DELETED_SESSION.format(p="?"), [session_id]).fetchone())
    return session_record(row)


def sessions(db: sqlite_utils.Database, patient_id: int) -> list[SessionRecord]:
    """Every session of the patient, under every plan version, oldest walk first."""
    rows = db.execute(f"{SESSION_COLUMNS} where s.patient_id = ? order by s.date, s.id", [patient_id]).fetchall()
    return [session_record(row) for row in rows]


def edit_session(db: sqlite_utils.Database, session_id: int, log: SessionLog, *, clinician: str,
                 based_on: str | None = None) -> SessionRecord:
    """Correct a session of the same patient; its values before are kept in the audit trail. A corrected date
    moves the walk under the version in force on it, as logging it with that date would have (a walk typed with
    today's date from last month's diary was judged by today's plan); otherwise it keeps its version."""
    with db.atomic():
        saved = get_session_as_read(get_session_or_none(db, session_id), session_id, log, based_on,
                                    lambda at: _changed_by(db, session_id, at))
        version = plan_of_patient(db, saved.patient_id, saved.plan_id if log.date == saved.date else None, log.date,
                                   besides=session_id)
        check_week(version, log.week)
        if saved.as_logged() == log:
            return saved
        at = now_iso()
        values = {**session_values(log), "plan_id": version.id}
        db.execute(f"update sessions set {', '.join(f'{column} = ?' for column in values)}, updated_at = ? where id = ?",
                   [*values.values(), at, session_id])
        record_event(db, "update", "session", session_id, clinician, at=at, before=before_values(saved))
    return get_session(db, session_id)


def _changed_by(db: sqlite_utils.Database, session_id: int, at: str | None) -> str | None:
    query, parameters = changed_by_query(session_id, at)
    return changed_by(db.execute(query.format(p="?"), parameters).fetchone())


def delete_session(db: sqlite_utils.Database, session_id: int, *, clinician: str,
                   based_on: str | None = None) -> None:
    """Delete a session; its values are kept in the audit trail (and in the backups). ``based_on``: as
    PatientRecords.delete_session."""
    with db.atomic():
        if (current := get_session_or_none(db, session_id)) is None:
            raise nothing_to_delete(session_id, db.execute(DELETED_SESSION.format(p="?"), [session_id]).fetchone())
        saved = deleted_as_read(current, based_on, lambda at: _changed_by(db, session_id, at))
        db.execute("delete from sessions where id = ?", [session_id])
        record_event(db, "delete", "session", session_id, clinician, before=before_values(saved))


def delete_patient(db: sqlite_utils.Database, patient_id: int, *, clinician: str,
                   as_shown: PatientHolding | None = None) -> None:
    """Delete a patient with every plan version and session, in one transaction (backups keep them); refused
    if its plan versions and walks are no longer ``as_shown`` (PatientChangedMeanwhile)."""
    with db.atomic():
        if (row := db.execute("select uid from patients where id = ?", [patient_id]).fetchone()) is None:
            raise missing_patient(db, patient_id)
        if as_shown is not None:
            now = db.execute("select (select count(*) from plans where patient_id = ?), (select count(*) from "
                             "sessions where patient_id = ?), (select coalesce(max(updated_at), '') from sessions "
                             "where patient_id = ?)", [patient_id] * 3).fetchone()
            if tuple(now) != tuple(as_shown):
                raise PatientChangedMeanwhile(patient_id, as_shown, PatientHolding(*now))
        db.execute("delete from sessions where patient_id = ?", [patient_id])
        db.execute("delete from plans where patient_id = ?", [patient_id])
        db.execute("delete from patients where id = ?", [patient_id])
        # The audit keeps who did what to which record, and the patient's uid (an import asks before bringing them
        # back); their corrected or deleted sessions' values go with them (m014 lets only these be cleared)
        db.execute("update audit set before_json = null where record_type = 'session' and "
                   "json_extract(before_json, '$.patient_id') = ?", [patient_id])
        record_event(db, "delete", "patient", patient_id, clinician, before={"uid": row[0]})


def record_event(db: sqlite_utils.Database, action: AuditAction, record_type: str, record_id: int | None,
                 clinician: str, *, at: str | None = None, before: dict | None = None) -> None:
    """An audit row (which record, what, when, who; a changed session's values before) and the
    last-change mark the backups look at."""
    at = at or now_iso()
    with db.atomic():
        db["audit"].insert({"at": at, "action": action, "record_type": record_type, "record_id": record_id,
                            "clinician": clinician, "before_json": None if before is None else json.dumps(before)})
        mark_changed(db, at)


def audit_trail(db: sqlite_utils.Database, limit: int = 200) -> list[AuditEvent]:
    rows = db.execute("select id, at, action, record_type, record_id, clinician, before_json from audit "
                      "order by id desc limit ?", [limit]).fetchall()
    return [AuditEvent(id=r[0], at=r[1], action=r[2], record_type=r[3], record_id=r[4], clinician=r[5],
                       before=stored_json(r[6], f"The audit entry {r[0]}")) for r in rows]
