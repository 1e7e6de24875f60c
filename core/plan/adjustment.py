"""From a week's session log, suggest what next week should be: progress, hold or step back.

Uses the pain-monitoring ("traffic light") rules: pain during walking 0-3/10 safe, 4-5/10
acceptable, above 5/10 too much; pain should settle by the next morning. The model comes from
Achilles tendon pain (Silbernagel 2007), not neuropathic pain, and every suggestion says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from core.plan import guidelines as g
from core.plan.engine import Plan, Week


class SessionLog(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    date: dt.date
    minutes: float = Field(ge=0, le=300)
    speed_kmh: float | None = Field(default=None, ge=0, le=20)
    rpe: int = Field(ge=6, le=20)
    pain_during: int = Field(ge=0, le=10)
    pain_next_morning: int | None = Field(default=None, ge=0, le=10)


class NextWeekSuggestion(BaseModel):
    action: Literal["progress", "hold", "step-back"]
    reason: str
    next_week: Week | None
    caveat: str = ("Traffic-light pain rules from Achilles tendon pain (Silbernagel 2007), not tested in "
                   "neuropathic pain; use clinical judgement.")
    source: g.Source = g.PAIN_SOURCE


def suggest_next_week(plan: Plan, week: int, logs: list[SessionLog], baseline_pain: int) -> NextWeekSuggestion:
    """``week`` is the plan week the logs belong to (1-based); ``baseline_pain`` the usual pain (0-10)."""
    if plan.blocked or not plan.weeks:
        return NextWeekSuggestion(action="hold", reason="The plan is blocked by screening; nothing to progress.",
                                  next_week=None)
    if not 1 <= week <= len(plan.weeks):
        raise ValueError(f"week must be from 1 to {len(plan.weeks)}")
    this_week = plan.weeks[week - 1]
    previous = plan.weeks[max(week - 2, 0)]
    following = plan.weeks[week] if week < len(plan.weeks) else this_week

    def hold(reason: str) -> NextWeekSuggestion:
        return NextWeekSuggestion(action="hold", reason=reason, next_week=this_week)

    if not logs:
        return hold("No sessions are logged for this week: repeat it before moving on.")
    too_much = [log for log in logs if log.pain_during > g.PAIN_ACCEPTABLE_MAX]
    if too_much:
        return NextWeekSuggestion(
            action="step-back", next_week=previous,
            reason=f"Pain went above {g.PAIN_ACCEPTABLE_MAX}/10 during walking on {too_much[0].date.isoformat()} "
                   f"({too_much[0].pain_during}/10): step back to week {previous.week}'s minutes.",
        )
    not_settled = [log for log in logs if log.pain_next_morning is not None and log.pain_next_morning > baseline_pain]
    if not_settled:
        return NextWeekSuggestion(
            action="step-back", next_week=previous,
            reason=f"Pain the next morning after {not_settled[0].date.isoformat()} was {not_settled[0].pain_next_morning}/10, "
                   f"above the usual {baseline_pain}/10: step back to week {previous.week}'s minutes.",
        )
    amber = [log for log in logs if log.pain_during > g.PAIN_SAFE_MAX]
    if amber:
        return hold(f"Pain reached {max(log.pain_during for log in amber)}/10 during walking (acceptable, "
                    f"{g.PAIN_SAFE_MAX + 1}-{g.PAIN_ACCEPTABLE_MAX}/10): stay at this week until it stays at "
                    f"{g.PAIN_SAFE_MAX}/10 or less.")
    if any(log.rpe > g.MODERATE.rpe[1] for log in logs):
        return hold(f"Effort was rated above {g.MODERATE.rpe[1]} (harder than moderate): keep the minutes and slow the belt.")
    done = [log for log in logs if log.minutes >= this_week.main_min]
    if len(done) < this_week.sessions:
        return hold(f"{len(done)} of {this_week.sessions} planned sessions reached {this_week.main_min:g} minutes: "
                    "repeat this week.")
    if any(log.pain_next_morning is None for log in logs):
        return hold("Next-morning pain is not recorded for every session: record it before moving on.")
    if week == len(plan.weeks):
        return NextWeekSuggestion(action="hold", next_week=this_week,
                                  reason="Last week of the plan done with pain in the safe range: keep this level "
                                         "and review the plan.")
    return NextWeekSuggestion(
        action="progress", next_week=following,
        reason=f"All {this_week.sessions} sessions done, pain {g.PAIN_SAFE_MAX}/10 or less and settled by the next "
               f"morning: move on to week {following.week}.",
    )
