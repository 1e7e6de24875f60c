"""Moving a patient between records stores through a bundle: writing a patient's bundle, and importing
one, adding the patient or, for a patient already here, only what is new. Both engines (this
workstation's SQLite file, the clinic's PostgreSQL server) do it through one ``BundleStore`` protocol.
The file format and its checks (everything checked before anything is written) are core/storage/bundle.py.

Provenance: each plan version keeps the author and date recorded in the bundle (``created_by`` and
``created_at`` of the version, so a second move carries them on), and each session who logged it and who corrected
it last (bundle version 5, kept in the session's own columns, m019). The audit trail holds only what
happened on this workstation: every row is the importing clinician at the time of the import (an
"import" of each plan version added, a "create" of each session added, and one "import" of the patient).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from typing import Protocol

import sqlite_utils

from core.app_info import app_version
from core.evidence.models import Study
from core.plan.engine import Plan
from core.plan.guidelines import GUIDELINES_VERSION
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile, one_plain_line
from core.plan.session_log import SessionLog
from core.records.authors import author
from core.records.models import ImportedPatient, NamesakeSaved, PatientDeletedHere, PlanVersion, SessionRecord
from core.records.walk_words import walk_in_full, walk_named
from core.storage import deleted_records, evidence_store, records
from core.storage.bundle import (
    BUNDLE_FORMAT, BUNDLE_VERSION, CLOCK_SLACK, BundleContent, BundledLog, BundledVersion, BundleError, CheckedBundle,
    CheckedVersion, content_checksum, read_bundle,
)
from core.storage.bundle_rederive import clinically_same
from core.storage.record_rows import fold_name, identity_differences, same_version
from core.stamps import later_stamp, local_minute, possible_stamp


class BundleStore(Protocol):
    """What a records engine gives the bundle code: both engines (SQLite here, the clinic's PostgreSQL in
    core/storage/postgres_records.py) move patients through the same export and import."""

    def transaction(self) -> AbstractContextManager: ...
    def studies_for(self, etiology: str) -> list[Study]: ...
    def get_plan(self, plan_id: int) -> PlanVersion: ...
    def plan_history(self, patient_id: int) -> list[PlanVersion]: ...
    def latest_version(self, patient_id: int) -> PlanVersion | None: ...
    def sessions(self, patient_id: int) -> list[SessionRecord]: ...
    def deleted_session_uids(self, patient_id: int) -> set[str]: ...
    def patient_uid(self, patient_id: int) -> str: ...
    def patient_with_uid(self, uid: str) -> int | None: ...
    def patient_deleted(self, uid: str) -> tuple | None: ...
    def namesakes(self, name: str, *, besides: int = 0) -> list[int]: ...
    def lock_new_name(self, name: str) -> None: ...
    def append_version(self, profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], *,
                       patient_id: int | None, created_by: str, patient_uid: str | None = None,
                       uid: str | None = None, created_at: str | None = None, reason: str = "") -> PlanVersion: ...
    def add_session(self, patient_id: int, log: SessionLog, *, clinician: str, plan_id: int | None = None,
                    uid: str | None = None, logged_by: str = "", corrected_by: str = "") -> SessionRecord: ...
    def record_event(self, action: str, record_type: str, record_id: int | None, clinician: str) -> None: ...


class SqliteBundleStore:
    """The SQLite records as a BundleStore."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def transaction(self) -> AbstractContextManager:
        return self.db.atomic()

    def studies_for(self, etiology: str) -> list[Study]:
        return evidence_store.studies_of(self.db, etiology)

    def lock_new_name(self, name: str) -> None:
        """Nothing to do: the data folder has one writer at a time."""

    def patient_deleted(self, uid: str) -> tuple | None:
        return deleted_records.patient_deleted(self.db, uid)

    def deleted_session_uids(self, patient_id: int) -> set[str]:
        return deleted_records.deleted_session_uids(self.db, patient_id)

    def __getattr__(self, name: str):
        function = getattr(records, name)
        return lambda *args, **kwargs: function(self.db, *args, **kwargs)


def export_bundle(db: sqlite_utils.Database, plan_id: int) -> str:
    return bundle_text(SqliteBundleStore(db), plan_id)


