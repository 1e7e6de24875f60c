"""The clinic server's schema (PostgreSQL), its roles, and its forward-only migrations.

The tables hold what SQLite's records tables hold from schema 5 on (core/storage/schema.py; the same
columns and meanings, so both engines fill the same models through core/storage/record_rows.py). The
shipped evidence library stays local and read-only on each workstation; the studies a clinic imports
(``evidence import``) are on the server, in ``clinic_studies`` (m008), signed by the role that imported them.

Roles (``db init-clinic``): ``treadwell_owner`` owns the schema and its tables and never signs in;
``treadwell_clinician`` is the group each clinician's own sign-in role joins (``db add-clinician``): it
reads and writes records but cannot alter or drop a table, and it can only add to the audit trail,
never change or remove an entry (m014: the one change is clearing a deleted patient's kept session values);
a saved plan version is never changed by any role (m015).
The audit trail's ``db_role`` is set by a trigger to the role that signed in (``session_user``), whatever
the workstation sends.
"""

from __future__ import annotations

from typing import Callable

OWNER = "treadwell_owner"
CLINICIANS = "treadwell_clinician"
STUDIES_CHANGED = "studies"  # m008: the payload on CHANNEL when the clinic's imported studies changed


def names_folded_again(connection) -> None:
    """Each saved name folded again, without its apostrophes (see SQLite's m013), then with its spaces as one (m018):
    by the same Python function that folds every name saved since (record_rows.fold_name), not an SQL imitation."""
    from core.storage.record_rows import refolded_names

    rows = connection.execute("select id, name, name_folded from patients").fetchall()
    with connection.cursor() as cursor:
        cursor.executemany("update patients set name_folded = %s where id = %s", refolded_names(rows))


