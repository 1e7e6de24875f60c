"""A course of care across a break and a screening block: which walks make a week, and what counts as missed
(core/plan/course_rows.py)."""

from __future__ import annotations

import datetime as dt

from core.plan.adherence import adherence_in_words
from core.plan.progress import course_progress
from tests.plan.course import START, V1, version, walks


def test_a_week_begun_again_after_a_break_or_a_screening_block_is_a_row_of_its_own() -> None:
    """Seen in review: two walks of week 2, nineteen days without one, then week 2 walked in full read as one week of
    five walks "beyond the plan"; two walks of week 2 before a screening block and two after the clearance read as the
    week done, "move on to week 3"."""
    planned = V1.plan.weeks[1].main_min * V1.plan.weeks[1].sessions
    broken = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [28, 30, 32]),
                             today=START + dt.timedelta(days=33))
    assert [(w.label, w.walked_sessions, w.status) for w in broken.weeks if w.walked_sessions] == [
        ("1", 3, "done"), ("2", 2, "done"), ("2 (again)", 3, "done")]
    assert broken.weeks[1].walked_minutes == planned * 2 / 3 and broken.weeks[1].beyond_plan is None
    assert broken.suggestion.action == "progress" and "beyond the plan" not in broken.suggestion.reason
    assert broken.adherence_pct < 100
    blocked, cleared = version(2, symptoms=True), version(3, symptoms=True, medical_clearance=True)
    assert blocked.plan.blocked and not cleared.plan.blocked and cleared.plan.weeks[1].main_min == \
        V1.plan.weeks[1].main_min
    resumed = course_progress([V1, blocked, cleared],
                              walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [20, 22], plan_version=3),
                              today=START + dt.timedelta(days=23))
    assert [(w.plan_version, w.label, w.walked_sessions, w.status) for w in resumed.weeks if w.walked_sessions] == [
        (1, "1", 3, "done"), (1, "2", 2, "done"), (3, "2", 2, "in progress")]
    assert resumed.suggestion.action != "progress"
    # a walk a week late (under BREAK_DAYS) still goes on with its week, as before
    late = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [17]),
                           today=START + dt.timedelta(days=18))
    assert [(w.label, w.walked_sessions) for w in late.weeks if w.walked_sessions] == [("1", 3), ("2", 3)]


def test_a_week_under_way_when_screening_blocks_the_plan_ends_as_walked() -> None:
    """Seen in review: "Week 3 is in progress (2 of 3 walks so far)" beside "No walks until screening is resolved"."""
    blocked = version(2, symptoms=True)
    paused = course_progress([V1, blocked], walks(1, [0, 2, 4]) + walks(2, [7, 9]), today=START + dt.timedelta(days=10))
    assert [(w.label, w.status) for w in paused.weeks if w.walked_sessions] == [("1", "done"), ("2", "done")]
    assert paused.suggestion.action == "pause" and "in progress" not in adherence_in_words(paused)
    going = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7, 9]), today=START + dt.timedelta(days=10))
    assert going.weeks[1].status == "in progress"  # not blocked: the week goes on
    # walked again after the clearance: the walk the block prevented is not missed (seen in review: 88.5 %)
    cleared = version(3, symptoms=True, medical_clearance=True)
    after = course_progress([V1, blocked, cleared], walks(1, [0, 2, 4]) + walks(2, [7, 9])
                            + walks(2, [20, 22, 24], plan_version=3), today=START + dt.timedelta(days=25))
    assert [(w.label, w.planned_walks, w.stopped_by) for w in after.weeks if w.walked_sessions][:2] == [
        ("1", "3", None), ("2", "2 of 3", "screening")]
    assert after.adherence_pct == 100.0
    assert "Week 2 of plan version 1 was stopped after 2 of its 3 walks, when screening blocked the plan: its other " \
        "walks are not counted as missed" in adherence_in_words(after)
