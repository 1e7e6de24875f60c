"""``db move-to URL``: a workstation's local records copied to the clinic server, whole.

Each patient moves as a bundle (core/storage/bundle_transfer.py): checked completely (every plan re-derived)
before anything is written, each patient in one transaction, matched by the stable ids so a second run
adds nothing twice. Afterwards every local version and session is looked up on the server by its id and
compared value for value. The studies the workstation imported go to the clinic's studies on the server,
each checked there afterwards (a different study under the same id there is named, not replaced). The
local audit entries are copied once, marked as moved from this workstation
(the server signs them with the role that moved them). The local records are only read (a file of an older
Treadwell is upgraded first, as any start upgrades it: seen in review, "The local file was not changed" after it was).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import sqlite_utils

from core.app_info import command_as_run
from core.records.models import PatientDeletedHere
from core.records.walk_words import walk_in_full
from core.words import counted
from core.storage import deleted_records, evidence_store, records
from core.storage.clinic_errors import plain_error
from core.storage.clinic_studies import ClinicStudies
from core.storage.bundle_transfer import SqliteBundleStore, bundle_text
from core.storage.postgres_records import PostgresRecords
from core.storage.record_rows import same_version, stored_json

PAGE = 500


@dataclass
class MoveReport:
    patients: int = 0
    moved_patients: int = 0  # of those checked, the ones on the server now (new or there already)
    added_patients: int = 0
    versions_added: int = 0
    sessions_added: int = 0
    versions_as_saved: int = 0  # of the versions added, those made under earlier guidelines (kept as saved)
    audit_copied: int = 0
    studies_added: int = 0
    problems: list[str] = field(default_factory=list)
    renumbered: list[tuple[int, int, str]] = field(default_factory=list)  # (id here, id on the server, name)
    new_patients: list[tuple[int, str]] = field(default_factory=list)  # (id on the server, name) of those added
    namesakes: list[tuple[int, str, list[int]]] = field(default_factory=list)  # new patients of a name already there

    def lines(self) -> list[str]:
        said = [f"{counted(self.patients, 'patient')} checked: {self.added_patients} new on the server, "
                f"{counted(self.versions_added, 'plan version')} and {counted(self.sessions_added, 'session')} added, "
                f"{self.audit_copied} audit entr{'y' if self.audit_copied == 1 else 'ies'} copied, "
                f"{self.studies_added} imported stud{'y' if self.studies_added == 1 else 'ies'} added."]
        if self.versions_as_saved:  # only a plan under this Treadwell's guidelines can be computed again to check it
            said.append(f"{self.versions_as_saved} of those {'was' if self.versions_as_saved == 1 else 'were'} made "
                        "under earlier guidelines, so kept as saved, not computed again.")
        if self.renumbered:  # the server numbers its patients itself: an id written down here may be another there
            said.append("These patients have another id on the server; use the new ids from now on"
                        + (" (every other patient moved keeps its id):" if len(self.renumbered) < self.moved_patients
                           else ":"))
            said += [f"  patient {here} is now patient {there}: {name}" for here, there, name in self.renumbered]
        said += [f"Note: patient {there}, {name}, is new on the server, which already has patient"
                 f"{'s' if len(others) > 1 else ''} {', '.join(map(str, others))} of the same name: check that they "
                 "are not one person entered twice." for there, name, others in self.namesakes]
        if self.problems:
            said += [f"Not moved: {problem}" for problem in self.problems]
        else:
            said.append("Every local version and session is on the server with the same values. No local record "
                        "was changed.")
        return said


def move_to(local: sqlite_utils.Database, database_path: Path, server: PostgresRecords, *,
            clinician: str) -> MoveReport:
    report = MoveReport()
    _move_studies(local, ClinicStudies(server.connection), report)
    source = SqliteBundleStore(local)
    listed, offset = [], 0
    while page := records.list_plans(local, limit=PAGE, offset=offset):
        listed += page
        offset += PAGE
    for row in sorted(listed, key=lambda row: row.patient_id):  # in id order: an empty server gives the same ids
        report.patients += 1
        try:
            imported = server.import_patient(bundle_text(source, row.plan_id).encode("utf-8"),
                                             clinician=clinician, lent_as_given=True,  # this workstation's records
                                             refuse_deleted=True)
        except (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled) as error:  # a workstation's limit
            report.problems.append(f"patient {row.patient_id}: the clinic database did not complete it in time "
                                   f"({plain_error(error)}); nothing of it moved: run db move-to again")
            continue
        except psycopg.OperationalError:  # the server is gone: no later patient would move either
            raise
        except psycopg.errors.UniqueViolation:  # seen in testing: the server's own words, constraint and key
            report.problems.append(f"patient {row.patient_id}: another workstation moved the same patient at the same "
                                   "moment; run db move-to again to check it")
            continue
        except PatientDeletedHere as error:  # found in review: brought back without a word, as imports were
            report.problems.append(f"patient {row.patient_id}: deleted on the clinic database ({error.deletion}), so "
                                   "not moved again (a move does not undo a deletion): ask who deleted them")
            continue
        except Exception as error:  # a bundle that does not check out: named, the others still move
            report.problems.append(f"patient {row.patient_id}: {plain_error(error)}")
            continue
        report.moved_patients += 1
        report.added_patients += not imported.existed
        if not imported.existed:
            report.new_patients.append((imported.patient_id, row.patient_name))
        if imported.patient_id != row.patient_id:
            report.renumbered.append((row.patient_id, imported.patient_id, row.patient_name))
        report.versions_added += len(imported.plan_ids)
        report.versions_as_saved += len(imported.versions_as_saved)
        report.sessions_added += imported.sessions_added
        report.problems += _differences(local, server, row.patient_id)
    report.audit_copied = _copy_audit(local, database_path, server)  # what happened here, whatever did not move
    return report


def _move_studies(local: sqlite_utils.Database, server: ClinicStudies, report: MoveReport) -> None:
    """The studies imported on this workstation, added to the clinic's; then each looked up there."""
    mine = [study for study in evidence_store.search_studies(local, limit=evidence_store.MAX_STUDIES_READ)
            if study.origin == "local"]
    if not mine:
        return
    there = {study.id: study for study in server.all()}
    new = [study for study in mine if study.id not in there]
    if new:
        server.add(new)
        report.studies_added = len(new)
    there = {study.id: study for study in server.all()}
    report.problems += [f"imported study {study.id}: the clinic database has a different study under this id "
                        "(kept as it is there)" for study in mine if there.get(study.id) != study]


