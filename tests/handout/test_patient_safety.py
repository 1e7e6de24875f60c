"""The patient's safety words: what the handout tells a patient to do, by condition (low blood sugar, a stroke's
signs, dysreflexia, feet, the pulse below T6, pain above the traffic light)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.handout.build import build_handout
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
    steps = [" ".join(step.replace(FSI, "").replace(PDI, "").split()) for step in handout.low_sugar_steps]  # as read
    signs = "If you feel shaky, sweaty, dizzy or confused, your blood sugar may be low."
    assert (handout.low_sugar == signs) is low_sugar
    # numbered steps, one sentence each (seen in review: one bold paragraph of six sentences)
    assert (steps[0] == "Stop walking, sit down and check your blood sugar." and
            steps[2] == "Check again after 15 minutes, and take more sugar if it is still low.") if low_sugar else \
        steps == []
    # what "low" is (the walk-start threshold, 100 mg/dL, is not it), and a patient without a meter treats it as low
    words = " ".join(steps)
    assert ("If it is below 70 mg/dL (3.9 mmol/L), or you cannot check it, eat or drink 15 grams of quick sugar, "
            "such as 4 glucose tablets or half a cup (120 ml) of fruit juice." in words) is low_sugar  # how much: seen
    # in review, "something sugary" where the clinician's caution says 15-20 g
    if low_sugar:
        caution = next(w.message for w in plan.warnings if w.code == WarningCode.HYPOGLYCEMIA)
        assert "below 70 mg/dL (3.9 mmol/L), take 15-20 g of glucose" in caution  # both units, as the handout
        assert "before walking: below 100 mg/dL (5.6 mmol/L) take carbohydrate first; above 250 mg/dL (13.9 mmol/L) " \
               "check ketones" in caution
        assert "with no way to check, treat it as low" in caution
        assert ("if it does not respond (still low at the check after a second dose, or still unwell after 15 "
                "minutes with no way to check), more sugar and medical help at once (Mayo Clinic") in caution
    # with no meter, "take more sugar if it is still low" could not be followed: feeling unwell is the sign
    # and a meter that keeps reading low had no end: low blood sugar that does not respond needs help at once
    assert ("If it is still low at the next check, or you cannot check it and still feel unwell after 15 minutes, "
            "take more sugar and get medical help at once." in words) is low_sugar
    # beside the stop signs' "call an ambulance if it does not pass": which to follow when the sugar is not low
    assert (handout.low_sugar_not_low == "If your blood sugar is not low, rest, and call an ambulance if you do not "
                                         "feel better in a few minutes.") is low_sugar
    assert any("Check your blood sugar before you walk" in line for line in handout.safety) is low_sugar


@pytest.mark.parametrize(("changes", "told"), [({}, True), ({"insulin_or_secretagogue": False}, False)])
def test_after_low_blood_sugar_the_patient_is_told_when_to_walk_again(changes, told) -> None:
    """The steps said what to do for low blood sugar, not whether to go on walking: again only at the walk-start
    level the plan's settings give (here 120 mg/dL, set by the clinic), feeling well."""
    from core.plan.engine import PlanOptions
    from core.storage.library_sync import shipped_etiology_entry

    profile = example("diabetic-neuropathy", **changes)
    plan = compute_plan(profile, STUDIES, PlanOptions(glucose_low_mg_dl=120))
    def handout(language: str):
        return build_handout(profile, plan, STUDIES, clinician="Dr Grace Okafor", clinic="Riverside Rehab",
                             phone="555 0100", date=dt.date(2026, 12, 4), paper="a4", units="metric",
                             etiology=shipped_etiology_entry(profile.etiology), language=language)

    handout, spanish = handout("en"), handout("es")
    words = " ".join(handout.low_sugar_walk_again.replace(FSI, "").replace(PDI, "").split())
    assert (words == "After low blood sugar, walk again only when your blood sugar is 120 mg/dL (6.7 mmol/L) or more "
                     "and you feel well. If someone had to help you treat it, do not walk for 24 hours, and tell your "
                     "diabetes team.") is told
    read = " ".join(" ".join(handout.patient_texts()).replace(FSI, "").replace(PDI, "").split())
    assert (bool(words) and words in read) is told
    caution = [w.message for w in plan.warnings if w.code == WarningCode.HYPOGLYCEMIA]
    assert (bool(caution) and "a walk again only at 120 mg/dL (6.7 mmol/L) or more, feeling well (Mayo Clinic, "
            "Diabetes and exercise" in caution[0] and "none for 24 hours after a low that someone else had to help "
            "treat (Turner G et al. 2019" in caution[0]) is told
    assert ("vuelva a caminar solo cuando" in spanish.low_sugar_walk_again) is told


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
    assert "Sudden trouble speaking, or one side of your face suddenly drooping" in handout.ambulance_signs


def test_dysreflexia_says_what_to_do_and_when_to_call_an_ambulance() -> None:
    """'stop at once, sit up and get help' left out the first aid (loosen what is tight, check the bladder or
    catheter) and when to call for help."""
    handout = handout_for(example("spinal-cord-injury", sci_level="T4", resting_bp=(110, 70)))
    [point] = [line for line in handout.safety if "bladder" in line]
    assert "Loosen anything tight, and check your bladder or catheter" in point and "call an ambulance" in point


