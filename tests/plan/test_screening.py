"""Every screening path of the ACSM 2015 table, and every reason a plan is blocked."""

from __future__ import annotations

import pytest

from core.plan.screening import screen
from tests.plan.profiles import profile


def codes(result) -> list[str]:
    return [reason.code for reason in result.block_reasons]


@pytest.mark.parametrize(
    ("active", "disease", "symptoms", "clearance_recommended"),
    [
        (False, False, False, False),  # no clearance needed; start light to moderate
        (False, True, False, True),  # known disease: clearance recommended
        (False, False, True, True),  # signs or symptoms: clearance recommended
        (False, True, True, True),
        (True, False, False, False),  # active, healthy
        (True, True, False, False),  # active with known disease: none needed for moderate
        (True, False, True, True),  # active with symptoms: stop and seek clearance
        (True, True, True, True),
    ],
)
def test_acsm_2015_table(active, disease, symptoms, clearance_recommended) -> None:
    not_cleared = screen(profile(currently_active=active, known_disease=disease, symptoms=symptoms))
    assert not_cleared.clearance_recommended is clearance_recommended
    assert ("medical-clearance" in codes(not_cleared)) is clearance_recommended
    assert not_cleared.blocked is clearance_recommended
    cleared = screen(profile(currently_active=active, known_disease=disease, symptoms=symptoms, medical_clearance=True))
    assert cleared.blocked is False and cleared.clearance_documented


def test_active_with_symptoms_says_stop_and_seek_clearance() -> None:
    result = screen(profile(currently_active=True, symptoms=True))
    assert "stop exercising" in result.acsm_row and result.blocked


def test_diabetes_counts_as_metabolic_disease_and_shows_the_ada_view() -> None:
    result = screen(profile(diabetes="type2"))
    assert result.clearance_recommended and result.blocked
    assert "ADA" in result.ada_note and "ACSM" in result.ada_note
    assert screen(profile()).ada_note is None
    # where both views agree there is nothing to set beside ACSM's: active without symptoms (no clearance), or
    # symptoms (clearance in both)
    assert screen(profile(diabetes="type2", currently_active=True)).ada_note is None
    assert screen(profile(diabetes="type2", symptoms=True)).ada_note is None
    assert screen(profile(diabetes="type2", resting_hr=110)).ada_note is None  # a sign, tachycardia, unticked


@pytest.mark.parametrize("item", ["acute-mi", "unstable-angina", "uncontrolled-arrhythmia", "severe-aortic-stenosis",
                                  "uncontrolled-heart-failure", "acute-pulmonary-embolism", "acute-myocarditis",
                                  "aortic-dissection"])
def test_absolute_contraindications_block_even_with_clearance(item) -> None:
    result = screen(profile(contraindications=[item], medical_clearance=True))
    assert result.blocked and codes(result) == [f"contraindication-{item}"]
    assert result.block_reasons[0].unblock


@pytest.mark.parametrize("active", [False, True])
def test_a_contraindication_is_known_disease_not_no_clearance_needed(active) -> None:
    """The ACSM row said 'no disease, no symptoms: no clearance needed' beside an acute myocardial infarction."""
    result = screen(profile(currently_active=active, contraindications=["acute-mi"]))
    assert "no known" not in result.acsm_row and "known cardiovascular, metabolic or renal disease" in result.acsm_row
    assert "absolute contraindication is recorded, so exercise waits" in result.acsm_row
    assert result.blocked and codes(result)[0] == "contraindication-acute-mi"


@pytest.mark.parametrize(("bp", "blocked"), [((200, 110), False), ((201, 100), True), ((180, 111), True), ((120, 80), False)])
def test_resting_blood_pressure_above_200_110_blocks(bp, blocked) -> None:
    result = screen(profile(resting_bp=bp))
    assert ("resting-bp" in codes(result)) is blocked


@pytest.mark.parametrize(("bp", "clearance"), [((200, 110), True), ((160, 80), True), ((150, 100), True),
                                               ((159, 99), False), ((201, 90), True), ((150, 111), True)])
@pytest.mark.parametrize("active", [False, True])
def test_stage_2_blood_pressure_asks_for_clearance_first(bp, clearance, active) -> None:
    """Seen in testing: "Medical clearance: not needed" beside 200/110 mmHg, under a position stand (Pescatello 2004)
    that asks for a physician's clearance before exercise with severe or uncontrolled blood pressure. Seen in review
    since: above the limit too, where the pressure blocks the plan itself ("not needed" beside 205/100, whose recheck
    to 195/100 then waited for a clearance no step had named)."""
    result = screen(profile(resting_bp=bp, currently_active=active))
    assert result.clearance_recommended is clearance and ("medical-clearance" in codes(result)) is clearance
    assert ("stage 2 hypertension" in result.acsm_row) is clearance
    if clearance:
        assert f"{bp[0]}/{bp[1]} mmHg" in result.acsm_row and "Pescatello 2004" in result.acsm_row
        [reason] = [r for r in result.block_reasons if r.code == "medical-clearance"]
        assert reason.unblock.endswith(", or a resting blood pressure rechecked below 160/100 mmHg (systolic below "
                                       "160 and diastolic below 100).")
        cleared = screen(profile(resting_bp=bp, currently_active=active, medical_clearance=True))
        assert codes(cleared) == (["resting-bp"] if bp[0] > 200 or bp[1] > 110 else [])
        assert cleared.clearance_in_words == "Medical clearance: recorded as given."
    # where the ACSM row asks for clearance too, a rechecked pressure is not enough (seen in review: untested)
    disease = screen(profile(resting_bp=(170, 95), known_disease=True))
    assert [r.unblock for r in disease.block_reasons if r.code == "medical-clearance"] == [
        "Record medical clearance once a physician has given it."]


