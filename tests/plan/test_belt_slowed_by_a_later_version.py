"""A step back that slows the belt, from walks under a version the clinician has since replaced with a slower one,
says that the version in force already walks slower (seen in a try: version 2 saved at 1.5 km/h for walks that hurt
at 1.8 km/h, and step 5, step 6 and the report still said "slow the belt", with no speed: slowed twice)."""

from __future__ import annotations

from core.plan.progress import course_progress
from tests.plan.course import V1, version, walks


SLOW = version(1, comfortable_speed_kmh=1.8)  # as in the try: below the walking equation's range, on the flat


def _reason(second) -> str:
    logged = walks(1, [0, 2], pain=2, morning=2) + walks(1, [4], pain=2, morning=6)  # a morning above usual pain
    progress = course_progress([SLOW, second], logged)
    assert progress.suggestion.action == "step-back", progress.suggestion
    return progress.suggestion.reason


def test_a_slower_version_in_force_is_said_beside_slow_the_belt() -> None:
    assert SLOW.plan.weeks[0].speed_kmh == 1.8
    reason = _reason(version(2, comfortable_speed_kmh=1.5))
    assert "slow the belt" in reason
    assert ("Version 2 already has the belt slower there: 1.5 km/h, against the 1.8 km/h of version 1's week 1: "
            "check with the patient before slowing it further.") in reason, reason


def test_nothing_is_said_where_the_version_in_force_walks_as_fast() -> None:
    assert "already has the belt slower" not in _reason(version(2, comfortable_speed_kmh=1.8, pain_nrs=4))


def test_nothing_is_said_beside_advice_that_does_not_slow_the_belt_nor_where_the_slope_is_steeper() -> None:
    """Seen in review: "move on to week 2" and a step back to week 2's minutes got the sentence too; and 3.5 km/h at
    a steeper slope is about the same effort as 4 km/h flatter, not a slower walk."""
    logged = walks(1, [0, 2, 4], pain=2, morning=2)  # week 1 walked well: progress, at a slower belt on the same slope
    progress = course_progress([SLOW, version(2, comfortable_speed_kmh=1.5)], logged)
    assert progress.suggestion.action == "progress" and "already has the belt slower" not in progress.suggestion.reason
    from core.plan.step_back import slowed_since

    week = V1.plan.weeks[0]
    steeper = week.model_copy(update={"speed_kmh": 3.5, "grade_pct": week.grade_pct + 1})  # as costly by ACSM
    assert slowed_since("... and slow the belt", week, steeper, 1, 2, "metric") == ""
    much_slower = week.model_copy(update={"speed_kmh": 2.0, "grade_pct": week.grade_pct + 1})  # steeper, yet easier
    assert "2 km/h, against the 4 km/h" in slowed_since("... and slow the belt", week, much_slower, 1, 2, "metric")
    slower = week.model_copy(update={"speed_kmh": 3.5})
    assert slowed_since("step back to week 1's minutes", week, slower, 1, 2, "metric") == ""
    assert "2.2 mph (3.5 km/h), against the 2.5 mph (4 km/h)" in slowed_since("and slow the belt", week, slower, 1, 2,
                                                                           "imperial")
