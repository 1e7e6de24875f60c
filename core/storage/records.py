"""Patients, immutable plan versions, session logs and the audit trail. All their SQL lives here.

Every change runs in one transaction together with its audit event, so a crash leaves either
the whole change or none of it.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import sqlite_utils

from core.plan.adjustment import SessionLog
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile, stored_profile
from core.records.models import (  # noqa: F401 (the records' models, re-exported where storage is used)
    AuditAction, AuditEvent, DifferentPatient, PlanSummary, PlanVersion, RecordNotFound, SessionLogRecord,
)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


# Letters that carry no combining accent but that people type without one.
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def fold_name(name: str) -> str:
    """Case- and accent-insensitive form for search: 'Zoë Ørsted' and 'ZOE ORSTED' fold alike."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def save_plan(
    db: sqlite_utils.Database,
    profile: PatientProfile,
    plan: Plan,
    *,
    clinician: str,
    patient_id: int | None = None,
    overrides: list[WeekOverride] | None = None,
    same_person: bool = False,
) -> PlanVersion:
    """Save a new immutable plan version: for a new patient, or the next version of ``patient_id``. A profile
    whose name differs from the patient's (case and accents aside) is refused with DifferentPatient unless
    ``same_person`` says the clinician confirmed it is the same person (a corrected name)."""
    at = now_iso()
    overrides = overrides or []
    with db.atomic():
        if patient_id is None:
            patient_id = db["patients"].insert({
                "name": profile.name, "name_folded": fold_name(profile.name), "etiology": profile.etiology,
                "created_at": at, "updated_at": at,
            }).last_pk
            action: AuditAction = "create"
        else:
            saved = db.execute("select name_folded from patients where id = ?", [patient_id]).fetchone()
            if saved is None:
                raise RecordNotFound(f"There is no patient with id {patient_id}.")
            if saved[0] != fold_name(profile.name) and not same_person:
                raise DifferentPatient(
                    f"The profile's name is not the name saved for patient {patient_id}, so nothing was saved. If it is "
                    "the same person (a corrected name), confirm it; otherwise save it as a new patient.")
            db.execute("update patients set name = ?, name_folded = ?, etiology = ?, updated_at = ? where id = ?",
                       [profile.name, fold_name(profile.name), profile.etiology, at, patient_id])
            action = "update"
        version = db.execute("select coalesce(max(version), 0) + 1 from plans where patient_id = ?",
                             [patient_id]).fetchone()[0]
        plan_id = db["plans"].insert({
            "patient_id": patient_id, "version": version, "profile_json": profile.model_dump_json(),
            "plan_json": plan.model_dump_json(), "overrides_json": json.dumps([o.model_dump() for o in overrides]),
            "guidelines_version": plan.guidelines_version, "created_by": clinician, "created_at": at,
        }).last_pk
        record_event(db, action, "plan", plan_id, clinician, at=at)
    return get_plan(db, plan_id)


def get_plan(db: sqlite_utils.Database, plan_id: int) -> PlanVersion:
    row = db.execute(
        "select id, patient_id, version, profile_json, plan_json, overrides_json, guidelines_version, created_by, "
        "created_at from plans where id = ?", [plan_id]).fetchone()
    if row is None:
        raise RecordNotFound(f"There is no saved plan with id {plan_id}.")
    return _plan_version(row)


def plan_history(db: sqlite_utils.Database, patient_id: int) -> list[PlanVersion]:
    rows = db.execute(
        "select id, patient_id, version, profile_json, plan_json, overrides_json, guidelines_version, created_by, "
        "created_at from plans where patient_id = ? order by version", [patient_id]).fetchall()
    return [_plan_version(row) for row in rows]