def bundle_text(store: BundleStore, plan_id: int) -> str:
    """The bundle of the patient who owns ``plan_id``: every version and every session, with their ids. Read only:
    whoever writes it records the export once it is written (core/workspace/exports.py)."""
    anchor = store.get_plan(plan_id)
    history = store.plan_history(anchor.patient_id)
    now = records.now_iso()  # a version saved while the clock was wrong is dated by the export (write_bundle says so)
    logs = [BundledLog(version=session.plan_version, uid=session.uid, logged_by=one_plain_line(session.logged_by or ""),
                       corrected_by=one_plain_line(session.corrected_by or ""), **session.as_logged().model_dump())
            for session in store.sessions(anchor.patient_id)]
    content = BundleContent(
        patient_uid=store.patient_uid(anchor.patient_id),
        patient_name=history[-1].profile.name,
        versions=[BundledVersion(version=v.version, uid=v.uid, profile=v.profile.model_dump(mode="json"),
                                 plan=v.plan.model_dump(mode="json"), overrides=v.overrides,
                                 created_by=one_plain_line(v.created_by), reason=v.reason,
                                 created_at=v.created_at if possible_stamp(v.created_at, slack=CLOCK_SLACK) else now)
                  for v in history],
        session_logs=logs,
    ).model_dump(mode="json")
    bundle = {"format": BUNDLE_FORMAT, "bundle_version": BUNDLE_VERSION, "app_version": app_version(),
              "exported_at": now, "checksum": content_checksum(content), "content": content}
    return json.dumps(bundle, ensure_ascii=False, indent=2)


def import_bundle(db: sqlite_utils.Database, data: bytes, *, clinician: str) -> ImportedPatient:
    return import_into(SqliteBundleStore(db), data, clinician=clinician)


def import_into(store: BundleStore, data: bytes, *, clinician: str, lent_as_given: bool = False,
                refuse_namesakes: bool = False, refuse_deleted: bool = False) -> ImportedPatient:
    """Add the bundle's patient, or, when the patient is already here, the versions and sessions that are
    new. Everything is checked first (see the module's docstring); nothing is written unless all of it is
    valid, and all of it is written in one transaction. ``refuse_namesakes``: a patient new here whose name patients
    here have is refused (NamesakeSaved), as a new patient's save is: the same person typed in on two workstations
    would be split in two (seen by a tester: an import added a third "Maria Schmidt" without a word).
    ``refuse_deleted``: a patient deleted here is refused (PatientDeletedHere)."""
    checked = read_bundle(data, store.studies_for, lent_as_given=lent_as_given)
    try:
        return _import_checked(store, checked, clinician, refuse_namesakes, refuse_deleted)
    except Exception as error:
        taken = _ids_taken(error)
        if taken is None:
            raise
        raise BundleError([f"the ids of its {taken} are another patient's in these records, so nothing was imported: "
                           "the file was edited, or made from a copy of these records. Export the patient again from "
                           "where they were saved."]) from None


def _newer_put_under(newest_here: PlanVersion | None, added: CheckedVersion | None, bundled: set[str]) -> str:
    """The newest version here, where the bundle does not have it and it was saved after the version the import
    ``added`` last, now in force over it: "version 2 here (saved 2026-12-06 12:22 by Dr Reyes)"; "" otherwise."""
    if newest_here is None or added is None or newest_here.uid in bundled or not later_stamp(newest_here.created_at,
                                                                                             added.created_at):
        return ""
    return (f"version {newest_here.version} here (saved {local_minute(newest_here.created_at)} by "
            f"{author(newest_here.created_by)})")


def _ids_taken(error: Exception) -> str | None:
    """"versions" or "walks" where the records refused a bundle's id as another patient's (seen by a tester, an edited
    bundle: "The database reported a problem (UNIQUE constraint failed: plans.uid)"); None for any other error. Both
    engines say which table's uid in their own words."""
    said = str(error)
    if not (isinstance(error, sqlite3.IntegrityError) or type(error).__name__ == "UniqueViolation") or "uid" not in said:
        return None  # a patient's id taken meanwhile is another workstation's import of them (core/storage/move.py)
    return "versions" if "plans" in said else "walks" if "sessions" in said else None


