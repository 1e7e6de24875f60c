"""Plan bundles between workstations: round trip with provenance, and tampered, truncated, newer or
forged files refused (tests/hostile/test_bundle_hostile.py has the hostile cases)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from core.storage.library_sync import sync_library
from core.plan.adjustment import SessionLog
from core.storage import records
from core.plan.guidelines import GUIDELINES_VERSION
from core.storage.bundle import BundleError, _checksum, export_bundle, import_bundle
from core.storage.database import open_database
from tests.storage.helpers import example


ETIOLOGY = "peripheral-nerve-injury"  # animal studies lend the structure: the evidence is re-derived too


def bundle_of(db) -> str:
    sync_library(db)  # as every command and the window have it
    first = records.save_plan(db, *example(ETIOLOGY, name="Αικατερίνη Π."), clinician="Dr A")
    second = records.save_plan(db, *example(ETIOLOGY, name="Αικατερίνη Π.", weeks=8), clinician="Dr B",
                               patient_id=first.patient_id)
    records.add_session_log(db, second.id, 2, SessionLog(date=dt.date(2026, 11, 3), minutes=9, rpe=12,
                                                         pain_during=3, pain_next_morning=3), clinician="Dr B")
    return export_bundle(db, second.id, clinician="Dr B")


def test_round_trip_to_another_workstation(db, tmp_path) -> None:
    text = bundle_of(db)
    source = records.plan_history(db, 1)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        ids = import_bundle(other, text.encode("utf-8"), clinician="Dr C")
        history = records.plan_history(other, records.get_plan(other, ids[0]).patient_id)
        assert [v.version for v in history] == [1, 2] and history[1].profile.weeks == 8
        assert history[0].profile.name == "Αικατερίνη Π."
        assert [v.plan for v in history] == [v.plan for v in source]
        # Each version keeps its author and date; every audit row is the importer's, at the import.
        assert [(v.created_by, v.created_at) for v in history] == [("Dr A", source[0].created_at),
                                                                    ("Dr B", source[1].created_at)]
        assert {event.clinician for event in records.audit_trail(other)} == {"Dr C"}
        assert records.session_logs(other, ids[1])[0].week == 2
    finally:
        other.close()


def test_a_history_with_a_corrected_name_moves_whole(db, tmp_path) -> None:
    sync_library(db)
    first = records.save_plan(db, *example(ETIOLOGY, name="Jon Smiht"), clinician="Dr A")
    second = records.save_plan(db, *example(ETIOLOGY, name="John Smith"), clinician="Dr A",
                               patient_id=first.patient_id, same_person=True)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        ids = import_bundle(other, export_bundle(db, second.id, clinician="Dr A").encode("utf-8"), clinician="Dr C")
        assert [records.get_plan(other, i).profile.name for i in ids] == ["Jon Smiht", "John Smith"]
    finally:
        other.close()


def problems_for(db, data: bytes) -> list[str]:
    before = db.execute("select count(*) from plans").fetchone()[0]
    with pytest.raises(BundleError) as caught:
        import_bundle(db, data, clinician="Dr C")
    assert db.execute("select count(*) from plans").fetchone()[0] == before  # nothing written
    return caught.value.problems


def test_tampered_bundle_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["content"]["versions"][0]["profile"]["age"] = 99
    assert "checksum does not match" in problems_for(db, json.dumps(bundle).encode())[0]


def test_truncated_bundle_is_refused(db) -> None:
    text = bundle_of(db)
    assert "not a readable JSON" in problems_for(db, text[: len(text) // 2].encode())[0]


def test_bundle_from_a_newer_version_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["bundle_version"] = 7
    assert "newer Treadwell" in problems_for(db, json.dumps(bundle).encode())[0]


@pytest.mark.parametrize("version", [0, -7, True, "1", 1.5])
def test_an_unknown_bundle_version_is_refused(db, version) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["bundle_version"] = version
    assert problems_for(db, json.dumps(bundle).encode())[0].startswith("bundle_version: ")


def test_a_forged_plan_with_a_recomputed_checksum_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["content"]["versions"][1]["plan"]["intensity"]["target_hr"] = [250, 300]
    bundle["checksum"] = _checksum(bundle["content"])  # unkeyed: anyone can recompute it
    assert problems_for(db, json.dumps(bundle).encode()) == [
        "version 2 plan: intensity.target_hr: does not match what Treadwell computes from this version's profile and "
        f"the options the plan records (guidelines {GUIDELINES_VERSION})"]


def test_a_session_week_beyond_its_plan_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["content"]["session_logs"][0]["week"] = 9  # version 2 has 8 weeks
    bundle["checksum"] = _checksum(bundle["content"])
    assert problems_for(db, json.dumps(bundle).encode()) == [
        "session log 1: week: must be from 1 to 8, the weeks of version 2's plan"]


@pytest.mark.parametrize("data", [b"", b"\x00\xff\xfe", b"[]", b'{"format": "something else"}'])
def test_other_files_are_refused(db, data) -> None:
    assert problems_for(db, data)