def test_the_talk_test_and_the_stop_signs_give_one_answer_for_breathlessness() -> None:
    """'If you cannot talk, slow down.' on one page and 'So out of breath that you cannot talk: stop walking at
    once' on the next: two answers for one sign. A few words at a time is vigorous (CDC): slow down."""
    handout = handout_for(example("diabetic-neuropathy"))
    assert "If you can say only a few words, slow down." in handout.talk_test
    assert not any("cannot talk" in line for line in handout.talk_test)
    assert "So out of breath that you cannot talk" in handout.stop_signs


@pytest.mark.parametrize(("name", "chest"), [
    ("trigeminal-neuropathy", "Pain, pressure or tightness in your chest, neck or arm, or pain in your jaw that is not "
                              "like your usual face pain"),
    ("diabetic-neuropathy", "Pain, pressure or tightness in your chest, neck, jaw or arm"),
])
def test_a_stop_sign_is_a_change_from_what_the_patient_lives_with(name, chest) -> None:
    """Jaw pain sent a patient with trigeminal neuropathy, whose jaw hurts every day, to an ambulance; lasting
    trouble speaking after a stroke, or MS blurring brought back by heat, read as the sudden signs of a stroke."""
    handout = handout_for(example(name))
    # the ambulance list says "sudden" of the face as well (it read "sudden trouble speaking or a drooping face")
    assert handout.ambulance_signs[0] == chest and handout.ambulance_signs[-2:] == [
        "Sudden trouble speaking, or one side of your face suddenly drooping",
        "Sudden trouble seeing that is new for you"]


@pytest.mark.parametrize(("days", "rest"), [
    ((3,), "Rest on the days between your walks."),
    ((3, 4), "Spread your walks over the week. Rest on the days you do not walk."),
    ((5, 7), "Spread your walks over the week. Rest on the days you do not walk."),
    ((7,), None),
])
def test_rest_days_between_walks_only_where_every_week_leaves_them(days, rest) -> None:
    """'Rest on the days between your walks' beside weeks of 4 or 5 walks: some walks fall on days in a row."""
    profile = example("peripheral-nerve-injury")
    plan = compute_plan(profile, STUDIES)
    weeks = [week.model_copy(update={"sessions": days[i % len(days)]}) for i, week in enumerate(plan.weeks)]
    handout = build_handout(profile, plan.model_copy(update={"weeks": weeks}), STUDIES, clinician="", clinic="",
                            phone="", date=dt.date(2026, 12, 2), paper="a4", units="metric")
    said = [line for line in handout.intro if line.startswith(("Rest", "Spread"))]
    assert said == ([rest] if rest else [])


def test_usual_pain_0_asks_for_the_pain_to_be_gone_by_the_morning() -> None:
    """'back to your usual level (0 or less)' read oddly; with no usual pain, any next-morning pain is the sign."""
    handout = handout_for(example("diabetic-neuropathy", pain_nrs=0))
    assert handout.pain_morning == ["Any pain from walking should be gone by the next morning.",
                                    "If you have pain the next morning, or you are stiffer than usual, go back to "
                                    "the week before in your plan.",
                                    ("But if you are in week 1, or the week before in your plan has the same walks as "
                                     "this week, walk this week again instead, more slowly."),
                                    # its week 3 walks week 2's walks at moderate effort (test_eased_week_said.py)
                                    ("If you walk this week again and the week before is a light week, walk only "
                                     "as hard as your table says for that light week.")]


def test_a_range_too_narrow_to_count_tells_the_patient_why_the_pulse_is_no_guide() -> None:
    """Seen in review: a peak of 95 and a resting pulse of 80 printed "So do not use your pulse to judge your
    effort" with nothing before it: none of the health reasons applied."""
    narrow = handout_for(example("peripheral-nerve-injury", measured_hr_max=95, resting_hr=80))
    assert narrow.uses_heart_rate is False and narrow.no_pulse == [
        "Your pulse goes up only a little when you exercise: too little to count a target by hand.",
        "So do not use your pulse to judge your effort: go by the effort scale and the talk test."]


@pytest.mark.parametrize("changes", [{"beta_blocker": True}, {"measured_hr_max": 95, "resting_hr": 80}])
def test_a_patient_whose_pulse_cannot_guide_is_told_so_once(changes) -> None:
    """Seen in review: the effort section's "So do not use your pulse to judge your effort: go by the effort scale and
    the talk test." and, two pages on, the safety points' "Your pulse is not a good guide for you. Use the effort
    scale and the talk test." The effort section says it, with the reason."""
    handout = handout_for(example("post-stroke-pain", **changes))
    assert handout.uses_heart_rate is False and handout.no_pulse[-1] == (
        "So do not use your pulse to judge your effort: go by the effort scale and the talk test.")
    assert not [line for line in handout.safety if "pulse" in line or "talk test" in line]
    assert handout.safety  # the safety points themselves are still there (the harness, after a stroke)


@pytest.mark.parametrize(("units", "language", "cup"), [
    ("metric", "en", "half a cup (120\u00a0ml)"), ("imperial", "en", "half a cup (4\u00a0ounces)"),
    ("imperial", "es", "media taza (4\u00a0onzas)")])
def test_the_juice_for_low_blood_sugar_is_measured_in_the_handouts_units(units, language, cup) -> None:
    """Seen in review: "half a cup (120 ml)" on a handout whose speeds are in mph."""
    handout = handout_for(example("diabetic-neuropathy"), units=units, language=language)
    assert cup in handout.low_sugar_steps[1]
