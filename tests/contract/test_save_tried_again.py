"""A save tried again under its first try's uid is not saved twice, by every engine. Seen in review: the connection to
the clinic server dropped after the server committed a new patient; the window said "not saved yet", and its try again
saved the patient a second time (a walk logged again, a second walk)."""

from __future__ import annotations

import pytest

from core.records.interface import PatientRecords
from tests.contract.test_patient_records import log, records  # noqa: F401 (the fixture: every engine)
from tests.storage.helpers import example


def test_a_new_patient_saved_again_under_the_same_uid_is_the_one_saved(records: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(name="Ada Brennan"), clinician="Dr A", uid="try-1")
    again = records.save_plan(*example(name="Ada Brennan"), clinician="Dr A", uid="try-1")
    assert again == first and first.uid == "try-1"
    assert [row.patient_name for row in records.list_plans()] == ["Ada Brennan"]
    assert [event.action for event in records.audit_trail()] == ["create"]


def test_what_was_typed_after_the_lost_answer_is_the_next_version_of_its_patient(
        records: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(name="Ada Brennan"), clinician="Dr A", uid="try-1", reason="first visit")
    later = records.save_plan(*example(name="Ada Brennan", weeks=10), clinician="Dr A", uid="try-1",
                              reason="first visit")
    assert (later.patient_id, later.version, later.profile.weeks) == (first.patient_id, 2, 10)
    assert later.uid != "try-1"
    assert records.save_plan(*example(name="Ada Brennan", weeks=10), clinician="Dr A", uid="try-1") == later
    assert len(records.list_plans()) == 1 and len(records.plan_history(first.patient_id)) == 2


def test_another_patients_uid_is_refused_by_name(records: PatientRecords) -> None:  # noqa: F811
    theirs = records.save_plan(*example(name="Ada Brennan"), clinician="Dr A", uid="try-1")
    mine = records.save_plan(*example(name="Bo Lindqvist"), clinician="Dr A")
    with pytest.raises(ValueError, match="^uid: try-1 is plan .* not of "):
        records.save_plan(*example(name="Bo Lindqvist", weeks=10), clinician="Dr A", patient_id=mine.patient_id,
                          uid="try-1")
    assert records.plan_history(theirs.patient_id) == [theirs] and records.plan_history(mine.patient_id) == [mine]


def test_a_walk_logged_again_under_the_same_uid_is_logged_once(records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(), clinician="Dr A")
    first = records.add_session(saved.patient_id, log(3), clinician="Dr A", uid="walk-1")
    assert records.add_session(saved.patient_id, log(3), clinician="Dr A", uid="walk-1") == first
    second = records.add_session(saved.patient_id, log(3), clinician="Dr A", uid="walk-2")  # two walks alike
    assert records.sessions(saved.patient_id) == [first, second]


def test_a_newer_version_the_clinician_was_told_of_is_what_the_try_again_is_based_on(
        records: PatientRecords) -> None:  # noqa: F811
    """Seen in review: based on the version its lost try saved, a save over another clinician's newer version was
    refused again and again, though the clinician had been told of it."""
    from core.records.models import VersionSavedMeanwhile

    first = records.save_plan(*example(name="Ada Brennan"), clinician="Dr A")
    landed = records.save_plan(*example(name="Ada Brennan", weeks=10), clinician="Dr A", patient_id=first.patient_id,
                               based_on=first.id, uid="try-2")
    theirs = records.save_plan(*example(name="Ada Brennan", weeks=8), clinician="Dr B", patient_id=first.patient_id,
                               based_on=landed.id)
    with pytest.raises(VersionSavedMeanwhile):  # typed on top of the lost try: told of theirs
        records.save_plan(*example(name="Ada Brennan", weeks=9), clinician="Dr A", patient_id=first.patient_id,
                          based_on=first.id, uid="try-2")
    mine = records.save_plan(*example(name="Ada Brennan", weeks=9), clinician="Dr A", patient_id=first.patient_id,
                             based_on=theirs.id, uid="try-2")  # saved over theirs, as asked
    assert (mine.version, mine.profile.weeks) == (4, 9)


def test_a_correction_tried_again_after_its_answer_was_lost_is_not_refused_as_someone_elses(
        records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3), clinician="Dr A")
    corrected = records.edit_session(walk.id, log(3, pain_during=5), clinician="Dr A", based_on=walk.updated_at)
    assert records.edit_session(walk.id, log(3, pain_during=5), clinician="Dr A", based_on=walk.updated_at) == corrected
