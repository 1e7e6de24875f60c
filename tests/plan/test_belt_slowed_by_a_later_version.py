"""A step back that slows the belt, from walks under a version the clinician has since replaced with a slower one,
says that the version in force already walks slower (seen in a try: version 2 saved at 1.5 km/h for walks that hurt
at 1.8 km/h, and step 5, step 6 and the report still said "slow the belt", with no speed: slowed twice)."""

from __future__ import annotations

from core.plan.progress import course_progress
from tests.plan.course import V1, version, walks


def _reason(second) -> str:
    logged = walks(1, [0, 2], pain=2, morning=2) + walks(1, [4], pain=2, morning=6)  # a morning above usual pain
    progress = course_progress([V1, second], logged)
    assert progress.suggestion.action == "step-back", progress.suggestion
    return progress.suggestion.reason


def test_a_slower_version_in_force_is_said_beside_slow_the_belt() -> None:
    assert V1.plan.weeks[0].speed_kmh == 4.0
    reason = _reason(version(2, comfortable_speed_kmh=3.5))
    assert "slow the belt" in reason
    assert ("Version 2 already has the belt slower there: 3.5 km/h, against the 4 km/h of version 1's week 1: check "
            "with the patient before slowing it further.") in reason, reason


def test_nothing_is_said_where_the_version_in_force_walks_as_fast() -> None:
    assert "already has the belt slower" not in _reason(version(2, pain_nrs=4))
