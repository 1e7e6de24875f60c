"""The advice after a week's walks waits for the patient's notes to be read, whatever it is, and names what in them
the plan's own cautions answer (core/plan/adjustment.py: _read_the_notes)."""

from __future__ import annotations

import datetime as dt

from core.plan.adherence import adherence_in_words
from core.plan.adjustment import suggest_next_week
from core.plan.engine import compute_plan
from core.plan.progress import course_progress
from core.plan.session_log import SessionLog
from tests.plan.course import START, V1, walks
from tests.plan.profiles import profile

STOP_SIGN = "it may hold a stop sign"
ACT = "to act on before the next walk."

def week_walked(plan, week: int, *, note_on: int = 2, note: str = "felt odd", **changes) -> list[SessionLog]:
    planned = plan.weeks[week - 1]
    logs = [SessionLog(date=dt.date(2026, 11, day), week=week, minutes=planned.main_min, rpe=planned.rpe[0],
                       pain_during=2, pain_next_morning=2, stiffer_next_morning=False)
            for day in range(1, planned.sessions + 1)]
    logs[note_on - 1] = logs[note_on - 1].model_copy(update={"note": note, **changes})
    return logs


def test_moving_on_waits_for_the_patients_notes_to_be_read() -> None:
    """Seen in review: a diabetic patient's 'left foot sore' under "Progress"; no rule reads the patient's words."""
    plan = compute_plan(profile(baseline_walk_min=10), [])
    result = suggest_next_week(plan, 4, week_walked(plan, 4, note="left foot sore"))
    assert result.action == "progress"
    assert result.reason.endswith(f"Read the patient's note of 2026-11-02 first: {STOP_SIGN}, {ACT}")
    diabetic = compute_plan(profile(baseline_walk_min=10, etiology="diabetic-neuropathy", diabetes="type2",
                                    medical_clearance=True), [])
    reason = suggest_next_week(diabetic, 4, week_walked(diabetic, 4, note_on=3, note="left foot sore")).reason
    assert reason.endswith(f"Read the patient's note of 2026-11-03 first: {STOP_SIGN}, or something the plan's foot "
                           f"care or fall risk caution answers, {ACT}")
    assert "left foot sore" not in reason  # the note is read where it is kept, not copied into advice
    two = week_walked(plan, 4, note="tired")
    two[2] = two[2].model_copy(update={"note": "sore calf"})
    assert suggest_next_week(plan, 4, two).reason.endswith(
        f"Read the patient's notes of 2026-11-02, 2026-11-03 first: they may hold a stop sign, {ACT}")
    assert "Read the patient" not in suggest_next_week(plan, 4, week_walked(plan, 4, note=" ")).reason


def test_a_step_back_and_a_hold_name_the_notes_too() -> None:
    """Seen in review: a low blood sugar mid-walk noted by a patient on insulin, and "out of breath, could not talk",
    under a step back and a hold that named no note: only "Progress" pointed to them."""
    insulin = compute_plan(profile(baseline_walk_min=10, etiology="diabetic-neuropathy", diabetes="type2",
                                   insulin_or_secretagogue=True, medical_clearance=True), [])
    flare = week_walked(insulin, 3, note="shaky and sweaty at 6 min, glucose 62", pain_during=8)
    result = suggest_next_week(insulin, 3, flare)
    assert result.action == "step-back"
    assert result.reason.endswith(f"Read the patient's note of 2026-11-02 first: {STOP_SIGN}, or something the plan's "
                                  f"foot care, blood sugar or fall risk caution answers, {ACT}")
    plan = compute_plan(profile(baseline_walk_min=10), [])
    hard = suggest_next_week(plan, 4, week_walked(plan, 4, note="out of breath, could not talk", rpe=15))
    assert hard.action == "hold" and f"Read the patient's note of 2026-11-02 first: {STOP_SIGN}, {ACT}" in hard.reason
    going = suggest_next_week(plan, 4, week_walked(plan, 4, note_on=1, note="tired")[:1], in_progress=True)
    assert going.action == "hold" and "in progress" in going.reason and "note of 2026-11-01" in going.reason


