"""Which of the blood pressure's two numbers a problem is about is said by core.plan.profile.check_profile, for the
form to put the cursor in that box (the form chose it by reading the wording "the diastolic value" before)."""

from __future__ import annotations

import pytest

from core.plan.profile import check_profile
from tests.plan.test_profile import VALID


@pytest.mark.parametrize(("pressure", "part", "said"), [
    ((120, 300), "diastolic", "the diastolic value must be at most 200"),
    ((400, 80), "systolic", "the systolic value must be at most 300"),
    ((120, None), "diastolic", "the diastolic value is required"),
    ((None, 80), "systolic", "the systolic value is required"),
    ((120, "abc"), "diastolic", "the diastolic value must be a whole number"),
])
def test_the_number_a_blood_pressure_problem_is_about_is_named(pressure, part, said) -> None:
    profile, problems, parts = check_profile({**VALID, "resting_bp": pressure})
    assert profile is None and problems["resting_bp"].startswith(said)
    assert parts == {"resting_bp": part}


def test_a_problem_of_one_number_fields_names_no_part() -> None:
    profile, problems, parts = check_profile({**VALID, "resting_bp": (80, 120), "age": 300})
    assert profile is None and set(problems) == {"age", "resting_bp"} and parts == {}
    assert check_profile(VALID) == (check_profile(VALID).profile, {}, {})
