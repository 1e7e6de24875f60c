"""Patients, immutable plan versions, session logs and the audit trail, on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from core.plan.session_log import SessionLog
from core.storage import records
from tests.storage.helpers import example


def test_versions_are_immutable_and_numbered(db) -> None:
    profile, plan = example()
    first = records.save_plan(db, profile, plan, clinician="Dr A")
    changed_profile, changed_plan = example(weeks=8)
    second = records.save_plan(db, changed_profile, changed_plan, clinician="Dr B", patient_id=first.patient_id)
    assert (first.version, second.version) == (1, 2) and first.patient_id == second.patient_id
    assert records.get_plan(db, first.id).profile.weeks == 12  # the first version is untouched
    history = records.plan_history(db, first.patient_id)
    assert [v.version for v in history] == [1, 2] and history[1].created_by == "Dr B"
    assert records.get_plan(db, second.id).plan == changed_plan


def test_list_shows_the_newest_version_and_searches_any_part_of_the_name(db) -> None:
    for name in ("Zoë Ørsted", "Olga Ivanova", "Ольга Петрова", "Mary O'Neil 50%"):
        profile, plan = example(name=name)
        saved = records.save_plan(db, profile, plan, clinician="Dr A")
    records.save_plan(db, *example(name="Mary O'Neil 50%", weeks=8), clinician="Dr A", patient_id=saved.patient_id)
    listed = records.list_plans(db)
    assert [r.patient_name for r in listed][0] == "Mary O'Neil 50%" and listed[0].version == 2
    assert len(listed) == 4
    assert [r.patient_name for r in records.list_plans(db, search="zoe orsted")] == ["Zoë Ørsted"]
    assert [r.patient_name for r in records.list_plans(db, search="ОЛЬГА")] == ["Ольга Петрова"]
    assert [r.patient_name for r in records.list_plans(db, search="olga")] == ["Olga Ivanova"]
    assert [r.patient_name for r in records.list_plans(db, search="50%")] == ["Mary O'Neil 50%"]
    assert [r.patient_name for r in records.list_plans(db, search="%")] == ["Mary O'Neil 50%"]  # % is literal
    assert records.count_patients(db) == 4 and records.count_patients(db, search="o'neil") == 1


def test_session_logs_and_their_week(db) -> None:
    saved = records.save_plan(db, *example(), clinician="Dr A")
    log = SessionLog(date=dt.date(2026, 11, 2), week=1, minutes=12.5, speed_kmh=3.6, rpe=12, pain_during=3,
                     pain_next_morning=2)
    records.add_session(db, saved.patient_id, log, clinician="Dr A")
    assert records.sessions(db, saved.patient_id)[0].minutes == 12.5
    with pytest.raises(ValueError, match="week: must be from 1 to 12"):
        records.add_session(db, saved.patient_id, log.model_copy(update={"week": 13}), clinician="Dr A")


def test_audit_names_records_never_clinical_content(db) -> None:
    """Plans and patients are named by id only; a corrected or deleted session keeps its own values
    (tests/contract), never the patient's name or diagnosis."""
    profile, plan = example(name="Henrietta Lacks-Example")
    saved = records.save_plan(db, profile, plan, clinician="Dr A")
    records.save_plan(db, *example(name="Henrietta Lacks-Example", weeks=8), clinician="Dr A",
                      patient_id=saved.patient_id)
    records.record_event(db, "print", "plan", saved.id, "Dr A")
    records.delete_patient(db, saved.patient_id, clinician="Dr C")
    trail = records.audit_trail(db)
    assert [e.action for e in reversed(trail)] == ["create", "update", "print", "delete"]
    dump = " ".join(str(row) for row in db.execute("select * from audit").fetchall())
    assert "Henrietta" not in dump and "chemotherapy" not in dump