def test_each_etiologys_own_caution_is_named_where_its_plan_has_it() -> None:
    """Seen in review: heat symptoms noted by a patient with MS, and a trip on the belt after a stroke, under advice
    that pointed to neither the heat nor the fall-risk caution of their plans."""
    named = {
        "multiple-sclerosis-pain": "the plan's heat sensitivity or fall risk caution answers",
        "post-stroke-pain": "the plan's fall risk caution answers",  # its harness caution a fall risk's too: named once
        "parkinsons-pain": "the plan's fall risk caution answers",
    }
    for etiology, words in named.items():
        plan = compute_plan(profile(baseline_walk_min=10, etiology=etiology, medical_clearance=True), [])
        reason = suggest_next_week(plan, 2, week_walked(plan, 2)).reason
        assert words in reason, etiology
        assert "foot" not in reason and "blood sugar" not in reason, etiology
    high_sci = compute_plan(profile(baseline_walk_min=10, etiology="spinal-cord-injury", sci_level="T4",
                                    sci_complete=False, medical_clearance=True,
                                    resting_bp=(110, 70)), [])
    reason = suggest_next_week(high_sci, 2, week_walked(high_sci, 2)).reason
    assert "the plan's autonomic dysreflexia or fall risk caution answers" in reason


def test_a_week_looked_back_at_quotes_its_hold_without_the_notes() -> None:
    """The course's "its walks held the week (...)" quotes why, not the request to read the notes, which the advice
    for the latest week makes."""
    held = walks(2, [7, 9, 11])
    held[0] = held[0].model_copy(update={"log": held[0].log.model_copy(update={"rpe": 15, "note": "hard going"})})
    progress = course_progress([V1], walks(1, [0, 2, 4]) + held + walks(3, [14, 16, 18]),
                               today=START + dt.timedelta(days=19))
    said = adherence_in_words(progress)
    assert "Week 2: its walks held the week" in said and "Read the patient" not in said


def test_a_belt_speed_that_reads_as_logged_in_the_other_units_is_named_until_corrected() -> None:
    """Seen in review: 4.3 typed in an imperial clinic's mph form for a 4 km/h week, kept as 6.92 km/h (a jog), was
    questioned as it was logged and never again; a metric clinic's 2.5 typed from an mph log, the other way."""
    plan = compute_plan(profile(baseline_walk_min=10, comfortable_speed_kmh=4.0), [])
    planned = plan.weeks[3].speed_kmh
    for slipped in (round(4.3 * 1.609344, 2), round(planned / 1.609344, 1)):
        logs = week_walked(plan, 4, note="", speed_kmh=slipped)
        result = suggest_next_week(plan, 4, logs)
        assert result.action == "progress"  # named, not held: a slower belt may be walked on purpose
        assert result.reason.endswith(
            f" Check the belt speed of the walk of 2026-11-02 at {slipped:g} km/h: far from week 4's planned "
            f"{planned:g} km/h, it reads as logged in the other units; correct the session if so."), slipped
    logs = [log.model_copy(update={"speed_kmh": 6.92}) for log in week_walked(plan, 4, note="")[:2]]
    said = suggest_next_week(plan, 4, logs, units="imperial").reason  # as an imperial clinic's form takes them
    assert said.endswith(" Check the belt speed of the walks of 2026-11-01 at 4.3 mph (6.92 km/h), 2026-11-02 at 4.3 "
                         f"mph (6.92 km/h): far from week 4's planned {planned / 1.609344:.1f} mph ({planned:g} km/h), "
                         "they read as logged in the other units; correct the session if so."), said
    for speed in (planned, planned * 0.8, planned * 1.2, None):  # as planned, a little slower or faster, none
        assert "belt speed" not in suggest_next_week(plan, 4, week_walked(plan, 4, note="", speed_kmh=speed)).reason