def _plan_version(row) -> PlanVersion:
    return PlanVersion(
        id=row[0], patient_id=row[1], version=row[2], profile=stored_profile(row[3]),
        plan=Plan.model_validate_json(row[4]),
        overrides=[WeekOverride.model_validate(item) for item in json.loads(row[5])],
        guidelines_version=row[6] or "", created_by=row[7] or "", created_at=row[8],
    )


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


MANY_MATCHES = 500  # above this, walking patients newest-first beats sorting every match


def list_plans(db: sqlite_utils.Database, *, search: str | None = None, limit: int = 100,
               offset: int = 0) -> list[PlanSummary]:
    """The newest plan of each patient, most recently changed first; ``search`` matches any part of the name."""
    where, params = _name_filter(search)
    # Few matches: fetch them by the name index and sort. Many (or no search): walk the recency index and
    # stop after one page.
    walk_recent = not where or _more_matches_than(db, where, params, MANY_MATCHES)
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


def count_patients(db: sqlite_utils.Database, *, search: str | None = None) -> int:
    where, params = _name_filter(search)
    return db.execute(f"select count(*) from patients p {where}", params).fetchone()[0]


def add_session_log(db: sqlite_utils.Database, plan_id: int, week: int, log: SessionLog, *, clinician: str) -> int:
    version = get_plan(db, plan_id)
    if not 1 <= week <= max(len(version.plan.weeks), 1):
        raise ValueError(f"week must be from 1 to {len(version.plan.weeks)} for plan {plan_id}")
    with db.atomic():
        log_id = db["session_logs"].insert({
            "plan_id": plan_id, "week": week, **log.model_dump(mode="json"), "created_at": now_iso(),
        }).last_pk
        record_event(db, "create", "session_log", log_id, clinician)
    return log_id


def session_logs(db: sqlite_utils.Database, plan_id: int) -> list[SessionLogRecord]:
    rows = db.execute("select id, plan_id, week, date, minutes, speed_kmh, rpe, pain_during, pain_next_morning "
                      "from session_logs where plan_id = ? order by date, id", [plan_id]).fetchall()
    return [SessionLogRecord(id=r[0], plan_id=r[1], week=r[2], date=r[3], minutes=r[4], speed_kmh=r[5], rpe=r[6],
                             pain_during=r[7], pain_next_morning=r[8]) for r in rows]


def delete_patient(db: sqlite_utils.Database, patient_id: int, *, clinician: str) -> None:
    """Delete a patient with every plan version and session log, in one transaction (backups keep them)."""
    with db.atomic():
        if not db.execute("select 1 from patients where id = ?", [patient_id]).fetchone():
            raise RecordNotFound(f"There is no patient with id {patient_id}.")
        db.execute("delete from session_logs where plan_id in (select id from plans where patient_id = ?)", [patient_id])
        db.execute("delete from plans where patient_id = ?", [patient_id])
        db.execute("delete from patients where id = ?", [patient_id])
        record_event(db, "delete", "patient", patient_id, clinician)


def record_event(db: sqlite_utils.Database, action: AuditAction, record_type: str, record_id: int | None,
                 clinician: str, *, at: str | None = None) -> None:
    """An audit row (which record, what, when, who) and the last-change mark the backups look at."""
    at = at or now_iso()
    with db.atomic():
        db["audit"].insert({"at": at, "action": action, "record_type": record_type, "record_id": record_id,
                            "clinician": clinician})
        db["meta"].upsert({"key": "last_change_at", "value": at}, pk="key")


def audit_trail(db: sqlite_utils.Database, limit: int = 200) -> list[AuditEvent]:
    rows = db.execute("select id, at, action, record_type, record_id, clinician from audit order by id desc limit ?",
                      [limit]).fetchall()
    return [AuditEvent(id=r[0], at=r[1], action=r[2], record_type=r[3], record_id=r[4], clinician=r[5]) for r in rows]


def last_change_at(db: sqlite_utils.Database) -> str | None:
    row = db.execute("select value from meta where key = 'last_change_at'").fetchone()
    return row[0] if row else None