def test_the_audit_trail_is_kept_as_written(db) -> None:
    """The database refuses any change to the audit but clearing a deleted patient's kept session values."""
    import sqlite3

    saved = records.save_plan(db, *example(), clinician="Dr A")
    session = records.add_session(db, saved.patient_id, SessionLog(date=dt.date(2026, 1, 1), week=1, minutes=5, rpe=11),
                                  clinician="Dr A")
    records.delete_session(db, session.id, clinician="Dr A")
    for statement in ("delete from audit", "update audit set clinician = 'Dr B'", "update audit set action = 'print'",
                      "update audit set before_json = '{}' where before_json is not null",
                      # a living patient's: cleared, an import would bring the deleted walk back
                      "update audit set before_json = null where before_json is not null"):
        with pytest.raises(sqlite3.IntegrityError, match="kept as written"):
            db.execute(statement)
    uid = records.patient_uid(db, saved.patient_id)
    records.delete_patient(db, saved.patient_id, clinician="Dr A")  # clears the kept values: allowed
    kept = db.execute("select record_type, before_json from audit where before_json is not null").fetchall()
    assert kept == [("patient", f'{{"uid": "{uid}"}}')]  # their bundle id, so an import asks before bringing them back
    assert len(records.audit_trail(db)) == 4


def test_a_saved_plan_version_is_kept_as_saved(db) -> None:
    """A change is a new version: the database refuses to rewrite one (m015), and deleting the patient still works."""
    import sqlite3

    saved = records.save_plan(db, *example(), clinician="Dr A")
    for statement in ("update plans set created_by = 'Dr B'", "update plans set plan_json = '{}'",
                      "update plans set version = 2"):
        with pytest.raises(sqlite3.IntegrityError, match="kept as saved"):
            db.execute(statement)
    assert records.get_plan(db, saved.id) == saved
    records.delete_patient(db, saved.patient_id, clinician="Dr A")
    assert db["plans"].count == 0


def test_delete_removes_every_version_and_log(db) -> None:
    saved = records.save_plan(db, *example(), clinician="Dr A")
    records.add_session(db, saved.patient_id, SessionLog(date=dt.date(2026, 1, 1), week=1, minutes=5, rpe=11,
                                                         pain_during=1), clinician="Dr A")
    records.delete_patient(db, saved.patient_id, clinician="Dr A")
    assert records.list_plans(db) == [] and db["sessions"].count == 0
    with pytest.raises(records.RecordNotFound, match="no saved plan with id"):
        records.get_plan(db, saved.id)


def test_a_failed_save_writes_nothing(db) -> None:
    with pytest.raises(records.RecordNotFound, match="no patient with id 99"):
        records.save_plan(db, *example(), clinician="Dr A", patient_id=99)
    assert db["plans"].count == 0 and db["audit"].count == 0 and db["patients"].count == 0


def test_database_settings(db) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_record_saved_before_a_rule_existed_still_opens(db) -> None:
    """A diabetic patient saved with known_disease false (allowed before core/plan/implications.py) opens
    through every path that wraps it (PlanVersion re-runs the profile's checks wherever it is nested)."""
    import json

    from tests.storage.helpers import example, plans_rewritable

    profile, plan = example("diabetic-neuropathy", known_disease=True)
    saved = records.save_plan(db, profile, plan, clinician="Dr A")
    stored = json.loads(db.execute("select profile_json from plans where id = ?", [saved.id]).fetchone()[0])
    with plans_rewritable(db):
        db.execute("update plans set profile_json = ? where id = ?",
                   [json.dumps({**stored, "known_disease": False}), saved.id])
    db.conn.commit()
    opened = records.get_plan(db, saved.id)
    assert opened.profile.known_disease is False and records.plan_history(db, saved.patient_id)[0].id == saved.id


def test_counting_stops_above_the_cap(db) -> None:
    """"More than 10,000" is all the window says, so counting a million matches stops there."""
    from core.records.interface import COUNT_CAP
    from tests.bench.bench_records import fill

    fill(db, COUNT_CAP + 50)
    assert records.count_patients(db) == COUNT_CAP + 1
    assert records.count_patients(db, search="zzzz-no-such-name") == 0


def test_a_deleted_patient_whose_audit_value_is_damaged_is_still_said_deleted(db) -> None:
    """Seen in review: a damaged value in the deletion's audit row (not whole JSON) stopped the message with SQLite's
    "malformed JSON"; the deletion is said without whom it was brought back as."""
    saved = records.save_plan(db, *example(), clinician="Dr A")
    records.delete_patient(db, saved.patient_id, clinician="Dr Reyes")
    db.execute("drop trigger audit_kept_update")  # as damage would, past the audit's guard
    db.execute("update audit set before_json = '{\"uid\": \"cut' where action = 'delete'")
    said = str(records.missing_patient(db, saved.patient_id))
    assert said.startswith(f"Patient {saved.patient_id} was deleted on ") and " by Dr Reyes" in said, said
    assert said.endswith("with their plan versions and walks."), said
