"""Whatever a profile file holds, the answer is a plan or one plain line per problem: never a traceback."""

from __future__ import annotations

import json
import math
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.plan.profile import MAX_PROFILE_BYTES, PatientProfile, ProfileError, parse_profile

FIELDS = list(PatientProfile.model_fields)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
VALID = {"name": "Test", "age": 50, "resting_hr": 70, "etiology": "diabetic-neuropathy", "diabetes": "type2",
         "known_disease": True, "baseline_walk_min": 10,
         "pain_nrs": 3}


def check_answer(text: str | bytes, extra_keys: tuple = ()) -> None:
    try:
        profile = parse_profile(text)
    except ProfileError as error:
        assert error.problems, "a refusal must say why"
        for line in error.problems:
            assert "\n" not in line and "Traceback" not in line
            field = re.split(r"[., (]", line.split(":", 1)[0])[0]  # "contraindications, item 2", "resting_bp (systolic)"
            named = (*FIELDS, "profile", *extra_keys, *(json.dumps(k) for k in extra_keys))
            assert field in named, line  # every line names a field, or the file
        return
    assert isinstance(profile, PatientProfile)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.dictionaries(st.sampled_from(FIELDS + ["weight_kg", "", "__class__"]), JSON_VALUES, max_size=6),
       drop=st.lists(st.sampled_from(list(VALID)), max_size=3))
def test_any_field_values(changes, drop) -> None:
    data = {k: v for k, v in {**VALID, **changes}.items() if k not in drop}
    check_answer(json.dumps(data, allow_nan=True), tuple(k for k in data if k not in FIELDS))


@settings(max_examples=200, deadline=None)
@given(name=st.text(min_size=0, max_size=200))
def test_names_in_any_script_with_control_rtl_and_combining_characters(name) -> None:
    check_answer(json.dumps({**VALID, "name": name}))


@settings(max_examples=100, deadline=None)
@given(blob=st.binary(max_size=2000))
def test_arbitrary_bytes(blob) -> None:
    check_answer(blob)


def test_the_hard_cases() -> None:
    for text in ["", " ", "null", "[]", "{}", '{"age": NaN}', '{"age": Infinity}', "[" * 100_000 + "]" * 100_000,
                 json.dumps({**VALID, "name": "x" * 10_000_000}), json.dumps({**VALID, "age": 10**400}),
                 json.dumps({**VALID, "name": "\u202eevil\u202c \u0301\u0301 שלום مرحبا"}),
                 json.dumps({**VALID, "name": "a\x00b"}), "\ufeff" + json.dumps(VALID), b"\xff\xfe\x00\x00"]:
        check_answer(text)
    assert len(json.dumps({**VALID, "name": "x" * 10_000_000})) > MAX_PROFILE_BYTES
    assert not math.isnan(parse_profile(json.dumps(VALID)).baseline_walk_min)
