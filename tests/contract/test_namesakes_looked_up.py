"""The look-up before a new patient is saved (PatientRecords.namesakes) finds every patient of the name, by every
engine, as the save's own check does. Seen in review: the look-up listed the first 50 patients whose names contain
the typed one and compared those, so a namesake behind 50 longer names was not asked about."""

from __future__ import annotations

from core.records.interface import PatientRecords
from tests.contract.test_patient_records import records  # noqa: F401 (the fixture: every engine)
from tests.storage.helpers import example


def test_a_namesake_behind_many_longer_names_is_found(records: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(name="Ann Lee"), clinician="Dr A")
    for number in range(55):  # saved after her, so listed before her
        records.save_plan(*example(name=f"Ann Lee-Smith {number}"), clinician="Dr A")
    assert records.namesakes("ann  LEE ", besides=0) == [first.patient_id]


def test_namesakes_are_newest_first_and_leave_out_the_patient_named(records: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(name="Ann O'Neill"), clinician="Dr A")
    second = records.save_plan(*example(name="ANN ONEILL"), clinician="Dr A")
    records.save_plan(*example(name="Ann O'Neil"), clinician="Dr A")
    assert records.namesakes("ann o’neill", besides=0) == [second.patient_id, first.patient_id]
    assert records.namesakes("Ann O'Neill", besides=second.patient_id) == [first.patient_id]
    assert records.namesakes("Bea Ray", besides=0) == []
