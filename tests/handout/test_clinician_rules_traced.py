"""Every rule the patient's pages state is in the clinician summary's "Rules and their sources", with its source
(seen in an audit: the days a week, walking in parts and how to take the pulse were sourced in the plan's JSON alone),
and the plan's cautions say only what their sources and figures bear out."""

from __future__ import annotations

import datetime as dt

from core.handout.clinician_summary import clinician_summary_for
from core.plan.engine import compute_plan
from core.plan.warnings import WarningCode
from tests import evidence_factory as make
from tests.handout.helpers import example
from tests.plan.profiles import profile

DAY = dt.date(2026, 12, 1)


def _rules(patient) -> list[str]:
    summary = clinician_summary_for(compute_plan(patient, []), [], None, DAY)
    return [f"{row.text} | {row.source}" for row in summary.rules]


def test_the_days_a_week_and_the_rest_days_the_handout_gives_are_sourced() -> None:
    days = next(row for row in _rules(profile()) if row.startswith("Days a week"))
    assert days.startswith("Days a week: 3 in week 1; the handout says: Rest on the days between your walks. |")
    assert "Product default: 3 days a week to start" in days
    more = next(row for row in _rules(profile(max_sessions_per_week=5, baseline_walk_min=20))
                if row.startswith("Days a week"))
    assert ("up to 5 in later weeks (a day is added once the walks reach 30 min); the handout says: Spread your walks "
            "over the week.") in more, more
    fewer = next(row for row in _rules(profile(max_sessions_per_week=2)) if row.startswith("Days a week"))
    assert fewer.startswith("Days a week: 2 in week 1, fewer than the product's default start of 3 (the patient's "
                            "most days a week, or a clinician's change); the handout says"), fewer


def test_walking_in_parts_is_sourced_only_where_the_plan_has_parts() -> None:
    def parts(patient) -> list[str]:
        return [row for row in _rules(patient) if "short parts" in row]

    assert parts(profile(baseline_walk_min=10)) == []
    [row] = parts(profile(baseline_walk_min=3))
    assert "the treadmill stopped and the patient sitting down where needed" in row
    assert "Product default: below 5 minutes of continuous walking" in row


def test_taking_the_pulse_is_sourced_where_the_plan_sets_heart_rates() -> None:
    [row] = [row for row in _rules(profile()) if "takes the pulse" in row]
    assert row.startswith("The patient takes the pulse for 15 s after stopping the belt, a hand on a handrail")
    assert "WebMD, Pulse Measurement" in row
    assert not [row for row in _rules(profile(beta_blocker=True)) if "takes the pulse" in row]  # RPE only


def _warning(patient, code: WarningCode) -> str:
    return next(w.message for w in compute_plan(patient, []).warnings if w.code == code)


def test_the_high_usual_pain_caution_promises_no_rise_where_none_is_allowed() -> None:
    assert "take the patient's usual pain as safe, and allow a rise over it" in _warning(
        profile(pain_nrs=7), WarningCode.USUAL_PAIN_ABOVE_MODEL)
    at_nine = _warning(profile(pain_nrs=9), WarningCode.USUAL_PAIN_ABOVE_MODEL)
    assert "accept pain up to 9/10" in at_nine and "allow no rise over it here" in at_nine, at_nine


def test_the_animal_dosing_note_cites_each_of_its_claims() -> None:
    study = make.study("a-2010", "A", 2010, speed=12.0, etiologies=("parkinsons-pain",))
    note = next(w for w in compute_plan(example("parkinsons-pain"), [study]).warnings
                if w.code == WarningCode.ANIMAL_DOSING_CONTEXT)
    assert "16 m/min is about 68% of a rat's VO2max: Shepherd & Gollnick 1976, doi 10.1007/BF00581173" in note.message
    assert "37 preclinical studies found no relation" in note.message and "Matesanz-García 2023" in note.source.label


def test_the_caution_below_t6_names_the_light_weeks_effort_where_the_plan_starts_with_them() -> None:
    """Seen in a try: "Let RPE 12-13 ... lead" above weeks 1-2 of RPE 9-11."""
    def caution(walk_min: float) -> str:
        return _warning(profile(etiology="spinal-cord-injury", sci_level="T10", sci_complete=False,
                                baseline_walk_min=walk_min), WarningCode.HR_ROUGH_GUIDE)

    assert ("Let RPE (Borg 6-20 scale) 12-13, 9-11 in the first light weeks, and the talk test lead; treat the "
            "heart-rate range as a rough guide.") in caution(5)
    assert "Let RPE (Borg 6-20 scale) 12-13 and the talk test lead" in caution(15)
    blocked = compute_plan(profile(etiology="spinal-cord-injury", sci_level="T10", sci_complete=False,
                                   baseline_walk_min=5, contraindications=["unstable-angina"]), [])
    assert blocked.blocked and not blocked.weeks  # no weeks, so none light
    assert "in the first light weeks" not in next(w.message for w in blocked.warnings
                                                  if w.code == WarningCode.HR_ROUGH_GUIDE)
