"""The patient records on the clinic's PostgreSQL server: core.records.interface.PatientRecords over a
psycopg 3 connection. The same models and rules as SQLite's engine (core/storage/record_rows.py); each
change is one transaction with its audit row, whose signed-in role the server records itself."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg

from core.evidence.models import Study
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog
from core.records.models import (
    AuditAction, AuditEvent, ImportedPatient, PatientChangedMeanwhile, PatientHolding, PlanSummary,
    PlanVersion, RecordNotFound, SessionRecord, checked_reason, version_in_force,
)
from core.records.interface import COUNT_CAP
from core.settings import UNNAMED_CLINICIAN
from core.stamps import local_day
from core.storage.bundle import AUTHOR_MAX_LENGTH
from core.storage.deletion_rows import DELETED_SESSION, PATIENT_DELETION, no_patient, no_session, nothing_to_delete
from core.storage.postgres_deleted_records import PostgresDeletedRecords
from core.storage.record_rows import (
    MANY_MATCHES, NAMESAKES, PLAN_COLUMNS, SESSION_COLUMNS, before_values, changed_by, changed_by_query, check_week,
    recent_as, deleted_as_read, fold_name, get_session_as_read, now_iso, plan_version, refuse_namesakes_in,
    same_version, tried_again, unchanged_or_checked, session_record, session_values, namesakes_in, bundled_authors,
    stored_json,
)


def _words(name: str) -> set[str]:
    """A name's words, case folded, whatever joins them: "Dr. Grace Okafor" holds grace_okafor's."""
    return set(re.findall(r"[^\W_]+", name.casefold()))


class PostgresRecords(PostgresDeletedRecords):
    """PatientRecords on one open psycopg connection (autocommit; each change in its own transaction).
    ``studies_for`` gives this workstation's studies of an etiology, to re-derive an imported plan."""

    def __init__(self, connection: psycopg.Connection, studies_for: Callable[[str], list[Study]]) -> None:
        self.connection = connection
        self.studies_for = studies_for

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    @contextmanager
    def rolled_back(self) -> Iterator[None]:
        """Everything inside is undone at its end, whatever happens: a check that saves reaches no one's records."""
        with self.connection.transaction(force_rollback=True):
            yield

    def signed_in_as(self) -> str:
        """The role the server says this connection signed in as."""
        return self._one("select session_user")[0]

    def cannot_save_to(self) -> list[str]:
        """What of the records a save writes the signed-in role may not (none, for a clinician or the administrator):
        the tables it adds rows to and the sequences that number them (found in review: tables alone passed a role
        half-granted)."""
        tables = [table for table in ("patients", "plans", "sessions", "audit", "meta")
                  if not self._one("select has_table_privilege(session_user, %s, 'INSERT')", [table])[0]]
        ids = {"patients": "patient ids", "plans": "plan ids", "sessions": "session ids", "audit": "audit entry ids"}
        return tables + [words for table, words in ids.items() if not self._one(
            "select has_sequence_privilege(session_user, %s, 'USAGE')", [f"{table}_id_seq"])[0]]

    def _one(self, sql: str, params: list | tuple = ()) -> tuple | None:
        return self.connection.execute(sql, params).fetchone()

    def _all(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        return self.connection.execute(sql, params).fetchall()

    # -- plan versions ---------------------------------------------------------------------------------

    def save_plan(self, profile: PatientProfile, plan: Plan, *, clinician: str, patient_id: int | None = None,
                  overrides: list[WeekOverride] | None = None, same_person: bool = False,
                  based_on: int | None = None, reason: str = "", uid: str | None = None,
                  refuse_namesakes: bool = False) -> PlanVersion:
        overrides, reason = overrides or [], checked_reason(reason)
        with self.transaction():
            if (landed := self._plan_with_uid(uid)) is not None:
                if same_version(landed, profile, plan, overrides):
                    return landed
                patient_id, based_on, uid = tried_again(landed, patient_id, based_on)
            if patient_id is not None:
                # one new version of a patient at a time; logging a session (a key-share lock) is not held up
                saved = self._one("select name_folded from patients where id = %s for no key update", [patient_id])
                if saved is None:
                    raise self.missing_patient(patient_id)
                unchanged = unchanged_or_checked(patient_id, saved[0], self.latest_version(patient_id),
                                                 profile, plan, overrides, based_on=based_on, same_person=same_person)
                if unchanged is not None:
                    return unchanged
            clinician = self._author(clinician)
            version = self.append_version(profile, plan, overrides, patient_id=patient_id, created_by=clinician,
                                          uid=uid, reason=reason, refuse_namesakes=refuse_namesakes)
            self.record_event("create" if patient_id is None else "update", "plan", version.id, clinician,
                              at=version.created_at)
        return version

    def append_version(self, profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], *,
                       patient_id: int | None, created_by: str, patient_uid: str | None = None,
                       uid: str | None = None, created_at: str | None = None, reason: str = "",
                       refuse_namesakes: bool = False) -> PlanVersion:
        at = now_iso()
        saved = recent_as(created_at, at)  # an imported or moved version: the patient is as recent as it (records.py)
        with self.transaction():
            if patient_id is None:  # one new patient of a name at a time: the lock is held to the transaction's end
                self.lock_new_name(profile.name)
                folded = fold_name(profile.name)
                if refuse_namesakes:  # after the lock, so a namesake saved meanwhile is seen (save_plan)
                    refuse_namesakes_in(self._all(NAMESAKES.format("%s"), [folded]))
                patient_id = self._one(
                    "insert into patients (uid, name, name_folded, etiology, created_at, updated_at) "
                    "values (%s, %s, %s, %s, %s, %s) returning id",
                    [patient_uid or str(uuid.uuid4()), profile.name, folded, profile.etiology,
                     saved, saved])[0]
            else:
                self.connection.execute(
                    "update patients set name = %s, name_folded = %s, etiology = %s, "
                    "updated_at = greatest(updated_at, %s) where id = %s",
                    [profile.name, fold_name(profile.name), profile.etiology, saved, patient_id])
            number = self._one("select coalesce(max(version), 0) + 1 from plans where patient_id = %s",
                               [patient_id])[0]
            plan_id = self._one(
                "insert into plans (uid, patient_id, version, profile_json, plan_json, overrides_json, "
                "guidelines_version, created_by, created_at, reason) values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "returning id",
                [uid or str(uuid.uuid4()), patient_id, number, profile.model_dump_json(), plan.model_dump_json(),
                 json.dumps([o.model_dump() for o in overrides]), plan.guidelines_version, created_by,
                 created_at or at, reason])[0]
        return self.get_plan(plan_id)

    def _plan_with_uid(self, uid: str | None) -> PlanVersion | None:
        row = None if uid is None else self._one(f"{PLAN_COLUMNS} where uid = %s", [uid])
        return None if row is None else plan_version(row)

    def get_plan(self, plan_id: int) -> PlanVersion:
        row = self._one(f"{PLAN_COLUMNS} where id = %s", [plan_id])
        if row is None:
            raise RecordNotFound(f"There is no saved plan with id {plan_id}.")
        return plan_version(row)

    def latest_version(self, patient_id: int) -> PlanVersion | None:
        row = self._one(f"{PLAN_COLUMNS} where patient_id = %s order by version desc limit 1", [patient_id])
        return None if row is None else plan_version(row)

    def plan_history(self, patient_id: int) -> list[PlanVersion]:
        return [plan_version(row) for row in
                self._all(f"{PLAN_COLUMNS} where patient_id = %s order by version", [patient_id])]

    def patient_uid(self, patient_id: int) -> str:
        row = self._one("select uid from patients where id = %s", [patient_id])
        if row is None:
            raise self.missing_patient(patient_id)
        return row[0]

    def missing_patient(self, patient_id: int) -> RecordNotFound:
        deletion = PATIENT_DELETION.format(json="a.before_json::jsonb ->> 'uid'", p="%s")
        return no_patient(patient_id, self._one(deletion, [patient_id]))

    def patient_with_uid(self, uid: str) -> int | None:
        row = self._one("select id from patients where uid = %s", [uid])
        return None if row is None else row[0]

    # -- finding patients ------------------------------------------------------------------------------

    @staticmethod
    def _name_filter(search: str | None) -> tuple[str, list]:
        """Any part of the folded name: a trigram index serves three letters or more, the letter-pair index two."""
        folded = fold_name(search.strip()) if search and search.strip() else ""
        if not folded:
            return "", []
        escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        if len(folded) == 2:
            return "where p.name_bigrams @> array[%s] and p.name_folded like %s", [folded, f"%{escaped}%"]
        return "where p.name_folded like %s", [f"%{escaped}%"]

    def list_plans(self, *, search: str | None = None, limit: int = 100, offset: int = 0) -> list[PlanSummary]:
        where, params = self._name_filter(search)
        # One page of patients first, then each one's newest version (lateral, by the (patient_id, version)
        # index): the work is the page, not the whole table. Few matches: found by the name indexes, then
        # sorted (a materialised CTE, so the planner cannot walk every patient looking for them); many, or no
        # search: walk the recency index and stop after the page.
        few = bool(where) and self._one(
            f"select count(*) from (select 1 from patients p {where} limit {MANY_MATCHES + 1}) probe",
            params)[0] <= MANY_MATCHES
        source = (f"with matched as materialized (select id, name, etiology, updated_at from patients p {where}) "
                  "select pl.id, p.id, p.name, p.etiology, pl.version, pl.created_at from (select * from matched "
                  if few else
                  "select pl.id, p.id, p.name, p.etiology, pl.version, pl.created_at from "
                  f"(select id, name, etiology, updated_at from patients p {where} ")
        rows = self._all(
            f"{source} order by updated_at desc, id desc limit %s offset %s) p "
            "cross join lateral (select id, version, created_at from plans where patient_id = p.id "
            " order by version desc limit 1) pl order by p.updated_at desc, p.id desc", [*params, limit, offset])
        return [PlanSummary(plan_id=r[0], patient_id=r[1], patient_name=r[2], etiology=r[3], version=r[4],
                            created_at=r[5]) for r in rows]

    def namesakes(self, name: str, *, besides: int = 0) -> list[int]:
        return namesakes_in(self._all(NAMESAKES.format("%s"), [fold_name(name)]), besides=besides)

    def lock_new_name(self, name: str) -> None:
        """Held to the transaction's end, as a new patient's save holds it (append_version): one new patient of a
        name at a time, so each sees a namesake the other saved."""
        self._one("select pg_advisory_xact_lock(hashtextextended(%s, 0))", [fold_name(name)])

    def count_patients(self, *, search: str | None = None) -> int:
        where, params = self._name_filter(search)
        return self._one(f"select count(*) from (select 1 from patients p {where} limit {COUNT_CAP + 1}) counted",
                         params)[0]

    # -- sessions --------------------------------------------------------------------------------------

    def _plan_of_patient(self, patient_id: int, plan_id: int | None, log: SessionLog, besides: int = 0) -> PlanVersion:
        """As records.plan_of_patient."""
        if self._one("select 1 from patients where id = %s", [patient_id]) is None:
            raise self.missing_patient(patient_id)
        if plan_id is None:
            saved = self._all("select id, created_at from plans where patient_id = %s order by version", [patient_id])
            if not saved:
                raise RecordNotFound(f"Patient {patient_id} has no saved plan.")
            on = log.date.isoformat()
            diary = self._one("select plan_id from sessions where patient_id = %s and date < %s and id <> %s order by "
                              "case when date <= %s then 0 else 1 end, case when date <= %s then date end desc, date, "
                              "id limit 1", [patient_id, local_day(saved[0][1]).isoformat(), besides, on, on])
            plan_id = version_in_force(saved, log.date, lambda candidate: not self.get_plan(candidate).plan.blocked,
                                       diary[0] if diary else None)
        version = self.get_plan(plan_id)
        if version.patient_id != patient_id:
            raise RecordNotFound(f"Plan {plan_id} is not a plan of patient {patient_id}.")
        return version

    def add_session(self, patient_id: int, log: SessionLog, *, clinician: str, plan_id: int | None = None,
                    uid: str | None = None, logged_by: str = "", corrected_by: str = "") -> SessionRecord:
        landed = None if uid is None else self._one(f"{SESSION_COLUMNS} where s.uid = %s and s.patient_id = %s",
                                                    [uid, patient_id])
        if landed is not None:
            return session_record(landed)
        version = self._plan_of_patient(patient_id, plan_id, log)
        check_week(version, log.week)
        at = now_iso()
        values = {**session_values(log), **bundled_authors(logged_by, corrected_by)}
        with self.transaction():
            session_id = self._one(
                f"insert into sessions (uid, patient_id, plan_id, {', '.join(values)}, created_at, updated_at) "
                f"values (%s, %s, %s, {', '.join(['%s'] * len(values))}, %s, %s) returning id",
                [uid or str(uuid.uuid4()), patient_id, version.id, *values.values(), at, at])[0]
            self.record_event("create", "session", session_id, clinician, at=at)
        return self.get_session(session_id)

    def get_session(self, session_id: int) -> SessionRecord:
        row = self._one(f"{SESSION_COLUMNS} where s.id = %s", [session_id])
        if row is None:
            raise no_session(session_id, self._one(DELETED_SESSION.format(p="%s"), [session_id]))
        return session_record(row)

    def sessions(self, patient_id: int) -> list[SessionRecord]:
        return [session_record(row) for row in
                self._all(f"{SESSION_COLUMNS} where s.patient_id = %s order by s.date, s.id", [patient_id])]

    def edit_session(self, session_id: int, log: SessionLog, *, clinician: str,
                     based_on: str | None = None) -> SessionRecord:
        with self.transaction():
            row = self._one(f"{SESSION_COLUMNS} where s.id = %s for update of s", [session_id])
            saved = get_session_as_read(None if row is None else session_record(row), session_id, log, based_on,
                                        lambda at: self._changed_by(session_id, at))
            # a corrected date moves the walk under the version in force on it (records.edit_session)
            version = self._plan_of_patient(saved.patient_id, saved.plan_id if log.date == saved.date else None, log,
                                            besides=session_id)
            check_week(version, log.week)
            if saved.as_logged() == log:
                return saved
            at = now_iso()
            values = {**session_values(log), "plan_id": version.id}
            self.connection.execute(
                f"update sessions set {', '.join(f'{column} = %s' for column in values)}, updated_at = %s "
                "where id = %s", [*values.values(), at, session_id])
            self.record_event("update", "session", session_id, clinician, at=at, before=before_values(saved))
        return self.get_session(session_id)

    def _changed_by(self, session_id: int, at: str | None) -> str | None:
        query, parameters = changed_by_query(session_id, at)
        return changed_by(self._one(query.format(p="%s"), parameters))

    def delete_session(self, session_id: int, *, clinician: str, based_on: str | None = None) -> None:
        with self.transaction():
            row = self._one(f"{SESSION_COLUMNS} where s.id = %s for update of s", [session_id])
            if row is None:
                raise nothing_to_delete(session_id, self._one(DELETED_SESSION.format(p="%s"), [session_id]))
            saved = deleted_as_read(session_record(row), based_on,
                                    lambda at: self._changed_by(session_id, at))
            self.connection.execute("delete from sessions where id = %s", [session_id])
            self.record_event("delete", "session", session_id, clinician, before=before_values(saved))

    def delete_patient(self, patient_id: int, *, clinician: str, as_shown: PatientHolding | None = None) -> None:
        with self.transaction():
            if (row := self._one("select uid from patients where id = %s for update", [patient_id])) is None:
                raise self.missing_patient(patient_id)
            if as_shown is not None:
                now = self._one("select (select count(*) from plans where patient_id = %s), (select count(*) from "
                                "sessions where patient_id = %s), (select coalesce(max(updated_at), '') from sessions "
                                "where patient_id = %s)", [patient_id] * 3)
                if tuple(now) != tuple(as_shown):
                    raise PatientChangedMeanwhile(patient_id, as_shown, PatientHolding(*now))
            self.connection.execute("delete from sessions where patient_id = %s", [patient_id])
            self.connection.execute("delete from plans where patient_id = %s", [patient_id])
            self.connection.execute("delete from patients where id = %s", [patient_id])
            self.connection.execute("update audit set before_json = null where record_type = 'session' and "
                                    "(before_json::jsonb ->> 'patient_id')::bigint = %s", [patient_id])
            self.record_event("delete", "patient", patient_id, clinician, before={"uid": row[0]})  # as in SQLite

    # -- audit -----------------------------------------------------------------------------------------

    def record_event(self, action: AuditAction, record_type: str, record_id: int | None, clinician: str, *,
                     at: str | None = None, before: dict | None = None) -> None:
        at = at or now_iso()
        with self.transaction():
            # (no last-change mark as in SQLite: that one row would serialise every workstation's saves, and
            # the server's backups are the clinic's, not Treadwell's)
            self.connection.execute(
                "insert into audit (at, action, record_type, record_id, clinician, before_json) "
                "values (%s, %s, %s, %s, %s, %s)",
                [at, action, record_type, record_id, self._author(clinician),
                 None if before is None else json.dumps(before)])

    def _author(self, clinician: str) -> str:
        """The clinician as Settings names them, with the role they signed in with where the name is not that role's
        (seen in review: a clinician signed in on a colleague's workstation, and every walk and deletion was shown as
        the colleague's; only the audit row's db_role, shown nowhere, said otherwise); with no name there, the role:
        "unnamed clinician" told a workstation nothing of who saved a version meanwhile, and the server knows."""
        role = self.connection.info.user
        if clinician == UNNAMED_CLINICIAN:
            return role
        if (words := _words(role)) and words <= _words(clinician):  # whole words: role li is not in "Olivia"
            return clinician
        room = AUTHOR_MAX_LENGTH - len(role) - 3  # as long as a bundle keeps a version's author
        return f"{clinician if len(clinician) <= room else clinician[:room - 1].rstrip() + '…'} ({role})"

    def audit_trail(self, limit: int = 200) -> list[AuditEvent]:
        rows = self._all("select id, at, action, record_type, record_id, clinician, before_json from audit "
                         "order by id desc limit %s", [limit])
        return [AuditEvent(id=r[0], at=r[1], action=r[2], record_type=r[3], record_id=r[4], clinician=r[5],
                           before=stored_json(r[6], f"The audit entry {r[0]}")) for r in rows]

    # -- moving a patient ------------------------------------------------------------------------------

    def export_patient(self, plan_id: int) -> str:
        from core.storage.bundle_transfer import bundle_text

        return bundle_text(self, plan_id)

    def import_patient(self, data: bytes, *, clinician: str, lent_as_given: bool = False,
                       refuse_namesakes: bool = False, refuse_deleted: bool = False) -> ImportedPatient:
        from core.storage.bundle_transfer import import_into

        return import_into(self, data, clinician=clinician, lent_as_given=lent_as_given,
                           refuse_namesakes=refuse_namesakes, refuse_deleted=refuse_deleted)