def test_the_ada_view_beside_stage_2_blood_pressure_says_clearance_is_needed_for_the_pressure() -> None:
    """Seen in review: an inactive diabetic with stage 2 blood pressure read that the ADA requires no clearance."""
    note = screen(profile(diabetes="type2", resting_bp=(170, 95))).ada_note
    assert "does not require clearance" in note and note.endswith("in any case, for the blood pressure.")
    assert "blood pressure" not in screen(profile(diabetes="type2", resting_bp=(130, 80))).ada_note


def test_open_foot_wound_suggests_non_weight_bearing_work() -> None:
    result = screen(profile(open_foot_wound=True))
    assert codes(result) == ["open-foot-wound"] and "non-weight-bearing" in result.block_reasons[0].unblock


def test_complete_sci_and_no_walking_tolerance_block() -> None:
    assert "complete-sci" in codes(screen(profile(etiology="spinal-cord-injury", sci_level="T10", sci_complete=True)))
    assert "complete-sci" not in codes(screen(profile(etiology="spinal-cord-injury", sci_level="T10", sci_complete=False)))
    assert codes(screen(profile(baseline_walk_min=0))) == ["no-walking-tolerance"]
    assert screen(profile(baseline_walk_min=0.5)).blocked is False


def test_several_reasons_are_all_listed() -> None:
    result = screen(profile(contraindications=["acute-mi"], resting_bp=(210, 120), open_foot_wound=True, symptoms=True))
    assert codes(result) == ["contraindication-acute-mi", "resting-bp", "open-foot-wound", "medical-clearance"]


def test_clearance_is_said_with_whether_it_is_recorded() -> None:
    """The ACSM row says clearance is recommended; the window and the summary add whether it was given, so a
    patient cleared is not shown as if the clearance were missing."""
    needs = profile(currently_active=False, known_disease=True)
    assert screen(needs).clearance_in_words == "Medical clearance: recommended, not yet recorded."
    assert screen(needs.model_copy(update={"medical_clearance": True})).clearance_in_words == (
        "Medical clearance: recorded as given.")
    assert screen(profile(currently_active=True)).clearance_in_words == "Medical clearance: not needed."


@pytest.mark.parametrize(("resting_hr", "active", "signs"), [(100, False, False), (101, False, True), (115, True, True)])
def test_a_resting_pulse_above_100_is_a_sign_tachycardia(resting_hr, active, signs) -> None:
    """The ACSM 2015 signs and symptoms include tachycardia: a profile with a resting pulse of 115 and no symptoms
    ticked was screened as needing no clearance."""
    result = screen(profile(resting_hr=resting_hr, currently_active=active))
    assert result.clearance_recommended is signs and ("medical-clearance" in codes(result)) is signs
    if signs:
        assert f"resting pulse {resting_hr} bpm, above 100: tachycardia" in result.acsm_row
        assert "10.1161/CIR.0000000000000311" in result.acsm_row
    assert screen(profile(resting_hr=resting_hr, medical_clearance=True)).blocked is False


def test_the_blood_pressure_limit_is_worded_as_either_value_above_it() -> None:
    """'190/112 mmHg is above 200/110 mmHg' read as wrong: the diastolic alone passes its limit."""
    message = screen(profile(resting_bp=(190, 112))).block_reasons[0].message
    assert "190/112 mmHg is above the limit (systolic above 200 or diastolic above 110 mmHg)" in message


@pytest.mark.parametrize(("level", "blocked"), [("C5", True), ("T6", True), ("T7", False), ("T10", False)])
def test_sci_at_or_above_t6_needs_a_resting_blood_pressure(level, blocked) -> None:
    """Autonomic dysreflexia is a rise above the patient's baseline: without one the plan waits."""
    sci = dict(etiology="spinal-cord-injury", sci_level=level, sci_complete=False, medical_clearance=True)
    result = screen(profile(**sci))
    assert ("no-baseline-bp" in codes(result)) is blocked
    if blocked:
        assert "20-30 mmHg above the patient's baseline" in result.block_reasons[0].message
        assert "record the resting blood pressure" in result.block_reasons[0].unblock
    assert screen(profile(**sci, resting_bp=(120, 80))).blocked is False


@pytest.mark.parametrize(("usual", "blocked"), [(9, False), (10, True)])
def test_usual_pain_of_10_blocks_the_plan(usual, blocked) -> None:
    """At 10/10 the pain rules said 'pain up to 9 is fine' and 'above 10 the next morning': neither can hold."""
    result = screen(profile(pain_nrs=usual))
    assert ("usual-pain-worst" in codes(result)) is blocked
    assert result.blocked is blocked


def test_the_acsm_row_names_the_disease_it_counts() -> None:
    """Seen in review: "not active, no disease, no symptoms" printed for patients with multiple sclerosis, Parkinson's
    disease or a spinal cord injury: the row counts cardiovascular, metabolic or renal disease only."""
    assert screen(profile()).acsm_row.startswith(
        "not active, no known cardiovascular, metabolic or renal disease, no symptoms: no clearance needed")
    assert screen(profile(known_disease=True, currently_active=True)).acsm_row.startswith(
        "active, known cardiovascular, metabolic or renal disease, no symptoms: no clearance needed for moderate")
