"""A profile cannot contradict what its etiology or a condition implies (core/plan/implications.py):
each row of the one table is refused naming its field, set by the window, and honoured by screening."""

from __future__ import annotations

import json

import pytest

from core.plan.implications import (IMPLICATIONS, IMPLIED_FIELDS, IMPLYING_FIELDS, allowed_values, contradictions,
                                    implied_changes, reasons_for)
from core.plan.intensity import plan_intensity
from core.plan.profile import PatientProfile, ProfileError, parse_profile, stored_profile
from core.plan.screening import has_known_disease, screen
from tests.plan.profiles import profile

BASE = {"name": "Test Patient", "age": 60, "resting_hr": 70, "etiology": "peripheral-nerve-injury",
        "baseline_walk_min": 10, "pain_nrs": 4}


def refused(**changes) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(json.dumps({**BASE, **changes}))
    return caught.value.problems


def test_diabetic_neuropathy_without_diabetes_is_refused_naming_diabetes_and_why() -> None:
    [line] = refused(etiology="diabetic-neuropathy", diabetes="none")
    assert line.startswith("diabetes: does not fit etiology = diabetic-neuropathy")
    assert "caused by diabetes" in line and line.endswith('allowed here: "type1" or "type2"')
    # left out of the file: required, not "does not fit" (seen in review)
    [left_out] = refused(etiology="diabetic-neuropathy")
    assert left_out.startswith("diabetes: is required with etiology = diabetic-neuropathy")
    assert "allowed here" in left_out


@pytest.mark.parametrize("implication", IMPLICATIONS, ids=lambda i: f"{i.when}->{i.field}")
def test_every_row_refuses_its_contradiction_and_the_window_default_mends_it(implication) -> None:
    trigger = sorted(implication.values, key=str)[0]
    wrong = {None: "T4", True: False}.get(next(iter(implication.allowed or {None})), "none")
    data = {**BASE, implication.when: trigger, implication.field: None if implication.allowed is None else wrong}
    if implication.when == "etiology" and trigger == "spinal-cord-injury" and implication.field != "sci_level":
        data["sci_level"] = "T10"
    assert any(line.startswith(f"{implication.field}: ") for line in contradictions(data))
    mended = {**data, **implied_changes(data)}
    if implication.allowed is None:  # required, with nothing to guess: the clinician fills it in
        mended[implication.field] = "T10"
    assert PatientProfile.model_validate(mended)


def test_implied_values_follow_each_other() -> None:
    data = {**BASE, "insulin_or_secretagogue": True}
    assert implied_changes(data) == {"diabetes": "type2", "known_disease": True}


def test_the_window_can_see_which_values_are_allowed() -> None:
    assert allowed_values({**BASE, "etiology": "diabetic-neuropathy"}, "diabetes") == {"type1", "type2"}
    assert allowed_values({**BASE, "etiology": "multiple-sclerosis-pain"}, "sci_level") == {None}
    assert allowed_values(BASE, "diabetes") is None


def test_a_spinal_cord_level_belongs_only_to_spinal_cord_injury() -> None:
    [line] = refused(etiology="multiple-sclerosis-pain", sci_level="T4")
    assert line.startswith("sci_level: does not fit etiology = multiple-sclerosis-pain")
    [line] = refused(etiology="spinal-cord-injury")
    assert line.startswith("sci_level: is required with etiology = spinal-cord-injury")


def test_a_record_saved_before_a_rule_still_opens_and_is_screened_as_the_rule_says() -> None:
    saved = json.dumps({**BASE, "etiology": "diabetic-neuropathy", "diabetes": "none"})
    record = stored_profile(saved)
    assert record.diabetes == "none"  # kept exactly as saved; the form names the problem before a new save
    assert has_known_disease(record) and screen(record).clearance_recommended  # metabolic disease all the same
    record = stored_profile(json.dumps({**BASE, "diabetes": "type2", "known_disease": False}))
    assert has_known_disease(record) and screen(record).clearance_recommended


@pytest.mark.parametrize("condition", ["atrial_fibrillation", "pacemaker_or_icd", "heart_transplant"])
def test_heart_conditions_are_known_heart_disease_for_screening(condition) -> None:
    assert refused(**{condition: True})[0].startswith("known_disease: is required with")  # left out of the file
    assert refused(**{condition: True, "known_disease": False})[0].startswith("known_disease: does not fit")
    assert screen(profile(**{condition: True})).clearance_recommended


def test_stroke_is_cerebrovascular_disease_for_screening() -> None:
    assert refused(etiology="post-stroke-pain", known_disease=False)[0].startswith(
        "known_disease: does not fit etiology = post-stroke-pain")


def test_heart_transplant_sets_intensity_by_effort_and_says_why() -> None:
    intensity = plan_intensity(profile(heart_transplant=True))
    assert intensity.method == "rpe" and intensity.target_hr is None and intensity.rpe == (12, 13)
    assert "transplanted heart" in intensity.method_reason and "talk test" in intensity.method_reason
    assert any(source.doi == "10.5500/wjt.v3.i4.78" for source in intensity.sources)


def test_atrial_fibrillation_keeps_moderate_rpe_inside_the_advised_range_and_says_so() -> None:
    intensity = plan_intensity(profile(atrial_fibrillation=True))
    assert intensity.rpe == (12, 13) and "RPE 11-14" in intensity.method_reason and "Keteyian" in intensity.method_reason


def test_a_saved_record_is_screened_through_every_step_of_the_table() -> None:
    record = stored_profile(json.dumps({**BASE, "insulin_or_secretagogue": True, "diabetes": "none"}))
    assert has_known_disease(record) and screen(record).clearance_recommended  # insulin -> diabetes -> disease


def test_the_reasons_a_field_is_implied_are_given_once_each_in_table_order() -> None:
    diabetic = {"etiology": "diabetic-neuropathy", "diabetes": "type2", "insulin_or_secretagogue": True}
    assert reasons_for(diabetic, "diabetes") == ["painful diabetic neuropathy is nerve damage caused by diabetes",
                                                 "insulin and insulin secretagogues are diabetes medicines"]
    assert len(reasons_for(diabetic, "known_disease")) == 2  # diabetes, and the etiology that means it
    sci = {"etiology": "spinal-cord-injury"}
    assert reasons_for(sci, "sci_level") and not reasons_for(sci, "sci_level", limiting=True)  # asked for, any level
    assert reasons_for({"etiology": "multiple-sclerosis"}, "diabetes") == []
    assert IMPLIED_FIELDS[0] == "diabetes" and len(set(IMPLIED_FIELDS)) == len(IMPLIED_FIELDS)
    assert set(IMPLYING_FIELDS) == {i.when for i in IMPLICATIONS}
    assert set(IMPLIED_FIELDS) == {i.field for i in IMPLICATIONS}
