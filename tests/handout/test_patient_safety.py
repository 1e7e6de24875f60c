"""The patient's safety words: what the handout tells a patient to do, by condition (low blood sugar, a stroke's
signs, dysreflexia, feet, the pulse below T6, pain above the traffic light)."""

from __future__ import annotations

import pytest

from core.plan.engine import compute_plan
from core.plan.warnings import WarningCode
from core.scripts import FSI, PDI
from tests.handout.helpers import STUDIES, example, handout_for
from tests.plan.profiles import ETIOLOGIES


@pytest.mark.parametrize(("changes", "low_sugar"), [
    ({}, True),  # the example takes insulin
    ({"insulin_or_secretagogue": False, "diabetes": "type1"}, True),  # type 1 diabetes is treated with insulin
    ({"insulin_or_secretagogue": False, "diabetes": "type2"}, False),
])
def test_a_patient_on_insulin_is_told_what_to_do_for_low_blood_sugar(changes, low_sugar) -> None:
    """The stop section sent shaking, sweating and dizziness to 'sit down and rest', which does not mend low blood
    sugar; and a type 1 profile with the insulin box unticked got no blood-sugar advice at all."""
    profile = example("diabetic-neuropathy", **changes)
    plan = compute_plan(profile, STUDIES)
    handout = handout_for(profile)
    assert any(w.code == WarningCode.HYPOGLYCEMIA for w in plan.warnings) is low_sugar
    assert ("your blood sugar may be low" in handout.low_sugar and "Check again after 15 minutes" in handout.low_sugar
            ) is low_sugar
    # what "low" is (the walk-start threshold, 100 mg/dL, is not it), and a patient without a meter treats it as low
    words = " ".join(handout.low_sugar.replace(FSI, "").replace(PDI, "").split())  # unbroken, isolated: as read
    assert "If it is below 70 mg/dL (3.9 mmol/L), or you cannot check it, eat or drink something sugary" in words \
        or not low_sugar
    if low_sugar:
        caution = next(w.message for w in plan.warnings if w.code == WarningCode.HYPOGLYCEMIA)
        assert "below 70 mg/dL, take 15-20 g of glucose" in caution
        assert "with no way to check, treat it as low" in caution
    # beside the stop signs' "call an ambulance if it does not pass": which to follow when the sugar is not low
    assert ("If it is not low, rest, and call an ambulance if you do not feel better" in handout.low_sugar) is low_sugar
    assert any("Check your blood sugar before you walk" in line for line in handout.safety) is low_sugar


@pytest.mark.parametrize(("level", "rough"), [("T10", True), ("T7", True), ("T6", None), ("L2", True)])
def test_below_t6_the_patient_is_told_the_effort_scale_leads_and_the_pulse_is_a_rough_guide(level, rough) -> None:
    """The clinician was told the heart rate is a rough guide below T6; the patient was told only to keep it in
    range. At T6 and above the pulse is not used at all."""
    handout = handout_for(example("spinal-cord-injury", sci_level=level))
    if rough is None:
        assert handout.pulse == []
        return
    assert any("Go by the effort scale and the talk test first" in line for line in handout.pulse)


def test_the_rough_guide_line_is_only_for_spinal_cord_injury() -> None:
    for etiology in ETIOLOGIES:
        if etiology != "spinal-cord-injury":
            assert not any("rough guide" in line for line in handout_for(example(etiology)).pulse), etiology


@pytest.mark.parametrize(("usual", "green"), [(2, "0 to 3: safe. Keep going."),
                                              (6, "0 to 6: no more than your usual pain. Keep going."),
                                              (9, "0 to 9: no more than your usual pain. Keep going.")])
def test_green_above_the_traffic_light_is_the_patients_usual_pain_not_safe_pain(usual, green) -> None:
    """'0 to 9: safe' told a patient whose pain is usually 9 that 9 is safe; the model calls 0-3 safe."""
    assert handout_for(example("diabetic-neuropathy", pain_nrs=usual)).pain_green == green


@pytest.mark.parametrize(("etiology", "diabetes", "foot_care"), [
    ("diabetic-neuropathy", "type2", True), ("chemotherapy-neuropathy", "type2", True),
    ("chemotherapy-neuropathy", "none", False), ("post-stroke-pain", "type1", True)])
def test_every_patient_with_diabetes_is_told_to_check_their_feet(etiology, diabetes, foot_care) -> None:
    """A chemotherapy neuropathy with type 2 diabetes got no foot checks: only the diabetic etiology did."""
    changes = {"diabetes": diabetes, **({"known_disease": True} if diabetes != "none" else {})}
    plan = compute_plan(example(etiology, **changes), STUDIES)
    assert any(w.code == WarningCode.FOOT_CARE for w in plan.warnings) is foot_care


def test_the_stop_signs_name_a_strokes_speech_and_face_and_send_them_to_an_ambulance() -> None:
    """The ambulance rule is for a heart attack's or a stroke's signs (Powers 2019), but the list named only
    numbness, weakness and sight: not trouble speaking or a drooping face, which a post-stroke patient most needs."""
    handout = handout_for(example("post-stroke-pain"))
    assert "Trouble speaking, or one side of your face drooping" in handout.stop_signs
    assert "trouble speaking, a drooping face" in handout.stop_after[0]


def test_dysreflexia_says_what_to_do_and_when_to_call_an_ambulance() -> None:
    """'stop at once, sit up and get help' left out the first aid (loosen what is tight, check the bladder or
    catheter) and when to call for help."""
    handout = handout_for(example("spinal-cord-injury", sci_level="T4", resting_bp=(110, 70)))
    [point] = [line for line in handout.safety if "bladder" in line]
    assert "Loosen anything tight, and check your bladder or catheter" in point and "call an ambulance" in point
