"""Why the plan puts the treadmill on a slope is said with the energy cost on the clinician's page, and that its
5 % cap is a product default: the page read "4 km/h at 1% grade, about 3.14 METs" and nothing of the rule (found
in an audit against the clinical brief: the rule and its cap have no source)."""

from __future__ import annotations

from core.plan.engine import compute_plan
from core.plan.walking import energy_cost_in_words
from tests.plan.test_worked_examples import profile

RULE = ("A grade is added in moderate weeks where the comfortable speed flat comes to under 3 METs, moderate's "
        "lowest (ACSM), the least that reaches it, at most 5% (product default: a gentle incline only).")


def test_a_grade_in_the_plan_is_said_with_its_rule() -> None:
    words = energy_cost_in_words(compute_plan(profile(comfortable_speed_kmh=4.0), []).weeks)
    assert "at 1% grade" in words and words.endswith(RULE)


def test_a_flat_plan_says_no_rule() -> None:
    words = energy_cost_in_words(compute_plan(profile(comfortable_speed_kmh=5.5), []).weeks)
    assert "grade" not in words and "flat" in words
