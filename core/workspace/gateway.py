"""The window's one door to the records, opened once the start-up checks have passed: it owns the
connection, refuses writes in a read-only window, and hands every decision to the PatientRecords
interface (core/records/interface.py) and its engine."""

from __future__ import annotations

from pathlib import Path

from core.atomic import write_output
from core.data_dir import DataDir
from core.inputs import InputError, read_input
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog
from core.records.interface import PatientRecords
from core.records.models import (
    AuditAction, ImportedPatient, PlanSummary, PlanVersion, RecordNotFound, SessionRecord,
)
from core.storage import evidence_store
from core.storage.bundle import MAX_BUNDLE_BYTES, BundleError
from core.storage.database import Database, open_database
from core.storage.sqlite_records import SqliteRecords


class ReadOnlyRecords(Exception):
    """This window is read-only (another window holds the data folder)."""


class DataFolderMissing(Exception):
    """The data folder disappeared while the window was open."""


class RecordsGateway:
    def __init__(self, data_dir: DataDir, *, read_only: bool) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self._db: Database | None = None

    def open(self) -> None:
        if self._db is None and self.data_dir.database_path.exists():
            self._db = open_database(self.data_dir.database_path, read_only=self.read_only)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def _records(self, *, write: bool = False) -> PatientRecords:
        return SqliteRecords(self._require(write=write))

    def _require(self, *, write: bool = False) -> Database:
        if self._db is None:
            raise RecordNotFound("The records are not open yet.")
        if write and self.read_only:
            raise ReadOnlyRecords("This window is read-only: another Treadwell window is using this data folder.")
        if write and not self.data_dir.database_path.exists():
            # The folder was deleted or moved while the window was open: a write would go to a file no one
            # can open again. Refuse, and say so.
            raise DataFolderMissing(f"The data folder {self.data_dir.root} was moved or deleted while Treadwell was "
                                    "open, so nothing was saved. Restore the folder, then restart Treadwell.")
        return self._db

    def search_study_ids(self, text: str) -> set[str]:
        if self._db is None:
            return set()
        return evidence_store.search_study_ids(self._db, text)

    def save_plan(self, profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], *, clinician: str,
                  patient_id: int | None, same_person: bool = False) -> PlanVersion:
        return self._records(write=True).save_plan(profile, plan, clinician=clinician, patient_id=patient_id,
                                 overrides=overrides, same_person=same_person)

    def list_plans(self, search: str | None, limit: int, offset: int) -> list[PlanSummary]:
        return self._records().list_plans(search=search, limit=limit, offset=offset) if self._db else []

    def count_patients(self, search: str | None) -> int:
        return self._records().count_patients(search=search) if self._db else 0

    def history(self, patient_id: int) -> list[PlanVersion]:
        return self._records().plan_history(patient_id)

    def get_plan(self, plan_id: int) -> PlanVersion:
        return self._records().get_plan(plan_id)

    def sessions(self, patient_id: int) -> list[SessionRecord]:
        return self._records().sessions(patient_id)

    def add_session(self, patient_id: int, log: SessionLog, *, clinician: str, plan_id: int | None = None) -> SessionRecord:
        return self._records(write=True).add_session(patient_id, log, clinician=clinician, plan_id=plan_id)

    def edit_session(self, session_id: int, log: SessionLog, *, clinician: str,
                     based_on: str | None = None) -> SessionRecord:
        return self._records(write=True).edit_session(session_id, log, clinician=clinician, based_on=based_on)

    def delete_session(self, session_id: int, *, clinician: str) -> None:
        self._records(write=True).delete_session(session_id, clinician=clinician)

    def delete_patient(self, patient_id: int, *, clinician: str) -> None:
        self._records(write=True).delete_patient(patient_id, clinician=clinician)

    def record_event(self, action: AuditAction, plan_id: int, *, clinician: str) -> None:
        if not self.read_only and self._db is not None:
            SqliteRecords(self._db).record_event(action, "plan", plan_id, clinician)

    def export_bundle(self, plan_id: int, path: Path, *, clinician: str) -> None:
        write_output(path, self._records(write=True).export_patient(plan_id, clinician=clinician).encode("utf-8"),
                     data_folder=self.data_dir.root)

    def import_bundle(self, path: Path, *, clinician: str) -> ImportedPatient:
        """The file is read whole (bounded, a regular file only) before anything is written; a file that cannot
        be a bundle (a folder, pipe, device, or one far too large) is refused like a bad bundle, in one sentence."""
        records = self._records(write=True)
        try:
            data = read_input(path, limit=MAX_BUNDLE_BYTES, what="bundle")
        except InputError as error:
            raise BundleError([str(error)]) from error
        return records.import_patient(data, clinician=clinician)
