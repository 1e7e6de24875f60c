"""The course's progress as the command line's JSON gives it (core/plan/progress.py): every logged field of each
walk, whether its week is walked again, and a stop named only on a stopped week."""

from __future__ import annotations

import datetime as dt

from core.plan.progress import LoggedSession, course_progress
from core.plan.session_log import SessionLog
from tests.plan.course import START, V1, walks


def test_every_logged_field_reaches_the_walks_and_a_week_not_stopped_names_no_stop() -> None:
    """Seen in review: `progress --format json` listed the walks without their stiffer morning, and every week,
    stopped or not, with "stopped_by": "pain rules"."""
    stiff = LoggedSession(plan_version=1, order=5, log=SessionLog(
        date=START + dt.timedelta(days=5), week=1, minutes=V1.plan.weeks[0].main_min, rpe=12, pain_during=2,
        pain_next_morning=2, stiffer_next_morning=True))
    progress = course_progress([V1], walks(1, [0, 2]) + [stiff], today=START + dt.timedelta(days=8))
    assert [point.stiffer_next_morning for point in progress.sessions] == [False, False, True]
    assert progress.weeks[0].stopped_of is None and progress.weeks[0].stopped_by is None
    assert progress.model_dump(mode="json")["sessions"][2]["stiffer_next_morning"] is True


def test_each_walk_says_whether_its_week_is_walked_again_in_the_json() -> None:
    """Seen in review: the walks' "again" left the JSON when each walk came to carry its row's attempt."""
    retry = course_progress([V1], walks(1, [0], pain=8) + walks(1, [2]), today=START + dt.timedelta(days=3))
    assert [(point["attempt"], point["again"]) for point in retry.model_dump(mode="json")["sessions"]] == [
        (1, False), (2, True)]
