"""Everything the product does with patient records, as one interface a database engine fills.

The SQLite engine (core/storage/sqlite_records.py) is the embedded default. A second engine (the
clinic's PostgreSQL server, say) implements the same methods and runs the same contract tests
(tests/contract/), unchanged.
"""

from __future__ import annotations

from typing import Protocol

from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog
from core.records.models import (
    AuditAction, AuditEvent, DeletedSession, ImportedPatient, PatientHolding, PlanSummary, PlanVersion, RecordNotFound,
    SessionRecord,
)


COUNT_CAP = 10_000  # count_patients stops counting above this and returns COUNT_CAP + 1 ("more than 10,000")


class PatientRecords(Protocol):
    """Patients, their plan versions, their sessions and the audit trail. Every change is one transaction
    with its audit event; a missing id raises RecordNotFound, another person's profile DifferentPatient,
    a week outside the plan ValueError naming the field."""

    def save_plan(self, profile: PatientProfile, plan: Plan, *, clinician: str, patient_id: int | None = None,
                  overrides: list[WeekOverride] | None = None, same_person: bool = False,
                  based_on: int | None = None, reason: str = "", uid: str | None = None,
                  refuse_namesakes: bool = False) -> PlanVersion:
        """A new version, or the patient's newest one unchanged when nothing differs from it (``reason`` is then not
        kept: a version is kept as saved). ``refuse_namesakes``: a new patient whose name (folded) a patient here has
        is refused with NamesakeSaved, checked and saved as one step (two workstations saving one new patient at
        once made two). ``based_on``: the newest version's id when the clinician opened the
        patient; if another is newer now, VersionSavedMeanwhile. ``reason``: why, as checked_reason takes it.
        ``uid``: the id the new version is saved under, the same for every try of one save: where a try whose answer
        was lost (the connection dropped after its commit) saved it, that version is returned, or what differs from it
        saved as the next version of its patient, rather than a second patient or version made."""
        ...

    def get_plan(self, plan_id: int) -> PlanVersion: ...

    def plan_history(self, patient_id: int) -> list[PlanVersion]: ...

    def list_plans(self, *, search: str | None = None, limit: int = 100, offset: int = 0) -> list[PlanSummary]: ...

    def namesakes(self, name: str, *, besides: int = 0) -> list[int]:
        """The patients saved under ``name`` (case, accents, apostrophes and spaces aside), most recently saved first,
        other than ``besides``: a new patient of the name may be one of them (the same check as refuse_namesakes)."""
        ...

    def count_patients(self, *, search: str | None = None) -> int:
        """How many patients match, up to COUNT_CAP; COUNT_CAP + 1 means more than that."""
        ...

    def latest_version(self, patient_id: int) -> PlanVersion | None: ...

    def add_session(self, patient_id: int, log: SessionLog, *, clinician: str,
                    plan_id: int | None = None, uid: str | None = None) -> SessionRecord:
        """Under ``plan_id``, or the version in force on the walk's date (the newest saved that day or before).
        ``uid``: the id the walk is logged under; where the patient has a walk logged under it already (a try whose
        answer was lost), that walk is returned as it is, not logged twice."""
        ...

    def get_session(self, session_id: int) -> SessionRecord: ...

    def sessions(self, patient_id: int) -> list[SessionRecord]:
        """Every session of the patient, under every version, oldest walk first."""
        ...

    def edit_session(self, session_id: int, log: SessionLog, *, clinician: str,
                     based_on: str | None = None) -> SessionRecord:
        """``based_on``: the ``updated_at`` of the session as read; if it changed meanwhile (another clinician,
        another workstation) the correction is refused with ChangedMeanwhile, holding both versions."""
        ...

    def delete_session(self, session_id: int, *, clinician: str, based_on: str | None = None) -> None:
        """``based_on``: the ``updated_at`` of the session as shown; if it changed meanwhile, nothing is deleted
        (ChangedBeforeDelete, holding theirs)."""
        ...

    def deleted_sessions(self, patient_id: int) -> list[DeletedSession]:
        """The patient's walks deleted here and not logged again, the latest deleted first, with their values as the
        audit trail keeps them (a deleted patient's went with the patient)."""
        ...

    def undelete_session(self, session_id: int, *, clinician: str) -> SessionRecord:
        """A deleted walk (``session_id`` as it had) logged again as it was when deleted, under its id, its uid and
        its plan version; where it is logged again already, that walk. RecordNotFound where no deleted walk had the
        id, or its patient was deleted; ValueError where its plan version no longer has its week."""
        ...

    def delete_patient(self, patient_id: int, *, clinician: str, as_shown: PatientHolding | None = None) -> None:
        """``as_shown``: the patient's records as the clinician who asked was shown them; if they differ now (a
        version or a walk added, deleted or corrected), nothing is deleted (PatientChangedMeanwhile)."""
        ...

    def record_event(self, action: AuditAction, record_type: str, record_id: int | None, clinician: str) -> None: ...

    def audit_trail(self, limit: int = 200) -> list[AuditEvent]: ...

    def missing_patient(self, patient_id: int) -> RecordNotFound:
        """The error for ``patient_id`` where no patient has it: "There is no patient with id 3.", or, where the audit
        trail keeps their deletion, when and by whom they were deleted."""

    def export_patient(self, plan_id: int) -> str:
        """The patient's bundle (read only: the one who writes it records the export)."""

    def import_patient(self, data: bytes, *, clinician: str, lent_as_given: bool = False,
                       refuse_namesakes: bool = False, refuse_deleted: bool = False) -> ImportedPatient:
        """``lent_as_given``: the bundle comes from this workstation's own records (a move), so what the evidence
        library lent each plan is kept as saved (core/storage/bundle_rederive.py). ``refuse_namesakes``: a patient
        new here whose name patients here have is refused with NamesakeSaved; ``refuse_deleted``: a patient deleted here
        with PatientDeletedHere (bundle_transfer.import_into)."""
        ...
