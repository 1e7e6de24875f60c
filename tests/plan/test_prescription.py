"""The plan in force in words, beside the course of care (core/plan/prescription.py)."""

from __future__ import annotations

from core.plan.engine import compute_plan
from core.plan.prescription import prescription_in_words
from tests.plan.profiles import profile


def test_the_intensity_says_how_it_is_set_and_why_not_by_heart_rate() -> None:
    """Seen in review: the progress report listed the highest heart rates logged (95, 98, 104) without saying the
    patient was on a beta-blocker, and flagged 140 against 116-136 without saying the plan calls heart rate a rough
    guide after a spinal cord injury."""
    usual = prescription_in_words(compute_plan(profile(), []))
    assert usual.startswith("Moderate weeks: heart rate ") and "and RPE 12-13. Heart-rate reserve (Karvonen)" in usual
    blocked_beta = prescription_in_words(compute_plan(profile(beta_blocker=True), []))
    assert blocked_beta.startswith("Moderate weeks: RPE 12-13. Heart rate cannot set intensity: beta-blockers")
    spinal = prescription_in_words(compute_plan(profile(etiology="spinal-cord-injury", sci_level="T10"), []))
    assert "treat the heart-rate range as a rough guide" in spinal


def test_walks_in_parts_are_said_with_their_weeks() -> None:
    """Seen in review: "3 walks of 6 minutes" for a plan walked in two parts of 3."""
    plan = compute_plan(profile(baseline_walk_min=3.0), [])
    parts = [week for week in plan.weeks if week.bouts > 1]
    assert parts
    said = prescription_in_words(plan)
    assert f"Walks in parts in week{'s' if len(parts) > 1 else ''} {parts[0].week}" in said
    assert f"(week {parts[0].week}: {parts[0].bouts} parts of {parts[0].bout_min:g} min" in said
    assert "in parts" not in prescription_in_words(compute_plan(profile(baseline_walk_min=20.0), []))
    assert prescription_in_words(compute_plan(profile(contraindications=["unstable-angina"]), [])) == ""
