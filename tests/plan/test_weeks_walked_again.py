"""A week walked again after the rules held it or stepped back within it: which walks are the week again, what they
are judged against, and which walk the advice came after (core/plan/course_rows.py, core/plan/adjustment.py).
Seen in a clinician's try of a course of care over eleven weeks."""

from __future__ import annotations

import datetime as dt

from core.plan.adherence import adherence_in_words
from core.plan.progress import LoggedSession, course_progress
from core.plan.session_log import SessionLog
from tests.plan.course import START, V1, version, walks

LIGHT_START = version(1, baseline_walk_min=8)  # weeks 1-2 light, week 3 the same walks at moderate effort


def logged(plan_week: int, days: list[int], *, rpe: int, heart_rate: int | None = None, pain: int = 2,
           morning: int = 2, stiffer: bool = False) -> list[LoggedSession]:
    minutes = LIGHT_START.plan.weeks[plan_week - 1].main_min
    return [LoggedSession(plan_version=1, order=day, log=SessionLog(
        date=START + dt.timedelta(days=day), week=plan_week, minutes=minutes, rpe=rpe, heart_rate=heart_rate,
        pain_during=pain, pain_next_morning=morning, stiffer_next_morning=stiffer)) for day in days]


def test_the_week_walked_again_at_the_week_befores_effort_is_judged_by_it_and_leads_to_the_week_as_planned() -> None:
    """Seen in review: pain 6 in week 3, where the effort rises with the minutes kept, said "stay at week 3's minutes
    and slow the belt to week 2's light effort (RPE 9-11)"; the walks at that effort were then judged against week
    3's moderate target, "lighter than this moderate week's target", and "move on to week 4": more effort and more
    minutes at once."""
    weeks = LIGHT_START.plan.weeks
    assert (weeks[1].band, weeks[2].band, weeks[1].main_min) == ("light", "moderate", weeks[2].main_min)
    course = (logged(1, [0, 2, 4], rpe=10) + logged(2, [7, 9, 11], rpe=10) + logged(3, [14], rpe=12)
              + logged(3, [16], rpe=13, pain=7))
    flare = course_progress([LIGHT_START], course, today=START + dt.timedelta(days=17))
    assert flare.suggestion.action == "step-back"
    assert "slow the belt to week 2's light effort" in flare.suggestion.reason
    eased = course + logged(3, [21, 23, 25], rpe=10, heart_rate=weeks[1].target_hr[0] + 2)
    progress = course_progress([LIGHT_START], eased, today=START + dt.timedelta(days=26))
    again = next(week for week in progress.weeks if week.label == "3 (again)")
    assert (again.status, again.target_hr) == ("done", weeks[1].target_hr)
    assert [point.target_rpe for point in progress.sessions[-3:]] == [weeks[1].rpe] * 3
    assert progress.suggestion.action == "progress" and progress.next_walk_week == 3
    assert "walk week 3 again at its moderate effort (RPE 12-13)" in progress.suggestion.reason
    assert "lighter" not in progress.suggestion.reason
    assert [week.label for week in progress.weeks if week.status == "ahead"][0] == "3 (3rd time)"
    harder = course + logged(3, [21, 23, 25], rpe=13)  # harder than the light effort it was walked again at
    held = course_progress([LIGHT_START], harder, today=START + dt.timedelta(days=26)).suggestion
    assert held.action == "hold" and "Effort was rated above 11 (harder than this week's light target)" in held.reason


def test_a_week_held_by_its_pulse_and_walked_again_within_the_week_is_a_row_of_its_own() -> None:
    """Seen in review: a pulse above the range held week 1 ("keep the minutes and slow the belt"); the patient walked
    it again from two days later, and the first of those walks read as a fourth walk of week 1, "went beyond the
    plan", "base a new plan version on what they walk now", and week 1 (again) as 2 of 3 walks."""
    top = V1.plan.weeks[0].target_hr[1]
    fast = walks(1, [0, 2, 4])
    fast[-1] = fast[-1].model_copy(update={"log": fast[-1].log.model_copy(update={"heart_rate": top + 7})})
    progress = course_progress([V1], fast + walks(1, [6, 8, 10]) + walks(2, [13]), today=START + dt.timedelta(days=13))
    walked = [(week.label, week.walked_sessions, week.beyond_plan) for week in progress.weeks if week.walked_sessions]
    assert walked == [("1", 3, None), ("1 (again)", 3, None), ("2", 1, None)]
    assert "beyond the plan" not in adherence_in_words(progress)
    amber = walks(1, [0, 2]) + walks(1, [4], pain=5) + walks(1, [6, 8, 10])  # pain in the amber band holds it too
    rows = course_progress([V1], amber, today=START + dt.timedelta(days=11)).weeks
    assert [(week.label, week.walked_sessions) for week in rows if week.walked_sessions] == [("1", 3), ("1 (again)", 3)]
    extra = walks(1, [0, 2, 4, 6])  # walked well: a fourth walk in the same days is one more, as before
    rows = course_progress([V1], extra, today=START + dt.timedelta(days=7)).weeks
    assert [(week.label, week.walked_sessions) for week in rows if week.walked_sessions] == [("1", 4)]


