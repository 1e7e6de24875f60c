"""The records' models: what a plan version, a patient listing, a logged session and an audit event are,
whatever database holds them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from core.plan.adjustment import SessionLog
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile

AuditAction = Literal["create", "update", "export", "print", "delete", "import"]


class DifferentPatient(ValueError):
    """A new version whose profile names someone else than the patient it would be filed under."""


class RecordNotFound(LookupError):
    """No record with that id; the message names it."""


class PlanVersion(BaseModel):
    id: int
    patient_id: int
    version: int
    profile: PatientProfile
    plan: Plan
    overrides: list[WeekOverride]
    guidelines_version: str
    created_by: str
    created_at: str


class PlanSummary(BaseModel):
    plan_id: int
    patient_id: int
    patient_name: str
    etiology: str
    version: int
    created_at: str


class SessionLogRecord(SessionLog):
    id: int
    plan_id: int
    week: int


class AuditEvent(BaseModel):
    id: int
    at: str
    action: str
    record_type: str
    record_id: int | None
    clinician: str | None
