"""Plan bundles between workstations: round trip, and tampered, truncated or newer files refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from core.plan.adjustment import SessionLog
from core.storage import records
from core.storage.bundle import BundleError, export_bundle, import_bundle
from core.storage.database import open_database
from tests.storage.helpers import example


def bundle_of(db) -> str:
    first = records.save_plan(db, *example(name="Αικατερίνη Π."), clinician="Dr A")
    second = records.save_plan(db, *example(name="Αικατερίνη Π.", weeks=8), clinician="Dr B",
                               patient_id=first.patient_id)
    records.add_session_log(db, second.id, 2, SessionLog(date=dt.date(2026, 11, 3), minutes=9, rpe=12,
                                                         pain_during=3, pain_next_morning=3), clinician="Dr B")
    return export_bundle(db, second.id, clinician="Dr B")


def test_round_trip_to_another_workstation(db, tmp_path) -> None:
    text = bundle_of(db)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        ids = import_bundle(other, text.encode("utf-8"), clinician="Dr C")
        history = records.plan_history(other, records.get_plan(other, ids[0]).patient_id)
        assert [v.version for v in history] == [1, 2] and history[1].profile.weeks == 8
        assert history[0].profile.name == "Αικατερίνη Π." and history[1].created_by == "Dr B"
        assert records.session_logs(other, ids[1])[0].week == 2
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


@pytest.mark.parametrize("data", [b"", b"\x00\xff\xfe", b"[]", b'{"format": "something else"}'])
def test_other_files_are_refused(db, data) -> None:
    assert problems_for(db, data)
