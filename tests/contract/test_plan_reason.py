"""Why a plan version was saved (``reason``, m016), kept with it by every engine. Seen in review: a course of
several versions recorded what changed between them, never why, which the next clinician had to guess."""

from __future__ import annotations

import pytest

from core.records.interface import PatientRecords
from core.records.models import REASON_MAX_LENGTH
from tests.contract.test_patient_records import records  # noqa: F401 (the fixture: every engine)
from tests.storage.helpers import example


def test_each_version_keeps_the_reason_it_was_saved_with(records: PatientRecords) -> None:  # noqa: F811
    profile, plan = example()
    first = records.save_plan(profile, plan, clinician="Dr A", reason="  First assessment  ")
    shorter, shorter_plan = example(weeks=8)
    second = records.save_plan(shorter, shorter_plan, clinician="Dr A", patient_id=first.patient_id,
                               reason="Pain 7/10 after week 2 walks: eight weeks, reviewed sooner")
    third, third_plan = example(weeks=10)
    records.save_plan(third, third_plan, clinician="Dr A", patient_id=first.patient_id)
    assert [v.reason for v in records.plan_history(first.patient_id)] == [
        "First assessment", "Pain 7/10 after week 2 walks: eight weeks, reviewed sooner", ""]
    assert records.get_plan(second.id).reason == "Pain 7/10 after week 2 walks: eight weeks, reviewed sooner"
    assert records.latest_version(first.patient_id).reason == ""


def test_a_reason_without_a_change_saves_nothing_and_changes_no_version(records: PatientRecords) -> None:  # noqa: F811
    profile, plan = example()
    first = records.save_plan(profile, plan, clinician="Dr A", reason="First assessment")
    again = records.save_plan(profile, plan, clinician="Dr A", patient_id=first.patient_id, reason="Reviewed")
    assert again.id == first.id
    assert [v.reason for v in records.plan_history(first.patient_id)] == ["First assessment"]


@pytest.mark.parametrize("reason, said", [
    ("pain\tflare", "reason: must not contain control characters"),
    ("fall\u202eat home", "reason: must not contain right-to-left or left-to-right override characters"),
    ("x" * (REASON_MAX_LENGTH + 1), f"reason: at most {REASON_MAX_LENGTH} characters"),
])
def test_a_reason_that_cannot_be_kept_is_refused_by_name_and_nothing_is_saved(
        records: PatientRecords, reason: str, said: str) -> None:  # noqa: F811
    profile, plan = example()
    first = records.save_plan(profile, plan, clinician="Dr A")
    shorter, shorter_plan = example(weeks=8)
    with pytest.raises(ValueError, match=said):
        records.save_plan(shorter, shorter_plan, clinician="Dr A", patient_id=first.patient_id, reason=reason)
    assert [v.version for v in records.plan_history(first.patient_id)] == [1]
