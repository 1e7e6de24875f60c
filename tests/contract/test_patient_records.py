"""The PatientRecords contract (core/records/interface.py), written against the interface only and
run for every engine. A second engine (a clinic's PostgreSQL server) adds itself to ENGINES and must
pass these tests unchanged."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import pytest

from core.plan.session_log import SessionLog
from core.plan.overrides import WeekOverride
from core.records.interface import PatientRecords
from core.records.models import (
    ChangedMeanwhile, DifferentPatient, PatientChangedMeanwhile, PatientHolding, RecordNotFound, VersionSavedMeanwhile,
)
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


def postgresql_engine(tmp_path, request) -> Iterator[PatientRecords]:
    """A clinic database of its own on the throwaway server, signed in as a clinician (not the administrator)."""
    from core.evidence.library import load_library
    from core.storage.clinic import open_clinic_records

    url = request.getfixturevalue("clinic_url")
    studies = load_library().studies
    store = open_clinic_records(url, lambda etiology: [s for s in studies if etiology in s.etiologies])
    try:
        yield store
    finally:
        store.connection.close()


ENGINES: dict[str, Callable] = {"sqlite": sqlite_engine, "postgresql": postgresql_engine}


def as_named(records: PatientRecords, clinician: str) -> str:
    """Who saved, as an engine names them: on the clinic server, with the role signed in where the name is not its."""
    server = getattr(records, "connection", None)
    return clinician if server is None else f"{clinician} ({server.info.user})"


def _engine(name: str, folder, request) -> Iterator[PatientRecords]:
    return ENGINES[name](folder, request) if name == "postgresql" else ENGINES[name](folder)


@pytest.fixture(params=sorted(ENGINES))
def records(request, tmp_path) -> Iterator[PatientRecords]:
    yield from _engine(request.param, tmp_path, request)


@pytest.fixture
def other(request, tmp_path) -> Iterator[PatientRecords]:
    """A second, empty store of the same engine: another workstation (for PostgreSQL, another clinic's server)."""
    folder = tmp_path / "other"
    folder.mkdir()
    name = request.node.callspec.params["records"]
    if name == "postgresql":
        from core.evidence.library import load_library
        from core.storage.clinic import open_clinic_records
        from tests.conftest import clinic_database

        studies = load_library().studies
        store = open_clinic_records(clinic_database(request.getfixturevalue("pg_server")),
                                    lambda etiology: [s for s in studies if etiology in s.etiologies])
        try:
            yield store
        finally:
            store.connection.close()
        return
    yield from _engine(name, folder, request)


def log(day: int = 3, **changes) -> SessionLog:
    return SessionLog(**{"date": dt.date(2026, 11, day), "week": 1, "minutes": 9.0, "rpe": 12, "pain_during": 3,
                         "pain_next_morning": 3, **changes})


def test_a_new_patient_and_its_versions(records: PatientRecords) -> None:
    first = records.save_plan(*example(name="Zofia Nowak"), clinician="Dr A")
    second = records.save_plan(*example(name="Zofia Nowak", weeks=8), clinician="Dr B", patient_id=first.patient_id,
                               overrides=[WeekOverride(week=2, main_min=6)])
    assert (first.version, second.version, second.patient_id) == (1, 2, first.patient_id)
    assert records.get_plan(second.id).overrides == [WeekOverride(week=2, main_min=6)]
    assert [v.version for v in records.plan_history(first.patient_id)] == [1, 2]
    assert records.get_plan(first.id).profile.name == "Zofia Nowak"
    assert second.created_by == as_named(records, "Dr B")


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


def test_the_same_name_with_another_sex_or_an_impossible_age_is_not_filed_under_the_patient(
        records: PatientRecords) -> None:
    """A profile holds no date of birth: a second John Smith is caught by sex and age."""
    first = records.save_plan(*example(name="John Smith", sex="male", age=60), clinician="Dr A")
    with pytest.raises(DifferentPatient) as caught:
        records.save_plan(*example(name="John Smith", sex="female", age=60), clinician="Dr A", patient_id=first.patient_id)
    assert caught.value.differs == ["sex"] and "John" not in str(caught.value)
    with pytest.raises(DifferentPatient) as caught:
        records.save_plan(*example(name="Jon Smith", sex="male", age=35), clinician="Dr A", patient_id=first.patient_id)
    assert caught.value.differs == ["name", "age"] and "name and age do not match" in str(caught.value)
    a_birthday = records.save_plan(*example(name="John Smith", sex="male", age=61), clinician="Dr A",
                                   patient_id=first.patient_id)  # a year older, within the year allowed
    assert a_birthday.version == 2
    unknown_sex = records.save_plan(*example(name="John Smith", sex=None, age=61, weeks=10), clinician="Dr A",
                                    patient_id=first.patient_id)
    assert unknown_sex.version == 3  # a sex left out is not a different one
    confirmed = records.save_plan(*example(name="John Smith", sex="male", age=16 + 40), clinician="Dr A",
                                  patient_id=first.patient_id, same_person=True)  # the age typed wrong before
    assert confirmed.version == 4


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


def test_an_apostrophe_or_dash_however_typed_finds_the_patient(records: PatientRecords) -> None:
    """A name pasted from a referral letter has a typographic apostrophe: searching O'Brien did not find
    O’Brien, so neither did the check for another patient of the same name."""
    saved = records.save_plan(*example(name="Siobhán O’Brien-Walsh"), clinician="Dr A")
    records.save_plan(*example(name="Bo Lund"), clinician="Dr A")
    for typed in ("O'Brien", "o´brien", "OBrien", "o’b", "n-w", "N‑Walsh", "siobhan obrien–walsh"):
        assert [row.patient_id for row in records.list_plans(search=typed)] == [saved.patient_id], typed
        assert records.count_patients(search=typed) == 1, typed
    assert records.list_plans(search="'")[0].patient_id  # nothing left to search by: every patient
    again = records.save_plan(*example(name="Siobhan O'Brien-Walsh"), clinician="Dr A", patient_id=saved.patient_id)
    assert again.version == 2  # the same name, typed on another keyboard: not "another patient"


def test_sessions_belong_to_the_patient_and_the_audit_trail(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    first = records.add_session(saved.patient_id, log(3), clinician="Dr A")
    records.add_session(saved.patient_id, log(5, pain_next_morning=None, pain_during=None, heart_rate=104,
                                              note="tired"), clinician="Dr B")
    sessions = records.sessions(saved.patient_id)
    assert [entry.id for entry in sessions][0] == first.id and [entry.week for entry in sessions] == [1, 1]
    assert (sessions[1].pain_during, sessions[1].pain_next_morning) == (None, None)  # not recorded, never 0
    assert (sessions[1].heart_rate, sessions[1].note, sessions[1].plan_id) == (104, "tired", saved.id)
    records.record_event("print", "plan", saved.id, "Dr C")
    trail = records.audit_trail()
    assert {"create", "print"} <= {event.action for event in trail}
    assert as_named(records, "Dr C") in {event.clinician for event in trail}


def test_a_new_version_never_hides_a_session(records: PatientRecords) -> None:
    first = records.save_plan(*example(), clinician="Dr A")
    records.add_session(first.patient_id, log(3), clinician="Dr A")
    second = records.save_plan(*example(weeks=8), clinician="Dr A", patient_id=first.patient_id)
    records.add_session(first.patient_id, log(10, week=2), clinician="Dr A", plan_id=second.id)
    sessions = records.sessions(first.patient_id)
    assert [(entry.plan_version, entry.week) for entry in sessions] == [(1, 1), (2, 2)]
    assert [entry.plan_id for entry in sessions] == [first.id, second.id]


def test_a_walk_goes_under_the_version_in_force_on_its_date(records: PatientRecords) -> None:
    first = records.save_plan(*example(), clinician="Dr A")
    second = records.save_plan(*example(weeks=8), clinician="Dr A", patient_id=first.patient_id)
    today = dt.date.today()
    diary = records.add_session(first.patient_id, log(week=2).model_copy(update={"date": today - dt.timedelta(days=3)}),
                                clinician="Dr A")  # walked before either version was saved: the course as it began,
    now = records.add_session(first.patient_id, log(week=2).model_copy(update={"date": today}), clinician="Dr A")
    assert (diary.plan_id, now.plan_id) == (second.id, second.id)  # before any: the newest of the first day


def test_a_walk_before_any_version_is_not_put_under_a_blocked_one_of_that_day(records: PatientRecords) -> None:
    """Seen in review: version 1 ready and version 2 blocked the same day sent a walk of the day before to version 2."""
    first = records.save_plan(*example(), clinician="Dr A")
    records.save_plan(*example(contraindications=["acute-mi"]), clinician="Dr A", patient_id=first.patient_id)
    before = log(week=1).model_copy(update={"date": dt.date.today() - dt.timedelta(days=3)})
    assert records.add_session(first.patient_id, before, clinician="Dr A").plan_id == first.id


def test_a_corrected_date_puts_the_walk_under_the_version_in_force_on_it(records: PatientRecords) -> None:
    """A corrected date, not the version chosen, decides (tests/ui/test_session_log_view.py: between days)."""
    first = records.save_plan(*example(), clinician="Dr A")
    second = records.save_plan(*example(weeks=8), clinician="Dr A", patient_id=first.patient_id)
    today = dt.date.today()
    chosen = records.add_session(first.patient_id, log(week=2).model_copy(update={"date": today}), clinician="Dr A",
                                 plan_id=first.id)  # logged under a chosen version on purpose
    corrected = records.edit_session(chosen.id, log(week=2).model_copy(update={"date": today - dt.timedelta(days=3)}),
                                     clinician="Dr B")
    assert (corrected.plan_id, corrected.plan_version) == (second.id, 2)  # the course as it began: both saved today
    assert records.audit_trail(limit=1)[0].before["plan_id"] == first.id  # the audit keeps where it was
    chosen = records.add_session(first.patient_id, log(week=2).model_copy(update={"date": today}), clinician="Dr A",
                                 plan_id=first.id)  # logged under a chosen version on purpose
    kept = records.edit_session(chosen.id, log(week=2, note="felt fine").model_copy(update={"date": today}),
                                clinician="Dr B")
    assert kept.plan_id == first.id  # the date is unchanged, so the version is too


def test_saving_an_unchanged_plan_makes_no_version(records: PatientRecords) -> None:
    first = records.save_plan(*example(), clinician="Dr A")
    again = records.save_plan(*example(), clinician="Dr B", patient_id=first.patient_id)
    assert again.id == first.id and [v.version for v in records.plan_history(first.patient_id)] == [1]
    changed = records.save_plan(*example(), clinician="Dr B", patient_id=first.patient_id,
                                overrides=[WeekOverride(week=2, main_min=6)])
    assert changed.version == 2


def test_a_session_is_corrected_and_deleted_with_its_old_values_audited(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    session = records.add_session(saved.patient_id, log(3, pain_during=None), clinician="Dr A")
    corrected = records.edit_session(session.id, log(4, pain_during=2, note="typo fixed"), clinician="Dr B")
    assert (corrected.date, corrected.pain_during, corrected.note) == (dt.date(2026, 11, 4), 2, "typo fixed")
    assert (corrected.plan_id, corrected.patient_id) == (session.plan_id, session.patient_id)
    update = records.audit_trail(limit=1)[0]
    assert (update.action, update.record_type, update.record_id, update.clinician) == \
        ("update", "session", session.id, as_named(records, "Dr B"))
    assert update.before["date"] == "2026-11-03" and update.before["pain_during"] is None
    records.delete_session(session.id, clinician="Dr C")
    assert records.sessions(saved.patient_id) == []
    deleted = records.audit_trail(limit=1)[0]
    assert (deleted.action, deleted.record_id, deleted.before["note"]) == ("delete", session.id, "typo fixed")
    with pytest.raises(RecordNotFound):
        records.edit_session(session.id, log(), clinician="Dr A")
    with pytest.raises(RecordNotFound):
        records.delete_session(session.id, clinician="Dr A")
    records.delete_patient(saved.patient_id, clinician="Dr A")  # the kept values go with the patient
    assert all(event.before is None for event in records.audit_trail() if event.record_type == "session")
    assert {event.action for event in records.audit_trail() if event.record_id == session.id} >= {"update", "delete"}


def test_a_patient_is_deleted_only_as_the_clinician_was_shown_it(records: PatientRecords) -> None:
    """Seen by a clinic's tester: a plan version and a walk saved on another workstation while the window's "Delete
    patient?" question was open were deleted with the patient, unseen."""
    saved = records.save_plan(*example(name="Aoife Byrne"), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3), clinician="Dr B")  # meanwhile, elsewhere
    with pytest.raises(PatientChangedMeanwhile, match="1 plan version and 0 walks then, 1 plan version and 1 walk"):
        records.delete_patient(saved.patient_id, clinician="Dr A", as_shown=PatientHolding(1, 0))
    shown = PatientHolding(1, 1, walk.updated_at)
    corrected = records.edit_session(walk.id, log(3, minutes=12.0), clinician="Dr B")  # the same counts
    with pytest.raises(PatientChangedMeanwhile, match="a walk corrected, or one deleted and another added"):
        records.delete_patient(saved.patient_id, clinician="Dr A", as_shown=shown)
    assert len(records.sessions(saved.patient_id)) == 1 and records.plan_history(saved.patient_id)
    records.delete_patient(saved.patient_id, clinician="Dr A",  # asked again, as it is now
                           as_shown=PatientHolding(1, 1, corrected.updated_at))
    with pytest.raises(RecordNotFound):
        records.get_plan(saved.id)


def test_no_id_a_deleted_record_had_is_given_to_another(records: PatientRecords) -> None:
    """Seen in review: a deleted patient's patient 1 and plan 1 went to the next patient saved, and the audit read
    "create plan 1, delete patient 1, create plan 1" of two people; a deleted newest session's id came back too."""
    first = records.save_plan(*example(name="Dora Deleted"), clinician="Dr A")
    walk = records.add_session(first.patient_id, log(3), clinician="Dr A")
    records.delete_session(walk.id, clinician="Dr A")
    again = records.add_session(first.patient_id, log(4), clinician="Dr A")
    assert again.id != walk.id
    records.delete_patient(first.patient_id, clinician="Dr A")
    second = records.save_plan(*example(name="Paula Second"), clinician="Dr A")
    assert second.patient_id != first.patient_id and second.id != first.id
    assert records.add_session(second.patient_id, log(5), clinician="Dr A").id not in (walk.id, again.id)


def test_a_correction_against_a_session_changed_meanwhile_is_refused_with_both(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    read = records.add_session(saved.patient_id, log(3), clinician="Dr A")  # both clinicians read this
    theirs = records.edit_session(read.id, log(3, pain_during=5), clinician="Dr B", based_on=read.updated_at)
    with pytest.raises(ChangedMeanwhile) as caught:
        records.edit_session(read.id, log(3, pain_during=1), clinician="Dr A", based_on=read.updated_at)
    assert caught.value.theirs == theirs and caught.value.yours.pain_during == 1
    assert f"changed by {as_named(records, 'Dr B')} at" in str(caught.value)
    assert "pain during 1" in str(caught.value)
    assert records.get_session(read.id).pain_during == 5  # nothing overwritten unseen
    records.delete_session(read.id, clinician="Dr B")
    with pytest.raises(ChangedMeanwhile, match=re.escape(f"deleted by {as_named(records, 'Dr B')} meanwhile")):
        records.edit_session(read.id, log(3), clinician="Dr A", based_on=theirs.updated_at)


def test_two_clinicians_saving_one_patient_never_replace_each_other_unseen(records: PatientRecords) -> None:
    first = records.save_plan(*example(), clinician="Dr A")  # both clinicians open version 1
    theirs = records.save_plan(*example(weeks=8), clinician="Dr B", patient_id=first.patient_id, based_on=first.id)
    with pytest.raises(VersionSavedMeanwhile) as caught:
        records.save_plan(*example(weeks=10), clinician="Dr A", patient_id=first.patient_id, based_on=first.id)
    assert caught.value.theirs == theirs and "Weeks: 8 -> 10" in caught.value.differences()
    assert f"saved by {as_named(records, 'Dr B')}" in str(caught.value)
    assert "Yours is still on screen" in str(caught.value)
    assert "is newer than the version your changes were made from" in str(caught.value)  # not "after you opened it":
    assert "after you opened" not in str(caught.value)  # said too of an older version opened from Records later
    assert [v.version for v in records.plan_history(first.patient_id)] == [1, 2]
    mine = records.save_plan(*example(weeks=10), clinician="Dr A", patient_id=first.patient_id, based_on=theirs.id)
    assert mine.version == 3  # after seeing theirs, Dr A's plan becomes the newest


def test_next_morning_stiffness_is_kept_as_recorded_yes_no_or_not_recorded(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    stiffer = records.add_session(saved.patient_id, log(stiffer_next_morning=True), clinician="Dr A")
    unknown = records.add_session(saved.patient_id, log(day=4), clinician="Dr A")
    assert (stiffer.stiffer_next_morning, unknown.stiffer_next_morning) == (True, None)
    corrected = records.edit_session(stiffer.id, log(stiffer_next_morning=False), clinician="Dr A")
    assert corrected.stiffer_next_morning is False
    assert [s.stiffer_next_morning for s in records.sessions(saved.patient_id)] == [False, None]
    (event,) = [e for e in records.audit_trail() if e.action == "update" and e.record_type == "session"]
    assert event.before["stiffer_next_morning"] is True  # the audit keeps what it held


def test_a_session_week_must_be_a_week_of_its_plan(records: PatientRecords) -> None:
    saved = records.save_plan(*example(weeks=8), clinician="Dr A")
    with pytest.raises(ValueError, match="week"):
        records.add_session(saved.patient_id, log(week=9), clinician="Dr A")
    session = records.add_session(saved.patient_id, log(week=8), clinician="Dr A")
    with pytest.raises(ValueError, match="week"):
        records.edit_session(session.id, log(week=9), clinician="Dr A")
    with pytest.raises(RecordNotFound):
        records.add_session(424242, log(), clinician="Dr A")
    assert [entry.week for entry in records.sessions(saved.patient_id)] == [8]


def test_deleting_a_patient_takes_every_version_and_log(records: PatientRecords) -> None:
    saved = records.save_plan(*example(), clinician="Dr A")
    records.add_session(saved.patient_id, log(), clinician="Dr A")
    records.delete_patient(saved.patient_id, clinician="Dr A")
    assert records.count_patients() == 0
    with pytest.raises(RecordNotFound):
        records.get_plan(saved.id)
    assert "delete" in {event.action for event in records.audit_trail()}