def test_a_step_back_brought_by_a_weeks_last_planned_walk_names_that_walk() -> None:
    """Seen in review: a stiffer morning after week 2's third walk advised a step back; the patient walked week 2 once
    more two days later, and the course said the step back was advised "after walk 4 of the week"."""
    course = walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [11], morning=6) + walks(2, [13]) + walks(3, [16])
    progress = course_progress([V1], course, today=START + dt.timedelta(days=17))
    assert progress.weeks[1].step_back_not_taken_after == 3
    assert "Week 2: the pain rules advised a step back after walk 3 of the week" in adherence_in_words(progress)


def test_a_long_break_since_the_latest_walk_is_said_whatever_the_advice() -> None:
    """Seen in review: 74 days without a walk read only "repeat this week" (a week cut short), and 67 days only "ask
    the patient how the pain is": the break was in the adherence lines, not in the advice the report prints."""
    short = walks(1, [0, 2, 4]) + walks(2, [7], minutes=V1.plan.weeks[1].main_min - 3)
    progress = course_progress([V1], short, today=START + dt.timedelta(days=81))
    assert progress.suggestion.action == "hold" and progress.suggestion.reason.endswith(
        "No walk is logged for 74 days, since 2026-09-08: ask the patient about the break before the next walk.")
    painful = course_progress([V1], walks(1, [0, 2]) + walks(1, [4], pain=8), today=START + dt.timedelta(days=60))
    assert painful.suggestion.action == "step-back" and "No walk is logged for 56 days" in painful.suggestion.reason
    well = course_progress([V1], walks(1, [0, 2, 4]), today=START + dt.timedelta(days=60))  # said once, as before
    assert well.suggestion.reason.count("No walk is logged for 56 days") == 1
    recent = course_progress([V1], short, today=START + dt.timedelta(days=20))
    assert "No walk is logged" not in recent.suggestion.reason


def test_the_week_walked_at_its_own_effort_after_the_lighter_walks_went_well_moves_on() -> None:
    """Seen in review of the change above: once week 3 was walked at week 2's effort, every later row of week 3 was
    judged at that effort too: walked at its own moderate effort, as the advice said, it read "harder than this week's
    light target: slow the belt", and week 4 was never offered; and its first walk, two days after the lighter ones,
    joined their row as an extra walk, "beyond the plan"."""
    course = (logged(1, [0, 2, 4], rpe=10) + logged(2, [7, 9, 11], rpe=10) + logged(3, [14], rpe=12)
              + logged(3, [16], rpe=13, pain=7) + logged(3, [21, 23, 25], rpe=10))
    own_effort = course + logged(3, [27, 29, 31], rpe=12)
    progress = course_progress([LIGHT_START], own_effort, today=START + dt.timedelta(days=32))
    walked = [(week.label, week.walked_sessions, week.beyond_plan) for week in progress.weeks if week.walked_sessions]
    assert walked[-2:] == [("3 (again)", 3, None), ("3 (3rd time)", 3, None)]
    assert progress.weeks[[w.label for w in progress.weeks].index("3 (3rd time)")].target_hr == \
        LIGHT_START.plan.weeks[2].target_hr
    assert progress.suggestion.action == "progress" and progress.next_walk_week == 4
    painful_again = course_progress([LIGHT_START], course[:-1] + logged(3, [25], rpe=11, pain=4)
                                    + logged(3, [27, 29, 31], rpe=10), today=START + dt.timedelta(days=32))
    rows = [week for week in painful_again.weeks if week.walked_sessions]  # held at the lighter effort: still lighter
    assert rows[-1].label == "3 (3rd time)" and rows[-1].target_hr == LIGHT_START.plan.weeks[1].target_hr


def test_a_version_saved_after_the_step_back_keeps_the_lighter_effort_where_its_week_has_it() -> None:
    """Seen in review of the change above: a version saved between the step back and the walks at the lighter effort
    judged them against the moderate target again, "lighter than this moderate week's target", "move on to week 4"."""
    course = (logged(1, [0, 2, 4], rpe=10) + logged(2, [7, 9, 11], rpe=10) + logged(3, [14], rpe=12)
              + logged(3, [16], rpe=13, pain=7))
    second = version(2, baseline_walk_min=8, resting_hr=71)
    assert second.plan.weeks[2].band == "moderate" and second.plan.weeks[1].main_min == second.plan.weeks[2].main_min
    lighter = [item.model_copy(update={"plan_version": 2}) for item in logged(3, [21, 23, 25], rpe=10)]
    progress = course_progress([LIGHT_START, second], course + lighter, today=START + dt.timedelta(days=26))
    assert progress.suggestion.action == "progress" and progress.next_walk_week == 3
    assert "lighter" not in progress.suggestion.reason


def test_a_walk_made_up_after_a_short_one_completes_the_week() -> None:
    """Seen in review of the change above: a full walk a day after a short one began week 1 again ("1 (again)", 1 of
    3 walks so far), where it had completed the week and moved on."""
    short = walks(1, [0, 2]) + walks(1, [4], minutes=V1.plan.weeks[0].main_min - 4) + walks(1, [5])
    progress = course_progress([V1], short, today=START + dt.timedelta(days=6))
    assert [(week.label, week.walked_sessions) for week in progress.weeks if week.walked_sessions] == [("1", 4)]
