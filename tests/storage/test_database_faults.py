"""Damaged, truncated, newer, read-only and full databases: refused plainly, never altered."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from core.storage import records
from core.storage.database import DatabaseDamaged, DatabaseTooNew, open_database, plain_storage_error
from core.storage.schema import SCHEMA_VERSION
from tests.conftest import REPO_ROOT
from tests.fixtures.db.make_fixture import load_fixture
from tests.storage.helpers import digest, example

FIXTURES = sorted((REPO_ROOT / "tests" / "fixtures" / "db").glob("schema-*.sql"))


def saved_database(data_dir, count: int = 3):
    db = open_database(data_dir.database_path)
    ids = [records.save_plan(db, *example(), clinician="Dr A").id for _ in range(count)]
    db.close()
    return ids


def test_garbage_file_is_refused_and_left_untouched(data_dir) -> None:
    data_dir.database_path.write_bytes(os.urandom(8192))
    before = digest(data_dir.database_path)
    with pytest.raises(DatabaseDamaged, match="is damaged .* has not been changed"):
        open_database(data_dir.database_path)
    assert digest(data_dir.database_path) == before
    assert sorted(p.name for p in data_dir.root.iterdir() if p.is_file()) == ["treadwell.sqlite3"]


def test_truncated_file_is_refused_and_left_untouched(data_dir) -> None:
    saved_database(data_dir, 30)
    data = data_dir.database_path.read_bytes()
    data_dir.database_path.write_bytes(data[: len(data) // 3])
    before = digest(data_dir.database_path)
    with pytest.raises(DatabaseDamaged):
        open_database(data_dir.database_path)
    assert digest(data_dir.database_path) == before


def test_newer_schema_is_refused_and_left_untouched(data_dir) -> None:
    saved_database(data_dir)
    connection = sqlite3.connect(data_dir.database_path)
    connection.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                       "values ('treadwell', 'm099_from_the_future', '2030-01-01')")
    connection.commit()
    connection.close()
    before = digest(data_dir.database_path)
    with pytest.raises(DatabaseTooNew, match="newer version of Treadwell .*m099_from_the_future"):
        open_database(data_dir.database_path)
    assert digest(data_dir.database_path) == before


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_released_schema_upgrades(data_dir, fixture) -> None:
    load_fixture(fixture, data_dir.database_path)
    schema = int(fixture.stem.removeprefix("schema-"))
    db = open_database(data_dir.database_path)
    try:
        applied = db.execute("select count(*) from _sqlite_migrations where migration_set = 'treadwell'").fetchone()[0]
        assert applied == SCHEMA_VERSION
        listed = records.list_plans(db)
        assert len(listed) == 1 and listed[0].version == 2
        sessions = records.sessions(db, listed[0].patient_id)
        assert sessions[-1].minutes == 15 and sessions[-1].date.isoformat() == "2026-01-05"
        assert records.list_plans(db, search="parkinson")[0].plan_id == listed[0].plan_id  # name index rebuilt
        # saved as "(Parkinson's)": found however the apostrophe is typed, or left out (m013 folded it again)
        for typed in ("Parkinson’s", "parkinson's", "parkinsons", "n's", "n’s", "sons)"):
            assert [row.plan_id for row in records.list_plans(db, search=typed)] == [listed[0].plan_id], typed
        # versions saved before m016 have no reason given; from schema 16 the fixture's version 2 has one
        reasons = [version.reason for version in records.plan_history(db, listed[0].patient_id)]
        assert reasons == ["", "" if schema < 16 else "Eight weeks, to review the plan sooner"]
        # who logged each walk and who corrected it last, as the audit names them (m017 finds them by its index);
        # schema 4 audited its walks as session logs: not known; from schema 19 the second as a bundle brought it (m019)
        assert [(s.logged_by, s.corrected_by) for s in sessions] == (
            [(None, None)] if schema == 4 else [("fixture", "corrector" if schema >= 17 else None),
                                                ("elsewhere" if schema >= 19 else "fixture", None)])
        assert "audit_by_record" in {index.name for index in db["audit"].indexes}
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_the_first_released_schema_keeps_every_session_log_of_every_version(data_dir) -> None:
    """Schema 4 filed logs under plan versions; after the upgrade they are the patient's sessions, each
    still under its version and week, with nothing changed and nothing invented (no pain became 0)."""
    load_fixture(REPO_ROOT / "tests" / "fixtures" / "db" / "schema-4.sql", data_dir.database_path)
    connection = sqlite3.connect(data_dir.database_path)
    with connection:  # more logs, as the schema 4 code wrote them: under version 1 too, one without morning pain
        connection.executemany(
            "insert into session_logs (plan_id, week, date, minutes, speed_kmh, rpe, pain_during, pain_next_morning, "
            "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(1, 1, "2025-12-29", 10.0, 3.2, 11, 1, 1, "2025-12-29T10:00:00+00:00"),
             (1, 2, "2026-01-01", 12.5, None, 13, 4, None, "2026-01-01T10:00:00+00:00"),
             (2, 2, "2026-01-08", 16.0, 3.4, 12, 0, 0, "2026-01-08T10:00:00+00:00")])
    before = connection.execute("select l.id, p.version, l.week, l.date, l.minutes, l.speed_kmh, l.rpe, l.pain_during, "
                                "l.pain_next_morning from session_logs l join plans p on p.id = l.plan_id "
                                "order by l.date").fetchall()
    connection.close()
    assert len(before) == 4 and {row[1] for row in before} == {1, 2}
    db = open_database(data_dir.database_path)
    try:
        (patient,) = records.list_plans(db)
        sessions = records.sessions(db, patient.patient_id)
        assert [(s.id, s.plan_version, s.week, s.date.isoformat(), s.minutes, s.speed_kmh, s.rpe, s.pain_during,
                 s.pain_next_morning) for s in sessions] == [tuple(row) for row in before]
        assert all(s.heart_rate is None and s.note == "" and s.stiffer_next_morning is None
                   for s in sessions)  # not recorded then: still not recorded
        assert len({s.uid for s in sessions}) == 4 and records.patient_uid(db, patient.patient_id)
        assert "session_logs" not in db.table_names()
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()


def test_there_is_a_fixture_for_the_current_schema() -> None:
    assert any(p.stem == f"schema-{SCHEMA_VERSION}" for p in FIXTURES)


def test_a_full_disk_saves_nothing_half_and_keeps_earlier_saves(data_dir) -> None:
    earlier = saved_database(data_dir, 2)
    db = open_database(data_dir.database_path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite now answers SQLITE_FULL, as on a full disk
    with pytest.raises(sqlite3.OperationalError) as caught:
        for _ in range(50):
            records.save_plan(db, *example(), clinician="Dr A")
    assert plain_storage_error(caught.value).startswith("The disk is full, so nothing was saved")
    db.close()
    db = open_database(data_dir.database_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in db.execute("select id from plans order by id")]
        assert ids[: len(earlier)] == earlier
        plans = db.execute("select count(*) from plans").fetchone()[0]
        audits = db.execute("select count(*) from audit where record_type = 'plan'").fetchone()[0]
        assert plans == audits  # every saved plan has its audit row: no half-done save
    finally:
        db.close()


def test_read_only_data_directory(data_dir, monkeypatch) -> None:
    earlier = saved_database(data_dir)
    if os.geteuid() != 0:
        data_dir.root.chmod(0o500)
        data_dir.database_path.chmod(0o400)
    else:  # root writes anywhere: make every connection read-only, as a read-only folder would
        real_connect = sqlite3.connect

        def read_only_connect(target, *args, **kwargs):
            if not (isinstance(target, str) and target.startswith("file:")):
                target = f"{Path(target).resolve().as_uri()}?mode=ro"
            kwargs["uri"] = True
            return real_connect(target, *args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", read_only_connect)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            db = open_database(data_dir.database_path)
            records.save_plan(db, *example(), clinician="Dr A")
        assert "nothing was saved" in plain_storage_error(caught.value)
    finally:
        monkeypatch.undo()
        data_dir.root.chmod(0o700)
        data_dir.database_path.chmod(0o600)
    db = open_database(data_dir.database_path)
    try:
        assert [row[0] for row in db.execute("select id from plans order by id")] == earlier
    finally:
        db.close()