def _differences(local: sqlite_utils.Database, server: PostgresRecords, patient_id: int) -> list[str]:
    """What of the local patient is not on the server as it is here (by id, value for value)."""
    uid = records.patient_uid(local, patient_id)
    there = server.patient_with_uid(uid)
    if there is None:
        return [f"patient {patient_id}: not found on the server after the move"]
    theirs = {v.uid: v for v in server.plan_history(there)}
    problems = [f"patient {patient_id} version {v.version}: differs on the server"
                for v in records.plan_history(local, patient_id)
                if v.uid not in theirs or not same_version(theirs[v.uid], v.profile, v.plan, v.overrides, v.reason)]
    sessions = {s.uid: s for s in server.sessions(there)}
    here = records.sessions(local, patient_id)
    for uid in sorted(deleted_records.deleted_session_uids(local, patient_id) - {walk.uid for walk in here}):
        if (kept := sessions.get(uid)) is not None:  # deleted here once it was there (seen by a clinic's tester)
            problems.append(
                f"patient {patient_id} (patient {there} on the server) session of {kept.date.isoformat()}: deleted "
                f"here, but still on the server as session {kept.id}: {walk_in_full(kept.as_logged())}. If it should "
                f"go, delete it there: {command_as_run()} --records URL sessions delete {kept.id}")
    for walk in here:
        theirs = sessions.get(walk.uid)
        if theirs is None or theirs.as_logged() != walk.as_logged():  # seen by a clinic's tester: neither side's
            # values, and the local patient number only, with no way to tell which of two walks of a day it was
            problems.append(
                f"patient {patient_id} (patient {there} on the server) session {walk.id}: not on the server (deleted "
                f"there, or held up): {walk_in_full(walk.as_logged())}"
                if theirs is None else
                f"patient {patient_id} (patient {there} on the server) session {walk.id}: differs on the server, kept "
                f"as it is there (session {theirs.id}): there {walk_in_full(theirs.as_logged())}; here "
                f"{walk_in_full(walk.as_logged())}. If this workstation's values are right, correct it there: "
                f"{command_as_run()} --records URL sessions edit {theirs.id} FILE")
    return problems


def _copy_audit(local: sqlite_utils.Database, database_path: Path, server: PostgresRecords) -> int:
    """The local audit entries not copied before, each marked with where it came from. A session's values before a
    correction or deletion go with it, under the patient's id on the server (so deleting the patient there clears
    them). The entries of a patient who did not move are held back, and copied by the run that moves the patient
    (seen in review: copied without their values, they never got them). A correction or deletion made here after
    the walk was on the server, which the move does not carry (the server's walk is kept as it is there), is kept
    as history, tied to no walk there (seen by a clinic's tester: the server's walk read "corrected" with its old
    values, and a walk deleted here was still there, unsaid), still under the patient's id."""
    key = workstation_key(local, database_path)
    last = _copied_up_to(server, key)
    if last is None:
        last = _copied_under_path(local, database_path, server)
    rows = local.execute("select id, at, action, record_type, record_id, clinician, before_json from audit "
                         "where id > ? or id in (select value from json_each(?)) order by id",
                         [last, json.dumps(_held_back(server, key))]).fetchall()
    if not rows:
        return 0
    ids = _ids_on_server(local, server)
    waiting = _patients_not_moved(local, ids["patient"])
    copied, held = 0, []
    with server.transaction():
        for local_id, at, action, record_type, record_id, clinician, before_json in rows:
            before = stored_json(before_json, f"The audit entry {local_id}")
            if _patient_of(local, record_type, record_id, before) in waiting:
                held.append(local_id)
                continue
            moved = {"moved_from": key, "local_record_id": record_id, "local_audit_id": local_id}
            there = ids.get(record_type, {}).get(record_id)
            kept_there = record_type == "session" and _not_carried(local, server, action, record_id, there, before)
            if kept_there:  # history of this workstation, no change to the server's walk
                there, moved = None, {**moved, "not_on_server": True}
            if before is not None and before.get("patient_id") in ids["patient"]:
                moved = {**before, "patient_id": ids["patient"][before["patient_id"]],
                         "plan_id": ids["plan"].get(before.get("plan_id")), **moved}
            server.connection.execute(
                "insert into audit (at, action, record_type, record_id, clinician, before_json) "
                "values (%s, %s, %s, %s, %s, %s)", [at, action, record_type, there, clinician, json.dumps(moved)])
            copied += 1
        for meta_key, value in ((f"{MOVED}{key}", str(max(last, rows[-1][0]))), (f"{HELD}{key}", json.dumps(held))):
            server.connection.execute("insert into meta (key, value) values (%s, %s) on conflict (key) do update "
                                      "set value = excluded.value", [meta_key, value])
    return copied


