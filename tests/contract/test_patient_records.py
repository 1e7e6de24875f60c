"""The PatientRecords contract (core/records/interface.py), written against the interface only and
run for every engine. A second engine (a clinic's PostgreSQL server) adds itself to ENGINES and must
pass these tests unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from core.plan.adjustment import SessionLog
from core.plan.overrides import WeekOverride
from core.records.interface import PatientRecords
from core.records.models import DifferentPatient, RecordNotFound
from tests.storage.helpers import example


def sqlite_engine(tmp_path) -> Iterator[PatientRecords]:
    from core.storage.database import open_database
    from core.storage.library_sync import sync_library
    from core.storage.sqlite_records import SqliteRecords

    db = open_database(tmp_path / "records.sqlite3")
    sync_library(db)
    try:
        yield SqliteRecords(db)
    finally:
        db.close()


ENGINES: dict[str, Callable] = {"sqlite": sqlite_engine}


@pytest.fixture(params=sorted(ENGINES))
def records(request, tmp_path) -> Iterator[PatientRecords]:
    yield from ENGINES[request.param](tmp_path)


@pytest.fixture
def other(request, tmp_path) -> Iterator[PatientRecords]:
    """A second, empty store of the same engine: another workstation."""
    folder = tmp_path / "other"
    folder.mkdir()
    yield from ENGINES[request.node.callspec.params["records"]](folder)


def log(day: int = 3, **changes) -> SessionLog:
    return SessionLog(**{"date": dt.date(2026, 11, day), "minutes": 9.0, "rpe": 12, "pain_during": 3,
                         "pain_next_morning": 3, **changes})


def test_a_new_patient_and_its_versions(records: PatientRecords) -> None:
    first = records.save_plan(*example(name="Zofia Nowak"), clinician="Dr A")
    second = records.save_plan(*example(name="Zofia Nowak", weeks=8), clinician="Dr B", patient_id=first.patient_id,
                               overrides=[WeekOverride(week=2, main_min=6)])
    assert (first.version, second.version, second.patient_id) == (1, 2, first.patient_id)
    assert records.get_plan(second.id).overrides == [WeekOverride(week=2, main_min=6)]
    assert [v.version for v in records.plan_history(first.patient_id)] == [1, 2]
    assert records.get_plan(first.id).profile.name == "Zofia Nowak" and second.created_by == "Dr B"


def test_missing_records_and_another_person(records: PatientRecords) -> None:
    with pytest.raises(RecordNotFound):
        records.get_plan(424242)
    with pytest.raises(RecordNotFound):
        records.save_plan(*example(), clinician="Dr A", patient_id=424242)
    first = records.save_plan(*example(name="Ann Lee"), clinician="Dr A")
    with pytest.raises(DifferentPatient):
        records.save_plan(*example(name="Bob Stone"), clinician="Dr A", patient_id=first.patient_id)
    corrected = records.save_plan(*example(name="Anne Lee"), clinician="Dr A", patient_id=first.patient_id,
                                  same_person=True)
    assert corrected.patient_id == first.patient_id


def test_listing_searching_and_paging(records: PatientRecords) -> None:
    for name in ("Ærø Jensen", "Bo Lund", "Cleo Lundqvist", "Dana Smith"):
        records.save_plan(*example(name=name), clinician="Dr A")
    assert records.count_patients() == 4
    assert {row.patient_name for row in records.list_plans(search="lund")} == {"Bo Lund", "Cleo Lundqvist"}
    assert [row.patient_name for row in records.list_plans(search="aero")] == ["Ærø Jensen"]
    assert records.count_patients(search="lund") == 2
    first_page = records.list_plans(limit=3)
    second_page = records.list_plans(limit=3, offset=3)
    assert len(first_page) == 3 and len(second_page) == 1
    assert {r.patient_id for r in first_page} | {r.patient_id for r in second_page} == \
        {r.patient_id for r in records.list_plans(limit=10)}


def test_session_logs_and_the_audit_trail(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    first = records.add_session_log(saved.id, 1, log(3), clinician="Dr A")
    records.add_session_log(saved.id, 1, log(5, pain_next_morning=None), clinician="Dr B")
    logs = records.session_logs(saved.id)
    assert [entry.id for entry in logs][0] == first and [entry.week for entry in logs] == [1, 1]
    assert logs[1].pain_next_morning is None
    records.record_event("print", "plan", saved.id, "Dr C")
    trail = records.audit_trail()
    assert {"create", "print"} <= {event.action for event in trail}
    assert "Dr C" in {event.clinician for event in trail}


def test_deleting_a_patient_takes_every_version_and_log(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    records.add_session_log(saved.id, 1, log(), clinician="Dr A")
    records.delete_patient(saved.patient_id, clinician="Dr A")
    assert records.count_patients() == 0
    with pytest.raises(RecordNotFound):
        records.get_plan(saved.id)
    assert "delete" in {event.action for event in records.audit_trail()}


def test_a_patient_moves_whole_to_another_store(records: PatientRecords, other: PatientRecords) -> None:
    first = records.save_plan(*example(name="Αικατερίνη Π."), clinician="Dr A")
    second = records.save_plan(*example(name="Αικατερίνη Π.", weeks=8), clinician="Dr B",
                               patient_id=first.patient_id)
    records.add_session_log(second.id, 2, log(), clinician="Dr B")
    bundle = records.export_patient(second.id, clinician="Dr B")
    ids = other.import_patient(bundle.encode("utf-8"), clinician="Dr C")
    moved = other.plan_history(other.get_plan(ids[0]).patient_id)
    assert [v.version for v in moved] == [1, 2] and moved[0].profile.name == "Αικατερίνη Π."
    assert [(v.created_by, v.created_at) for v in moved] == [("Dr A", first.created_at), ("Dr B", second.created_at)]
    assert [entry.week for entry in other.session_logs(ids[1])] == [2]
