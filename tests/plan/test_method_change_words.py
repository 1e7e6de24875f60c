"""A version that changes how intensity is set says so in words, not codes. Seen in a clinician's try: "Intensity
method: hrr -> rpe" in the progress report's list of what changed, for the referring physician."""

from __future__ import annotations

from core.plan.compare import plan_differences
from core.plan.engine import compute_plan
from tests.plan.profiles import profile


def test_a_beta_blocker_begun_says_the_intensity_is_set_by_effort_now() -> None:
    before = compute_plan(profile(), [])
    after = compute_plan(profile(beta_blocker=True), [])
    lines = plan_differences(before, after)
    assert "Intensity set by: heart-rate reserve (Karvonen) -> effort (RPE) and the talk test" in lines, lines
    assert not any("hrr" in line or "-> rpe" in line for line in lines), lines
