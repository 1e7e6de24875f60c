"""A blood pressure's change between versions is written as blood pressures are (seen by a tester: the versions'
list said "Resting blood pressure (mmHg): 210, 115 -> 140, 85")."""

from __future__ import annotations

from core.plan.compare import profile_differences
from tests.storage.helpers import example


def test_a_blood_pressure_change_reads_systolic_over_diastolic() -> None:
    high, _ = example(resting_bp=(210, 115))
    treated, _ = example(resting_bp=(140, 85))
    assert profile_differences(high, treated) == ["Resting blood pressure (mmHg): 210/115 -> 140/85"]
    unknown, _ = example(resting_bp=None)
    assert profile_differences(unknown, treated) == ["Resting blood pressure (mmHg): none -> 140/85"]
