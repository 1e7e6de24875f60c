"""A paper diary of walks before the course began stays under one version, whatever was saved that day meanwhile
(seen by a clinic's tester: a diary's walks went under versions 1, 2 and 4 by when each was typed in or corrected, and
the course read them as weeks stopped by screening). Run for every engine."""

from __future__ import annotations

import datetime as dt

from core.records.interface import PatientRecords
from tests.contract.test_patient_records import log, records  # noqa: F401 (the fixture)
from tests.storage.helpers import example


def walked(days_ago: int, week: int = 1, **changes):
    return log(week=week, **changes).model_copy(update={"date": dt.date.today() - dt.timedelta(days=days_ago)})


def test_the_diary_stays_under_the_version_of_its_first_walk(records: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(), clinician="Dr A")
    diary = records.add_session(first.patient_id, walked(10), clinician="Dr A")
    assert diary.plan_id == first.id
    second = records.save_plan(*example(weeks=8), clinician="Dr A", patient_id=first.patient_id)  # the same day
    later = records.add_session(first.patient_id, walked(5, week=2), clinician="Dr A")
    assert later.plan_id == first.id  # with the diary, not under version 2
    moved = records.edit_session(later.id, walked(6, week=2), clinician="Dr B")  # a date corrected within the diary
    assert moved.plan_id == first.id
    today = records.add_session(first.patient_id, walked(0, week=2), clinician="Dr A")
    assert today.plan_id == second.id  # in force today
    alone = records.edit_session(diary.id, walked(9), clinician="Dr B")  # the diary's first walk, corrected
    assert alone.plan_id == first.id  # with the diary's other walk


def test_a_diary_walk_goes_with_the_walk_dated_nearest_before_it(records: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(), clinician="Dr A")
    second = records.save_plan(*example(weeks=8), clinician="Dr A", patient_id=first.patient_id)
    records.add_session(first.patient_id, walked(9), clinician="Dr A", plan_id=first.id)  # each chosen on purpose
    records.add_session(first.patient_id, walked(3, week=2), clinician="Dr A", plan_id=second.id)
    assert records.add_session(first.patient_id, walked(1, week=2), clinician="Dr A").plan_id == second.id
    assert records.add_session(first.patient_id, walked(6), clinician="Dr A").plan_id == first.id
    assert records.add_session(first.patient_id, walked(12), clinician="Dr A").plan_id == first.id  # before them all