def _not_carried(local: sqlite_utils.Database, server: PostgresRecords, action: str, local_id: int | None,
                 there: int | None, before: dict | None) -> bool:
    """A walk's correction here whose walk on the server has other values, or its deletion here where the server
    still has it (and this workstation has not logged it again since): not carried by the move (_differences names
    both, at every run, until they agree)."""
    if action == "update" and there is not None and local_id is not None:
        walk = records.get_session_or_none(local, local_id)
        return walk is not None and server.get_session(there).as_logged() != walk.as_logged()
    if action != "delete" or not (before or {}).get("uid") or (
            local_id is not None and records.get_session_or_none(local, local_id) is not None):
        return False
    return server.connection.execute("select 1 from sessions where uid = %s", [before["uid"]]).fetchone() is not None


def _meta(server: PostgresRecords, key: str) -> str | None:
    row = server.connection.execute("select value from meta where key = %s", [key]).fetchone()
    return row[0] if row else None


def _held_back(server: PostgresRecords, key: str) -> list[int]:
    held = _meta(server, f"{HELD}{key}")
    return json.loads(held) if held else []


def _patients_not_moved(local: sqlite_utils.Database, on_server: dict[int, int]) -> set[int]:
    return {patient_id for (patient_id,) in local.execute("select id from patients").fetchall()
            if patient_id not in on_server}


def _patient_of(local: sqlite_utils.Database, record_type: str, record_id: int | None, before: dict | None
                ) -> int | None:
    """The local patient an audit entry is about, where it can still be told."""
    if before is not None and "patient_id" in before:
        return before["patient_id"]
    if record_type == "patient":
        return record_id
    table = {"plan": "plans", "session": "sessions"}.get(record_type)
    row = None if table is None else local.execute(f"select patient_id from {table} where id = ?",
                                                   [record_id]).fetchone()
    return row[0] if row else None


HELD = "moved_audit_held:"
MOVED = "moved_audit:"


def workstation_key(local: sqlite_utils.Database, database: Path) -> str:
    """Which local file the audit entries came from (so a second run copies none twice): its path and the moment
    of its first audit entry. Seen in testing: two workstations keep their records at the same path where they
    share one user account, and the path alone took the second one's entries as copied."""
    first = local.execute("select at from audit order by id limit 1").fetchone()
    return _short_hash(f"{database.resolve()}|{first[0] if first else ''}")


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _copied_up_to(server: PostgresRecords, key: str) -> int | None:
    copied = _meta(server, f"{MOVED}{key}")
    return int(copied) if copied else None


def _copied_under_path(local: sqlite_utils.Database, database: Path, server: PostgresRecords) -> int:
    """Where a move by an earlier Treadwell, which knew a workstation by its file's path alone, left off: taken only
    when the entry it copied last is this file's entry of that id (same moment, action and record)."""
    key = _short_hash(str(database.resolve()))
    last = _copied_up_to(server, key)
    if last is None:
        return 0
    mine = local.execute("select at, action, record_type from audit where id = ?", [last]).fetchone()
    theirs = server.connection.execute(
        "select at, action, record_type from audit where before_json::jsonb ->> 'moved_from' = %s and "
        "(before_json::jsonb ->> 'local_audit_id')::bigint = %s", [key, last]).fetchone()
    return last if mine is not None and theirs is not None and tuple(mine) == tuple(theirs) else 0


def _ids_on_server(local: sqlite_utils.Database, server: PostgresRecords) -> dict[str, dict[int, int]]:
    """Each local patient's, version's and session's id on the server, matched by the ids that travel with them."""
    ids: dict[str, dict[int, int]] = {}
    for record_type, table in (("patient", "patients"), ("plan", "plans"), ("session", "sessions")):
        here = dict(local.execute(f"select uid, id from {table}").fetchall())
        there = dict(server.connection.execute(f"select uid, id from {table} where uid = any(%s)",
                                               [list(here)]).fetchall())
        ids[record_type] = {here[uid]: there[uid] for uid in here if uid in there}
    return ids
