"""Profile validation: every problem names the field and what is allowed, never echoing the value."""

from __future__ import annotations

import json

import pytest

from core.plan.profile import ProfileError, parse_profile

VALID = {"name": "Ærøskøbing Müller-Łukasz 王芳 Олена", "age": 50, "resting_hr": 70, "etiology": "diabetic-neuropathy",
         "diabetes": "type2", "known_disease": True, "baseline_walk_min": 10, "pain_nrs": 3}


def problems(**changes) -> list[str]:
    data = {**VALID, **changes}
    data = {k: v for k, v in data.items() if v is not ...}
    with pytest.raises(ProfileError) as caught:
        parse_profile(json.dumps(data))
    return caught.value.problems


def test_a_valid_profile_in_any_script_parses() -> None:
    profile = parse_profile(json.dumps(VALID))
    assert profile.name == VALID["name"] and profile.weeks == 12 and profile.max_sessions_per_week == 5


@pytest.mark.parametrize(
    ("changes", "expected_start", "allowed"),
    [
        ({"age": 17}, "age:", "from 18 to 100"),
        ({"age": 101}, "age:", "from 18 to 100"),
        ({"age": "40"}, "age:", "from 18 to 100"),  # strings are not numbers
        ({"resting_hr": 34}, "resting_hr:", "35 to 120"),
        ({"measured_hr_max": 221}, "measured_hr_max:", "80 to 220"),
        ({"baseline_walk_min": 121}, "baseline_walk_min:", "0 to 120"),
        ({"comfortable_speed_kmh": 0.4}, "comfortable_speed_kmh:", "0.5 to 8"),
        ({"pain_nrs": 11}, "pain_nrs:", "0 to 10"),
        ({"weeks": 3}, "weeks:", "4 to 26"),
        ({"max_sessions_per_week": 8}, "max_sessions_per_week:", "2 to 7"),
        ({"etiology": "gout"}, "etiology:", "spinal-cord-injury"),
        ({"sex": "f"}, "sex:", '"female"'),
        ({"diabetes": "yes"}, "diabetes:", '"type1"'),
        ({"beta_blocker": "yes"}, "beta_blocker:", "true or false"),
        ({"contraindications": ["cold"]}, "contraindications.0:", "acute-mi"),
        ({"resting_bp": [120]}, "resting_bp.1:", "[systolic, diastolic]"),
        ({"name": ""}, "name:", "1 to 120 characters"),
        ({"name": "x" * 121}, "name:", "1 to 120 characters"),
        ({"name": "Ann\nSmith"}, "name:", "1 to 120 characters"),
        ({"age": ...}, "age: is required", "from 18 to 100"),
    ],
)
def test_each_problem_names_the_field_and_the_allowed_values(changes, expected_start, allowed) -> None:
    found = problems(**changes)
    assert len(found) == 1, found
    assert found[0].startswith(expected_start) and allowed in found[0], found


def test_cross_field_rules() -> None:
    assert problems(etiology="spinal-cord-injury")[0].startswith("sci_level: is required")
    assert problems(etiology="spinal-cord-injury", sci_level="T13")[0].startswith("sci_level:")
    assert problems(measured_hr_max=80, resting_hr=90)[0].startswith("measured_hr_max: must be above the resting")
    assert problems(resting_bp=[80, 90])[0].startswith("resting_bp: the systolic value must be above")


def test_unknown_fields_are_refused_by_name() -> None:
    assert problems(weight_kg=80)[0].startswith("weight_kg: is not a profile field")


def test_problems_never_echo_the_value() -> None:
    found = problems(age="Zofia Kowalczyk", name=123)
    assert found and not any("Kowalczyk" in line for line in found)


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", "\x00\xff", "[" * 10000])
def test_unreadable_files_give_one_plain_line(text) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text)
    assert caught.value.problems and all(line.startswith(("profile:", "age:")) for line in caught.value.problems)


def test_nan_and_infinity_are_refused() -> None:
    assert problems(baseline_walk_min=float("inf"))[0].startswith("baseline_walk_min:")
