"""The window's one connection to the records, opened once the start-up checks have passed.
A thin adapter: every decision is made by core.storage; this only owns the connection."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from core.atomic import write_output
from core.data_dir import DataDir
from core.inputs import InputError, read_input
from core.plan.adjustment import SessionLog
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.storage import evidence_store, records
from core.storage.bundle import MAX_BUNDLE_BYTES, BundleError, export_bundle, import_bundle
from core.storage.database import open_database


class ReadOnlyRecords(Exception):
    """This window is read-only (another window holds the data folder)."""


class DataFolderMissing(Exception):
    """The data folder disappeared while the window was open."""


class RecordsGateway:
    def __init__(self, data_dir: DataDir, *, read_only: bool) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self._db: sqlite_utils.Database | None = None

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

    def _require(self, *, write: bool = False) -> sqlite_utils.Database:
        if self._db is None:
            raise records.RecordNotFound("The records are not open yet.")
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
                  patient_id: int | None, same_person: bool = False) -> records.PlanVersion:
        return records.save_plan(self._require(write=True), profile, plan, clinician=clinician, patient_id=patient_id,
                                 overrides=overrides, same_person=same_person)

    def list_plans(self, search: str | None, limit: int, offset: int) -> list[records.PlanSummary]:
        return records.list_plans(self._require(), search=search, limit=limit, offset=offset) if self._db else []

    def count_patients(self, search: str | None) -> int:
        return records.count_patients(self._require(), search=search) if self._db else 0

    def history(self, patient_id: int) -> list[records.PlanVersion]:
        return records.plan_history(self._require(), patient_id)

    def get_plan(self, plan_id: int) -> records.PlanVersion:
        return records.get_plan(self._require(), plan_id)

    def session_logs(self, plan_id: int) -> list[records.SessionLogRecord]:
        return records.session_logs(self._require(), plan_id)

    def add_session_log(self, plan_id: int, week: int, log: SessionLog, *, clinician: str) -> int:
        return records.add_session_log(self._require(write=True), plan_id, week, log, clinician=clinician)

    def delete_patient(self, patient_id: int, *, clinician: str) -> None:
        records.delete_patient(self._require(write=True), patient_id, clinician=clinician)

    def record_event(self, action: records.AuditAction, plan_id: int, *, clinician: str) -> None:
        if not self.read_only and self._db is not None:
            records.record_event(self._db, action, "plan", plan_id, clinician)

    def export_bundle(self, plan_id: int, path: Path, *, clinician: str) -> None:
        write_output(path, export_bundle(self._require(write=True), plan_id, clinician=clinician).encode("utf-8"),
                     data_folder=self.data_dir.root)

    def import_bundle(self, path: Path, *, clinician: str) -> list[int]:
        """The file is read whole (bounded, a regular file only) before anything is written; a file that cannot
        be a bundle (a folder, pipe, device, or one far too large) is refused like a bad bundle, in one sentence."""
        db = self._require(write=True)
        try:
            data = read_input(path, limit=MAX_BUNDLE_BYTES, what="bundle")
        except InputError as error:
            raise BundleError([str(error)]) from error
        return import_bundle(db, data, clinician=clinician)
