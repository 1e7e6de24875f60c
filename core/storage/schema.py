"""Schema migrations (sqlite-utils' Migrations). The released schema version is the number of
migrations; never edit a released migration, add a new one. Each released version has a fixture
database under tests/fixtures/db/ (SQL text made by tests/fixtures/db/make_fixture.py) and a test that upgrades it. Schema 4 is the first released version."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from core.storage import evidence_store

MIGRATIONS = Migrations("treadwell")


@MIGRATIONS()
def m001_records(db: sqlite_utils.Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["patients"].create(
        {"id": int, "name": str, "name_folded": str, "etiology": str, "created_at": str, "updated_at": str},
        pk="id", not_null={"name", "name_folded", "etiology", "created_at", "updated_at"},
    )
    db["patients"].create_index(["name_folded"])
    db["patients"].create_index(["updated_at", "id"])
    db["plans"].create(
        {"id": int, "patient_id": int, "version": int, "profile_json": str, "plan_json": str, "overrides_json": str,
         "guidelines_version": str, "created_by": str, "created_at": str},
        pk="id", foreign_keys=[("patient_id", "patients", "id")],
        not_null={"patient_id", "version", "profile_json", "plan_json", "overrides_json", "created_at"},
    )
    db["plans"].create_index(["patient_id", "version"], unique=True)
    db["session_logs"].create(
        {"id": int, "plan_id": int, "week": int, "date": str, "minutes": float, "speed_kmh": float, "rpe": int,
         "pain_during": int, "pain_next_morning": int, "created_at": str},
        pk="id", foreign_keys=[("plan_id", "plans", "id")],
        not_null={"plan_id", "week", "date", "minutes", "rpe", "pain_during", "created_at"},
    )
    db["session_logs"].create_index(["plan_id"])
    # The audit trail names the record, the action and the clinician: never clinical content.
    db["audit"].create({"id": int, "at": str, "action": str, "record_type": str, "record_id": int, "clinician": str},
                       pk="id", not_null={"at", "action", "record_type"})


@MIGRATIONS()
def m002_evidence(db: sqlite_utils.Database) -> None:
    evidence_store.ensure_schema(db)


@MIGRATIONS()
def m003_patient_name_search(db: sqlite_utils.Database) -> None:
    """Trigram full-text index over the folded names: any 3+ letters of a name, without scanning rows."""
    db.execute("create virtual table patients_fts using fts5(name_folded, content='patients', content_rowid='id', "
               "tokenize='trigram')")
    db.execute("insert into patients_fts(rowid, name_folded) select id, name_folded from patients")
    db.execute("create trigger patients_fts_insert after insert on patients begin "
               "insert into patients_fts(rowid, name_folded) values (new.id, new.name_folded); end")
    db.execute("create trigger patients_fts_delete after delete on patients begin "
               "insert into patients_fts(patients_fts, rowid, name_folded) values ('delete', old.id, old.name_folded); end")
    db.execute("create trigger patients_fts_update after update of name_folded on patients begin "
               "insert into patients_fts(patients_fts, rowid, name_folded) values ('delete', old.id, old.name_folded); "
               "insert into patients_fts(rowid, name_folded) values (new.id, new.name_folded); end")


@MIGRATIONS()
def m004_studies_year_index(db: sqlite_utils.Database) -> None:
    """Lets an unranked evidence search walk studies in year order and stop at the page size."""
    db.execute(f"create index if not exists {evidence_store.YEAR_INDEX} on {evidence_store.STUDIES} "
               "(year, first_author, id)")


@MIGRATIONS()
def m005_course_of_care(db: sqlite_utils.Database) -> None:
    """Sessions belong to the patient (each keeps the plan version and week it was walked under), with
    heart rate, a note, and pains that may be "not recorded"; stable ids that travel in bundles; and the
    audit keeps a corrected or deleted session's values. Every saved log is moved, none dropped.

    The ids of existing records are derived as a version 1 bundle's are (core/storage/legacy_ids.py), so a
    patient moved between workstations before this upgrade is one patient after it on both; a second
    copy of a patient on one workstation (imported twice before) gets fresh ids."""
    import json
    import uuid

    from core.storage import legacy_ids

    fold_name = legacy_ids.folded_as_before_m013  # frozen, as the version 1 bundle import derives the same ids
    for table in ("patients", "plans"):
        db.execute(f"alter table {table} add column uid text")
    taken: set[str] = set()

    def unique(derived: str) -> str:
        uid = derived if derived not in taken else str(uuid.uuid4())
        taken.add(uid)
        return uid

    patient_uids: dict[int, str] = {}
    for patient_id, first_profile, first_at in db.execute(
            "select p.patient_id, p.profile_json, p.created_at from plans p where p.version = "
            "(select min(version) from plans where patient_id = p.patient_id) order by p.patient_id").fetchall():
        try:
            name = json.loads(first_profile).get("name", "")
        except (ValueError, AttributeError):
            name = ""
        patient_uids[patient_id] = unique(legacy_ids.patient_uid(fold_name(name if isinstance(name, str) else ""),
                                                                 first_at))
    for (patient_id,) in db.execute("select id from patients order by id").fetchall():
        db.execute("update patients set uid = ? where id = ?",
                   [patient_uids.get(patient_id) or unique(str(uuid.uuid4())), patient_id])
    for plan_id, patient_id, version, created_at in db.execute(
            "select id, patient_id, version, created_at from plans order by id").fetchall():
        db.execute("update plans set uid = ? where id = ?",
                   [unique(legacy_ids.version_uid(patient_uids[patient_id], version, created_at)), plan_id])
    for table in ("patients", "plans"):
        db.execute(f"create unique index idx_{table}_uid on {table} (uid)")
    db["sessions"].create(
        {"id": int, "uid": str, "patient_id": int, "plan_id": int, "week": int, "date": str, "minutes": float,
         "speed_kmh": float, "rpe": int, "heart_rate": int, "pain_during": int, "pain_next_morning": int,
         "note": str, "created_at": str, "updated_at": str},
        pk="id", foreign_keys=[("patient_id", "patients", "id"), ("plan_id", "plans", "id")],
        not_null={"uid", "patient_id", "plan_id", "week", "date", "minutes", "rpe", "note", "created_at",
                  "updated_at"},
    )
    occurrences: dict[tuple, int] = {}
    for log_id, plan_id, patient_id, version, week, date, minutes, speed, rpe, during, morning, created in db.execute(
            "select l.id, l.plan_id, p.patient_id, p.version, l.week, l.date, l.minutes, l.speed_kmh, l.rpe, "
            "l.pain_during, l.pain_next_morning, l.created_at from session_logs l join plans p on p.id = l.plan_id "
            "order by l.id").fetchall():
        key = (patient_id, version, week, date, float(minutes), speed, rpe, during, morning)
        occurrences[key] = occurrences.get(key, 0) + 1
        uid = unique(legacy_ids.session_uid(patient_uids[patient_id], *key[1:], occurrence=occurrences[key]))
        db.execute("insert into sessions (id, uid, patient_id, plan_id, week, date, minutes, speed_kmh, rpe, "
                   "heart_rate, pain_during, pain_next_morning, note, created_at, updated_at) "
                   "values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, '', ?, ?)",
                   [log_id, uid, patient_id, plan_id, week, date, minutes, speed, rpe, during, morning, created,
                    created])
    moved = db.execute("select count(*) from sessions").fetchone()[0]
    held = db.execute("select count(*) from session_logs").fetchone()[0]
    if moved != held:  # a log whose plan is gone: stop, and leave the database as it was
        from core.storage.database import DatabaseError

        raise DatabaseError(f"{held - moved} session log(s) refer to no saved plan, so the records were not upgraded "
                            "and are unchanged. Restore the newest good backup (the db restore command), or keep using "
                            "the previous Treadwell and ask for support.")
    db.execute("drop table session_logs")
    db["sessions"].create_index(["patient_id", "date", "id"])
    db["sessions"].create_index(["uid"], unique=True)
    db["sessions"].create_index(["plan_id"])
    db.execute("alter table audit add column before_json text")


@MIGRATIONS()
def m006_records_changed(db: sqlite_utils.Database) -> None:
    """On the clinic server, other workstations are told which patients changed. One workstation's own file has
    no one else to tell: nothing to do here (the entry keeps one versioned list for both engines)."""


@MIGRATIONS()
def m007_name_bigrams(db: sqlite_utils.Database) -> None:
    """On the clinic server, an index of each name's letter pairs serves two-letter searches. Here a two-letter
    search scans the names (docs/performance.md): nothing to do (the entry keeps one versioned list)."""


@MIGRATIONS()
def m008_clinic_studies(db: sqlite_utils.Database) -> None:
    """On the clinic server, the studies a clinic imports are kept for every workstation. Here they are in the
    evidence tables with origin 'local', as since m002: nothing to do (the entry keeps one versioned list)."""


@MIGRATIONS()
def m009_handout_language(db: sqlite_utils.Database) -> None:
    """Profiles may name the patient's handout language (``language``). No row changes; the entry tells a
    Treadwell too old to read that field not to open these records, rather than fail on a saved profile."""


@MIGRATIONS()
def m010_name_pair_index(db: sqlite_utils.Database) -> None:
    """A two-letter search finds its patients by an index of each folded name's letter pairs, as the clinic
    server does since m007, instead of reading every name (core/storage/name_pairs.py, docs/performance.md).
    Built from the names already saved; no row changes."""
    from core.storage import name_pairs

    if not name_pairs.present(db):
        name_pairs.create(db)


@MIGRATIONS()
def m011_evidence_filter_index(db: sqlite_utils.Database) -> None:
    """An evidence search with an etiology or mechanism filter is one full-text query over the studies' words
    and their etiology and mechanism ids (core/storage/evidence_filter.py, docs/performance.md). Built from the
    studies already stored (a database made since this entry has it from m002); no row changes."""
    from core.storage import evidence_filter

    if db[evidence_store.STUDIES].exists() and not evidence_filter.present(db):
        evidence_filter.create(db)


@MIGRATIONS()
def m012_session_stiffness(db: sqlite_utils.Database) -> None:
    """A session may record whether the next morning was stiffer than usual (``stiffer_next_morning``, 1 or
    0), which the next-week suggestion reads as the pain rules do. Sessions logged before it: not recorded."""
    db.execute("alter table sessions add column stiffer_next_morning integer")


@MIGRATIONS()
def m013_names_fold_apostrophes(db: sqlite_utils.Database) -> None:
    """A name folds without its apostrophes, and with any dash as a hyphen (record_rows.fold_name): searching
    O'Connor did not find a patient saved as O’Connor (a name pasted from a letter), so neither did the check
    for another patient of the same name. Each saved name is folded again; the search indexes follow by their
    triggers. Names, and everything else, are unchanged."""
    from core.storage.record_rows import refolded_names

    rows = db.execute("select id, name, name_folded from patients").fetchall()
    db.conn.executemany("update patients set name_folded = ? where id = ?", refolded_names(rows))


@MIGRATIONS()
def m014_audit_kept(db: sqlite_utils.Database) -> None:
    """The audit trail is kept as written: a row is never deleted, and the one change to it is clearing the
    values it keeps of a deleted patient's sessions (delete_patient, once the patient is gone). Anything else is
    refused by the database itself, whatever code asks (on the clinic server, a clinician's role could rewrite
    those values, and clearing a living patient's would let an import bring a deleted walk back)."""
    refused = ("select raise(abort, 'the audit trail is kept as written: only the session values kept for a "
               "deleted patient may be cleared')")
    db.execute("create trigger audit_kept_update before update on audit when new.before_json is not null "
               "or new.id is not old.id or new.at is not old.at or new.action is not old.action "
               "or new.record_type is not old.record_type or new.record_id is not old.record_id "
               "or new.clinician is not old.clinician or old.record_type is not 'session' or exists (select 1 from "
               f"patients where id = json_extract(old.before_json, '$.patient_id')) begin {refused}; end")
    db.execute(f"create trigger audit_kept_delete before delete on audit begin {refused}; end")


@MIGRATIONS()
def m015_plans_kept(db: sqlite_utils.Database) -> None:
    """A saved plan version is kept as saved: a change is a new version. The records never change one; the
    database refuses it whatever code asks (on the clinic server a clinician's role could rewrite a version's plan
    and author in psql, with no audit row: seen in review)."""
    db.execute("create trigger plans_kept before update on plans begin select raise(abort, 'a saved plan version is "
               "kept as saved: save a new version instead'); end")


@MIGRATIONS()
def m016_plan_reason(db: sqlite_utils.Database) -> None:
    """Why the clinician saved a plan version, in their words (``reason``; core/records/models.py checked_reason).
    Versions saved before it: none given, ''. Adding a column changes no saved version (m015 refuses updates)."""
    db.execute("alter table plans add column reason text not null default ''")


@MIGRATIONS()
def m017_audit_by_record(db: sqlite_utils.Database) -> None:
    """The audit rows of one record, found by its index: each walk of a patient's log reads who logged it and who
    corrected it last (core/storage/record_rows.py SESSION_COLUMNS) from an audit trail of every record's changes."""
    db.execute("create index audit_by_record on audit (record_type, record_id)")


@MIGRATIONS()
def m018_names_fold_spaces(db: sqlite_utils.Database) -> None:
    """A name folds with its spaces as one between words and none at either end (record_rows.fold_name): "Maria
    Lopez" typed with two spaces, or one at the end, was not found as another patient of the same name, and was
    saved as a second. Each saved name is folded again, as m013 did; names, and everything else, are unchanged."""
    from core.storage.record_rows import refolded_names

    rows = db.execute("select id, name, name_folded from patients").fetchall()
    db.conn.executemany("update patients set name_folded = ? where id = ?", refolded_names(rows))


@MIGRATIONS()
def m019_walk_authors(db: sqlite_utils.Database) -> None:
    """Who logged a walk, and who corrected it last, where that was on another workstation: kept with a walk a plan
    bundle brought (bundle version 5; seen by two testers: every moved walk read as logged by the importing clinician,
    its correction gone). NULL for every walk logged here, whose audit rows name them (record_rows.SESSION_COLUMNS)."""
    db.execute("alter table sessions add column logged_by text")
    db.execute("alter table sessions add column corrected_by text")


def known_migrations() -> list[str]:
    return [migration.name for migration in MIGRATIONS._migrations]


SCHEMA_VERSION = len(known_migrations())