# (name, SQL or a function given the connection), applied in order, each in one transaction with its row in
# treadwell_migrations. The names are SQLite's (core/storage/schema.py) from schema 5 on, the first with stable
# ids: one versioned list, each engine with its own implementation of an entry (tests/storage/test_clinic_server.py
# checks they agree).
MIGRATIONS: list[tuple[str, str | Callable]] = [
    ("m005_course_of_care", f"""
        create extension if not exists pg_trgm;
        create table patients (
            id bigserial primary key, uid text not null unique, name text not null, name_folded text not null,
            etiology text not null, created_at text not null, updated_at text not null);
        create index patients_name_trgm on patients using gin (name_folded gin_trgm_ops);
        create index patients_recent on patients (updated_at desc, id desc);
        create table plans (
            id bigserial primary key, uid text not null unique, patient_id bigint not null references patients (id),
            version integer not null, profile_json text not null, plan_json text not null,
            overrides_json text not null, guidelines_version text, created_by text, created_at text not null,
            unique (patient_id, version));
        create table sessions (
            id bigserial primary key, uid text not null unique, patient_id bigint not null references patients (id),
            plan_id bigint not null references plans (id), week integer not null, date text not null,
            minutes double precision not null, speed_kmh double precision, rpe integer not null,
            heart_rate integer, pain_during integer, pain_next_morning integer, note text not null default '',
            created_at text not null, updated_at text not null);
        create index sessions_of_patient on sessions (patient_id, date, id);
        create index sessions_of_plan on sessions (plan_id);
        create table audit (
            id bigserial primary key, at text not null, action text not null, record_type text not null,
            record_id bigint, clinician text, before_json text, db_role text not null default session_user);
        create table meta (key text primary key, value text);
        create function audit_signed() returns trigger language plpgsql as $$
        begin
            new.db_role := session_user;  -- the role that signed in, never a value a workstation sends
            return new;
        end $$;
        create trigger audit_signed before insert or update on audit for each row execute function audit_signed();
        grant usage on schema public to {CLINICIANS};
        grant select, insert, update, delete on patients, plans, sessions, meta to {CLINICIANS};
        grant select, insert on audit to {CLINICIANS};
        grant update (before_json) on audit to {CLINICIANS};  -- a deleted patient's session values leave
        grant usage, select on all sequences in schema public to {CLINICIANS};
        grant select on treadwell_migrations to {CLINICIANS};
    """),
    ("m006_records_changed", """
        create function records_changed() returns trigger language plpgsql as $$
        declare
            patient bigint;
        begin
            if tg_table_name = 'patients' then
                patient := coalesce(new.id, old.id);
            else
                patient := coalesce(new.patient_id, old.patient_id);
            end if;
            perform pg_notify('treadwell_records', patient::text);  -- other workstations refresh that patient
            return null;
        end $$;
        create trigger records_changed after insert or update or delete on patients
            for each row execute function records_changed();
        create trigger records_changed after insert or update or delete on plans
            for each row execute function records_changed();
        create trigger records_changed after insert or update or delete on sessions
            for each row execute function records_changed();
    """),
    ("m007_name_bigrams", """
        create function name_bigrams(name text) returns text[] language sql immutable parallel safe as $$
            select coalesce(array_agg(distinct substr(name, i, 2)), '{}')
            from generate_series(1, greatest(length(name) - 1, 0)) i
        $$;
        alter table patients add column name_bigrams text[] generated always as (name_bigrams(name_folded)) stored;
        create index patients_name_bigrams on patients using gin (name_bigrams);
    """),
    ("m008_clinic_studies", f"""
        create table clinic_studies (
            id text primary key, study_json text not null,
            imported_by text not null default session_user, imported_at timestamptz not null default now());
        create function clinic_study_signed() returns trigger language plpgsql as $$
        begin
            new.imported_by := session_user;  -- who imported it, never a value a workstation sends
            return new;
        end $$;
        create trigger clinic_study_signed before insert or update on clinic_studies
            for each row execute function clinic_study_signed();
        create function clinic_studies_changed() returns trigger language plpgsql as $$
        begin
            perform pg_notify('treadwell_records', '{STUDIES_CHANGED}');  -- workstations reload the evidence
            return null;
        end $$;
        create trigger clinic_studies_changed after insert or update or delete on clinic_studies
            for each statement execute function clinic_studies_changed();
        grant select, insert on clinic_studies to {CLINICIANS};
    """),
    # Profiles may name the handout language: no table changes; an older Treadwell stops at this entry.
    ("m009_handout_language", "select 1;"),
    # SQLite's index of each name's letter pairs: the server has had its own since m007.
    ("m010_name_pair_index", "select 1;"),
    # SQLite's evidence search index: the evidence a clinic workstation searches is an in-memory SQLite copy
    # (core/storage/clinic_studies.py), which makes the index itself.
    ("m011_evidence_filter_index", "select 1;"),
    # A session may record a stiffer morning than usual; sessions logged before it: not recorded (null).
    ("m012_session_stiffness", "alter table sessions add column stiffer_next_morning boolean;"),
    # Names fold without their apostrophes: each saved name is folded again.
    ("m013_names_fold_apostrophes", names_folded_again),
    # The audit trail kept as written: a clinician's role may clear a deleted patient's session values in it
    # (its one granted update, before_json, once the patient is gone) but nothing else; rows were never
    # deletable. Clearing no longer signs the row again: it keeps the role that wrote it.
    ("m014_audit_kept", """
        create function audit_kept() returns trigger language plpgsql as $$
        begin
            if new.before_json is not null or old.record_type <> 'session' or exists (
                    select 1 from patients where id = (old.before_json::jsonb ->> 'patient_id')::bigint) then
                raise exception 'the audit trail is kept as written: only the session values kept for a '
                    'deleted patient may be cleared';
            end if;
            return new;
        end $$;
        create trigger audit_kept before update on audit for each row execute function audit_kept();
        create or replace function audit_signed() returns trigger language plpgsql as $$
        begin
            if tg_op = 'UPDATE' then
                new.db_role := old.db_role;  -- who wrote the row, not who cleared its values
            else
                new.db_role := session_user;  -- the role that signed in, never a value a workstation sends
            end if;
            return new;
        end $$;
    """),
    # A saved plan version is kept as saved: a change is a new version (a clinician's role could rewrite a
    # version's plan and author in psql, with no audit row: seen in review). No role may change one.
    ("m015_plans_kept", f"""
        revoke update on plans from {CLINICIANS};
        create function plans_kept() returns trigger language plpgsql as $$
        begin
            raise exception 'a saved plan version is kept as saved: save a new version instead';
        end $$;
        create trigger plans_kept before update on plans for each row execute function plans_kept();
    """),
    # Why the clinician saved a plan version, in their words (see SQLite's m016); '' for the versions before it.
    ("m016_plan_reason", "alter table plans add column reason text not null default '';"),
    # The audit rows of one record, found by its index (see SQLite's m017).
    ("m017_audit_by_record", "create index audit_by_record on audit (record_type, record_id);"),
    # Each saved name folded again with its spaces as one (see SQLite's m018), by the same function as m013.
    ("m018_names_fold_spaces", names_folded_again),
    # Who logged and last corrected a walk a bundle brought from another workstation (see SQLite's m019).
    ("m019_walk_authors", "alter table sessions add column logged_by text, add column corrected_by text;"),
]

SCHEMA_VERSION = len(MIGRATIONS)

# What the clinicians' role may do, as the migrations above leave it (m005, m008, m015's revoke): granted again by
# every init-clinic, as a database restored from pg_dump onto a server without the roles comes back without them
# (seen in review: every clinician was refused "permission denied for table treadwell_migrations").
CLINICIAN_GRANTS = f"""
    grant usage on schema public to {CLINICIANS};
    grant select, insert, update, delete on patients, sessions, meta to {CLINICIANS};
    grant select, insert, delete on plans to {CLINICIANS};
    grant select, insert on audit to {CLINICIANS};
    grant update (before_json) on audit to {CLINICIANS};
    grant usage, select on all sequences in schema public to {CLINICIANS};
    grant select on treadwell_migrations to {CLINICIANS};
    grant select, insert on clinic_studies to {CLINICIANS};
"""
CHANNEL = "treadwell_records"  # m006: the id of each patient whose records changed; m008: STUDIES_CHANGED

MIGRATIONS_TABLE = """
    create table if not exists treadwell_migrations (name text primary key, applied_at timestamptz not null default now());
"""


def init_statements() -> list[str]:
    """Roles first (idempotent), then the migrations table, owned by the owner role."""
    return [
        f"do $$ begin if not exists (select from pg_roles where rolname = '{OWNER}') then "
        f"create role {OWNER} nologin; end if; end $$",
        f"do $$ begin if not exists (select from pg_roles where rolname = '{CLINICIANS}') then "
        f"create role {CLINICIANS} nologin; end if; end $$",
        MIGRATIONS_TABLE,
    ]
