"""The patient records in SQLite: core.records.interface.PatientRecords over the embedded database,
with the SQL in core/storage/records.py, core/storage/deleted_records.py and core/storage/bundle_transfer.py."""

from __future__ import annotations

import sqlite_utils

from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog
from core.records.models import (
    AuditAction, AuditEvent, DeletedSession, ImportedPatient, PatientHolding, PlanSummary, PlanVersion, RecordNotFound,
    SessionRecord,
)
from core.storage import deleted_records, records


class SqliteRecords:
    """PatientRecords on one open sqlite-utils database (the caller owns the connection and the lock)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def save_plan(self, profile: PatientProfile, plan: Plan, *, clinician: str, patient_id: int | None = None,
                  overrides: list[WeekOverride] | None = None, same_person: bool = False,
                  based_on: int | None = None, reason: str = "", uid: str | None = None,
                  refuse_namesakes: bool = False) -> PlanVersion:
        return records.save_plan(self.db, profile, plan, clinician=clinician, patient_id=patient_id,
                                 overrides=overrides, same_person=same_person, based_on=based_on, reason=reason,
                                 uid=uid, refuse_namesakes=refuse_namesakes)

    def get_plan(self, plan_id: int) -> PlanVersion:
        return records.get_plan(self.db, plan_id)

    def plan_history(self, patient_id: int) -> list[PlanVersion]:
        return records.plan_history(self.db, patient_id)

    def list_plans(self, *, search: str | None = None, limit: int = 100, offset: int = 0) -> list[PlanSummary]:
        return records.list_plans(self.db, search=search, limit=limit, offset=offset)

    def namesakes(self, name: str, *, besides: int = 0) -> list[int]:
        return records.namesakes(self.db, name, besides=besides)

    def count_patients(self, *, search: str | None = None) -> int:
        return records.count_patients(self.db, search=search)

    def latest_version(self, patient_id: int) -> PlanVersion | None:
        return records.latest_version(self.db, patient_id)

    def add_session(self, patient_id: int, log: SessionLog, *, clinician: str,
                    plan_id: int | None = None, uid: str | None = None) -> SessionRecord:
        return records.add_session(self.db, patient_id, log, clinician=clinician, plan_id=plan_id, uid=uid)

    def get_session(self, session_id: int) -> SessionRecord:
        return records.get_session(self.db, session_id)

    def sessions(self, patient_id: int) -> list[SessionRecord]:
        return records.sessions(self.db, patient_id)

    def edit_session(self, session_id: int, log: SessionLog, *, clinician: str,
                     based_on: str | None = None) -> SessionRecord:
        return records.edit_session(self.db, session_id, log, clinician=clinician, based_on=based_on)

    def delete_session(self, session_id: int, *, clinician: str, based_on: str | None = None) -> None:
        records.delete_session(self.db, session_id, clinician=clinician, based_on=based_on)

    def deleted_sessions(self, patient_id: int) -> list[DeletedSession]:
        return deleted_records.deleted_sessions(self.db, patient_id)

    def undelete_session(self, session_id: int, *, clinician: str) -> SessionRecord:
        return deleted_records.undelete_session(self.db, session_id, clinician=clinician)

    def delete_patient(self, patient_id: int, *, clinician: str, as_shown: PatientHolding | None = None) -> None:
        records.delete_patient(self.db, patient_id, clinician=clinician, as_shown=as_shown)

    def record_event(self, action: AuditAction, record_type: str, record_id: int | None, clinician: str) -> None:
        records.record_event(self.db, action, record_type, record_id, clinician)

    def audit_trail(self, limit: int = 200) -> list[AuditEvent]:
        return records.audit_trail(self.db, limit)

    def missing_patient(self, patient_id: int) -> RecordNotFound:
        return records.missing_patient(self.db, patient_id)

    def export_patient(self, plan_id: int) -> str:
        from core.storage.bundle_transfer import export_bundle  # only when a patient moves: not on every command

        return export_bundle(self.db, plan_id)

    def import_patient(self, data: bytes, *, clinician: str, lent_as_given: bool = False,
                       refuse_namesakes: bool = False, refuse_deleted: bool = False) -> ImportedPatient:
        from core.storage.bundle_transfer import SqliteBundleStore, import_into

        return import_into(SqliteBundleStore(self.db), data, clinician=clinician, lent_as_given=lent_as_given,
                           refuse_namesakes=refuse_namesakes, refuse_deleted=refuse_deleted)
