"""A week walked under heart-rate targets, judged after a version that does not set the effort by heart rate. Seen in
review: a beta-blocker begun and saved as version 2, then "Hold. Heart rate was 142 bpm ..., above this week's 112-128
bpm: keep the minutes and slow the belt. The week's figures are from plan version 2", whose handout has no pulse."""

from __future__ import annotations

import datetime as dt

from core.plan.course_rows import LoggedSession
from core.plan.engine import compute_plan
from core.plan.progress import VersionInCourse, course_progress
from core.plan.session_log import SessionLog
from tests.handout.helpers import example


def _versions(second_changes: dict) -> list[VersionInCourse]:
    first = example("peripheral-nerve-injury")
    second = first.model_copy(update=second_changes)
    return [VersionInCourse(version=number, plan_id=number, saved_at=saved_at, saved_by="Dr Grace Okafor",
                            profile=patient, plan=compute_plan(patient, []), overrides=[])
            for number, saved_at, patient in ((1, "2026-09-01T10:00:00", first), (2, "2026-09-08T10:00:00", second))]


def _week_one(heart_rate: int) -> list[LoggedSession]:
    """Week 1 walked in full under version 1: 20 minutes at RPE 12, pain 2 and settled, one pulse of ``heart_rate``."""
    return [LoggedSession(plan_version=1, log=SessionLog(
        date=dt.date(2026, 9, day), week=1, minutes=20, rpe=12, pain_during=2, pain_next_morning=2,
        stiffer_next_morning=False, heart_rate=heart_rate if day == 6 else None)) for day in (2, 4, 6)]


def test_a_pulse_above_the_old_range_is_said_not_judged_under_a_version_without_heart_rate_targets() -> None:
    versions = _versions({"beta_blocker": True})
    assert versions[0].plan.intensity.method == "hrr" and versions[1].plan.intensity.method != "hrr"
    suggestion = course_progress(versions, _week_one(150), today=dt.date(2026, 9, 8)).suggestion
    assert suggestion.action == "progress", suggestion.reason
    assert ("Heart rate was 150 bpm on 2026-09-06, above this week's 113-133 bpm: not judged, as version 2, the plan "
            "in force, does not set the effort by heart rate.") in suggestion.reason, suggestion.reason


def test_under_a_version_that_still_sets_it_by_heart_rate_the_pulse_still_holds_the_week() -> None:
    versions = _versions({"resting_hr": 70})  # another version, still by heart rate
    assert versions[1].plan.intensity.method == "hrr"
    suggestion = course_progress(versions, _week_one(150), today=dt.date(2026, 9, 8)).suggestion
    assert suggestion.action == "hold" and "slow the belt" in suggestion.reason and "not judged" not in \
        suggestion.reason, suggestion.reason