def _import_checked(store: BundleStore, checked: CheckedBundle, clinician: str,
                    refuse_namesakes: bool, refuse_deleted: bool) -> ImportedPatient:
    with store.transaction():
        patient_id = store.patient_with_uid(checked.patient_uid)
        existed = patient_id is not None
        if not existed and refuse_deleted and (deletion := store.patient_deleted(checked.patient_uid)) is not None:
            raise PatientDeletedHere(*deletion)
        if not existed and refuse_namesakes:  # under the lock a new patient's save of the name takes (found in review:
            store.lock_new_name(checked.versions[-1].profile.name)  # a save meanwhile on the server went unseen)
            if others := store.namesakes(checked.versions[-1].profile.name):
                raise NamesakeSaved(others)
        here = {} if patient_id is None else {v.uid: v for v in store.plan_history(patient_id)}
        new_plan_ids: list[int] = []
        plan_ids: dict[int, int] = {}
        versions_differing = 0
        newest_added: CheckedVersion | None = None  # the version now in force, where the import added versions
        as_saved: list[str] = []
        for version in checked.versions:
            if version.uid in here:
                plan_ids[version.number] = here[version.uid].id
                saved = here[version.uid]  # a plan re-derived here: its clinical values (what the library lends it is
                rederived = version.plan.guidelines_version == GUIDELINES_VERSION  # this workstation's studies now)
                plan = saved.plan if rederived else version.plan
                versions_differing += not (same_version(saved, version.profile, plan, version.overrides, version.reason)
                                           and (not rederived or clinically_same(saved.plan, version.plan)))
                continue
            # The versions are one patient's history (a corrected name included) as the exporting workstation
            # filed them; each keeps its own provenance, and the audit rows name the importer.
            saved = store.append_version(version.profile, version.plan, version.overrides, patient_id=patient_id,
                                         patient_uid=checked.patient_uid, uid=version.uid,
                                         created_by=version.created_by, created_at=version.created_at,
                                         reason=version.reason)
            store.record_event("import", "plan", saved.id, clinician)
            patient_id, plan_ids[version.number] = saved.patient_id, saved.id
            new_plan_ids.append(saved.id)
            newest_added = version
            if version.plan.guidelines_version != GUIDELINES_VERSION:
                as_saved.append(f"version {saved.version} (guidelines {version.plan.guidelines_version})")  # as here
        bundled = {version.uid for version in checked.versions}
        only_here = sum(1 for uid in here if uid not in bundled)
        known = {session.uid: session for session in store.sessions(patient_id)}
        # a walk deleted here stays deleted (seen in review: a second import brought it back as "new")
        deleted = store.deleted_session_uids(patient_id) if existed else set()
        added, differing, deleted_here = 0, [], []
        for item in checked.session_logs:
            if item.uid in known:
                if (logged := known[item.uid].as_logged()) != item.log:  # both sides' values (seen by a clinic's
                    differing.append(f"session {known[item.uid].id}, here {walk_in_full(logged)}; "  # tester: these
                                     f"in the bundle {walk_in_full(item.log)}")  # only, and two walks of a day alike)
                continue
            if item.uid in deleted:
                deleted_here.append(walk_named(item.log))
                continue
            store.add_session(patient_id, item.log, clinician=clinician, plan_id=plan_ids[item.version], uid=item.uid,
                              logged_by=item.logged_by, corrected_by=item.corrected_by)
            added += 1
        in_bundle = {item.uid for item in checked.session_logs}
        sessions_only_here = ([walk_named(session.as_logged()) for uid, session in known.items()
                               if uid not in in_bundle] if existed else [])
        if new_plan_ids or added or not existed:
            store.record_event("import", "patient", patient_id, clinician)
        newest_here = max(here.values(), key=lambda version: version.version, default=None)
        put_under = _newer_put_under(newest_here, newest_added, bundled)
        # seen in testing: an import renamed a patient, and changed their sex, saying only "added 1 plan version(s)"
        who_changed = identity_differences(fold_name(newest_here.profile.name), newest_here,
                                           store.latest_version(patient_id).profile) \
            if newest_here is not None and new_plan_ids else []
    return ImportedPatient(identity_changed=who_changed,
                           patient_id=patient_id, existed=existed, plan_ids=new_plan_ids, sessions_added=added,
                           sessions_differing=differing, sessions_only_here=sessions_only_here,
                           sessions_deleted_here=deleted_here,
                           versions_differing=versions_differing,
                           versions_only_here=only_here, versions_as_saved=as_saved, newer_here_put_under=put_under,
                           version_in_force=store.latest_version(patient_id).version)
