"""Next-week suggestions from the session log (traffic-light pain rules)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.plan.adjustment import SessionLog, suggest_next_week
from core.plan.engine import compute_plan
from tests.plan.profiles import profile

PLAN = compute_plan(profile(baseline_walk_min=10), [])
WEEK = PLAN.weeks[3]  # week 4


def log(day: int = 1, *, minutes=None, rpe=12, pain_during=2, pain_next_morning=3) -> SessionLog:
    return SessionLog(date=dt.date(2026, 11, day), minutes=WEEK.main_min if minutes is None else minutes,
                      rpe=rpe, pain_during=pain_during, pain_next_morning=pain_next_morning)


def full_week(**changes) -> list[SessionLog]:
    return [log(day, **changes) for day in range(1, WEEK.sessions + 1)]


def suggest(logs):
    return suggest_next_week(PLAN, 4, logs, baseline_pain=3)


def test_safe_complete_week_progresses() -> None:
    result = suggest(full_week())
    assert result.action == "progress" and result.next_week.week == 5
    assert "Achilles" in result.caveat and result.source.doi == "10.1177/0363546506298279"


def test_pain_above_five_steps_back() -> None:
    result = suggest(full_week()[:-1] + [log(9, pain_during=6)])
    assert result.action == "step-back" and result.next_week.week == 3 and "6/10" in result.reason


def test_next_morning_pain_above_usual_steps_back() -> None:
    result = suggest(full_week()[:-1] + [log(9, pain_next_morning=5)])
    assert result.action == "step-back" and "next morning" in result.reason


@pytest.mark.parametrize(
    ("logs", "words"),
    [
        ("none", "No sessions"),
        ("amber", "acceptable"),
        ("hard", "harder than moderate"),
        ("short", "planned sessions"),
        ("unknown-morning", "Next-morning pain"),
    ],
)
def test_holds(logs, words) -> None:
    chosen = {
        "none": [],
        "amber": full_week()[:-1] + [log(9, pain_during=4)],
        "hard": full_week()[:-1] + [log(9, rpe=15)],
        "short": full_week()[:-1],
        "unknown-morning": full_week()[:-1] + [log(9, pain_next_morning=None)],
    }[logs]
    result = suggest(chosen)
    assert result.action == "hold" and words in result.reason and result.next_week.week == 4


def test_last_week_holds_and_bad_week_number_is_refused() -> None:
    last = len(PLAN.weeks)
    logs = [log(d, minutes=PLAN.weeks[-1].main_min) for d in range(1, PLAN.weeks[-1].sessions + 1)]
    assert suggest_next_week(PLAN, last, logs, baseline_pain=3).action == "hold"
    with pytest.raises(ValueError, match="week must be from 1 to"):
        suggest_next_week(PLAN, last + 1, logs, baseline_pain=3)


def test_blocked_plan_has_nothing_to_progress() -> None:
    blocked = compute_plan(profile(open_foot_wound=True), [])
    assert suggest_next_week(blocked, 1, [log()], baseline_pain=3).next_week is None
