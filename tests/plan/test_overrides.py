"""A clinician's overrides: every figure of the plan as the patient has it follows them."""

from __future__ import annotations

from core.plan.engine import compute_plan
from core.plan.overrides import WeekOverride, effective_plan
from tests.plan.profiles import profile

PATIENT = profile(baseline_walk_min=10)
PLAN = compute_plan(PATIENT, [])


def test_the_change_column_follows_the_overridden_minutes() -> None:
    """The issue's case: week 3 overridden to a 3 % rise must not still read the engine's +9.1 %."""
    week_2 = PLAN.weeks[1].weekly_main_min
    sessions = PLAN.weeks[2].sessions
    main = round(week_2 * 1.03 / sessions, 2)
    plan = effective_plan(PLAN, [WeekOverride(week=3, main_min=main)], PATIENT.max_sessions_per_week)
    expected = round((sessions * main / week_2 - 1) * 100, 1)
    assert plan.weeks[2].weekly_main_min == sessions * main and plan.weeks[2].increase_pct == expected
    # the week after is measured against the overridden week, not the computed one
    assert plan.weeks[3].increase_pct == round((plan.weeks[3].weekly_main_min / (sessions * main) - 1) * 100, 1)
    assert plan.weeks[1] == PLAN.weeks[1] and plan.weeks[0].increase_pct is None


def test_every_week_of_the_overridden_plan_is_consistent() -> None:
    plan = effective_plan(PLAN, [WeekOverride(week=2, sessions=2, main_min=20), WeekOverride(week=5, main_min=9)],
                          PATIENT.max_sessions_per_week)
    for before, week in zip(plan.weeks, plan.weeks[1:]):
        assert week.increase_pct == round((week.weekly_main_min / before.weekly_main_min - 1) * 100, 1)
        assert week.weekly_main_min == week.sessions * week.main_min
    rises = [w.message for w in plan.warnings if w.code == "override-breaks-rule"]
    assert any(message.startswith("Week 2:") for message in rises)  # 40 min against week 1's
    assert effective_plan(PLAN, [], PATIENT.max_sessions_per_week) is PLAN


def test_the_week_after_a_changed_one_says_it_is_as_first_planned_and_how_it_stands_to_the_change() -> None:
    """Week 4 still read 'longer walks' after week 3 was raised above it by the clinician; then, seen by a tester,
    "longer walks (as planned before week 3 was changed)" on a week 42 % below the changed one."""
    plan = effective_plan(PLAN, [WeekOverride(week=3, main_min=25)], PATIENT.max_sessions_per_week)
    assert plan.weeks[2].note == "changed by the clinician"
    assert plan.weeks[3].weekly_main_min < plan.weeks[2].weekly_main_min and plan.weeks[3].increase_pct < 0
    assert plan.weeks[3].note == "as first planned, not built on the change: less walking than week 3 as changed"
    assert plan.weeks[4].note == PLAN.weeks[4].note and plan.weeks[1].note == PLAN.weeks[1].note
    lowered = effective_plan(PLAN, [WeekOverride(week=3, main_min=5)], PATIENT.max_sessions_per_week)
    assert lowered.weeks[3].note == "as first planned, not built on the change: more walking than week 3 as changed"


def test_longer_walks_in_parts_are_warned_against_the_tolerance_they_were_planned_from() -> None:
    """Week 1 of a 1-minute walker raised to 20 minutes became 5 parts of 4 minutes, with no warning."""
    short = profile(baseline_walk_min=1)
    plan = compute_plan(short, [])
    first = plan.weeks[0]
    assert first.bouts > 1
    changed = effective_plan(plan, [WeekOverride(week=1, main_min=20)], short.max_sessions_per_week)
    messages = [w.message for w in changed.warnings if w.code == "override-breaks-rule"]
    assert f"Week 1: each of its {first.bouts} parts is now {20 / first.bouts:g} min, longer than the " \
           f"{first.bout_min:g} min planned from the patient's walking tolerance." in messages
    # the week after is named as the one that rises, from the changed week
    lower = effective_plan(plan, [WeekOverride(week=1, main_min=1)], short.max_sessions_per_week)
    assert any(w.message.startswith("Week 2: rises more than 10% from week 1 as changed") for w in lower.warnings)
    assert not any("parts is now" in w.message for w in lower.warnings)
