"""Where a step back goes: the week before, or the same week walked again more slowly where there is none before it or
it walked the same (seen in review: a step back from a week of a flat stretch changed nothing), at the week before's
lighter effort where that week was light. The next-week suggestion (core/plan/adjustment.py), the course of care
(core/plan/course_rows.py) and the handout's pain rules (core/handout/pain_lights.py) say it alike. Light: the handout
command needs it, so nothing here loads the session log's models."""

from __future__ import annotations

from core.plan.engine import Plan, Week
from core.plan.walking import kmh_to_m_per_min, speed_in_units, walking_vo2

SLOW_THE_BELT = "slow the belt"  # the advice's words wherever it slows the belt (slowed_since looks for them)


def step_back_week(plan: Plan, week: int) -> int:
    """The week a step back from ``week`` goes to: the week before, or ``week`` itself, walked again with the belt
    slowed, where there is none or it walked the same (way_back). ``week`` outside the plan: the week before."""
    if not 1 <= week <= len(plan.weeks):
        return max(week - 1, 1)
    return way_back(plan.weeks[week - 1], plan.weeks[max(week - 2, 0)])[0].week


def eased_week(plan: Plan, week: int) -> Week | None:
    """Week ``week`` as walked again after a step back that stays at its minutes and slows the belt to the week
    before's lighter effort (way_back): its walks, with the week before's effort targets, speed and slope. None where
    a step back from it goes elsewhere, or keeps its effort."""
    if not 2 <= week <= len(plan.weeks):
        return None
    this_week, previous = plan.weeks[week - 1], plan.weeks[week - 2]
    if previous.band == this_week.band or way_back(this_week, previous)[0] is not this_week:
        return None
    return this_week.model_copy(update={name: getattr(previous, name) for name in (
        "band", "target_hr", "rpe", "speed_kmh", "grade_pct", "mets")})


def way_back(this_week: Week, previous: Week) -> tuple[Week, str]:
    """The week a step back goes to, and the words for it. Where the week before walked the same (seen in review: a
    step back from a week of a flat stretch, 4 walks of 30 min, to the same 4 walks of 30 min, changed nothing), the
    week is walked again with the belt slowed, as in week 1, which has none before it; the handout says the same
    (core/handout/pain_lights.py)."""
    same_walks = (previous.sessions, previous.main_min, previous.bouts) == (
        this_week.sessions, this_week.main_min, this_week.bouts)
    if previous.week == this_week.week:
        return this_week, f"stay at week 1's minutes, as there is no earlier week, and {SLOW_THE_BELT}"
    if same_walks and previous.band == this_week.band:
        return this_week, (f"stay at week {this_week.week}'s minutes, as week {previous.week}'s walks were the same, "
                           f"and {SLOW_THE_BELT}")
    if same_walks:  # seen in review: "step back to week 2's minutes", the same minutes, where only the effort drops;
        # and the week is walked again, as the handout says, not week 2 (a patient who did so read as not stepping back)
        return this_week, (f"stay at week {this_week.week}'s minutes, as week {previous.week}'s walks were the same, "
                           f"and {SLOW_THE_BELT} to week {previous.week}'s {previous.band} effort (RPE "
                           f"{previous.rpe[0]}-{previous.rpe[1]})")
    back = f"step back to week {previous.week}'s minutes"
    if previous.sessions < this_week.sessions and previous.main_min > this_week.main_min:
        back += (f" ({previous.sessions} walks of {previous.main_min:g} min, {previous.weekly_main_min:g} a week, "
                 f"against this week's {this_week.sessions} of {this_week.main_min:g} min, "
                 f"{this_week.weekly_main_min:g} a week: fewer walks, each longer)")  # seen in review: unexplained
    return previous, back


def slowed_since(advice: str, pointed: Week, target: Week, walked_under: int, newest: int, units: str) -> str:
    """Where ``advice`` slows the belt at the week it points to (``pointed``, of version ``walked_under``) and the
    version saved since walks that week slower and easier (``target``, of version ``newest``): said, with both speeds,
    so the belt is not slowed twice (seen in a try: a version 2 saved at 1.5 km/h, then "slow the belt" from walks at
    1.8 km/h)."""
    if SLOW_THE_BELT not in advice or not eased(pointed, target):
        return ""
    return (f" Version {newest} already has the belt slower there: {speed_in_units(target.speed_kmh, units)}, against "
            f"the {speed_in_units(pointed.speed_kmh, units)} of version {walked_under}'s week {pointed.week}: check "
            "with the patient before slowing it further.")


def eased(pointed: Week, given: Week) -> bool | None:
    """Whether ``given`` walks ``pointed`` with the belt slower and easier (the ACSM walking equation's cost, so a
    slower belt on a steeper slope is not taken as easier); None where either has no speed."""
    if pointed.speed_kmh is None or given.speed_kmh is None:
        return None
    return given.speed_kmh < pointed.speed_kmh - 1e-9 and _cost(given) < _cost(pointed) - 1e-9


def _cost(week: Week) -> float:
    return walking_vo2(kmh_to_m_per_min(week.speed_kmh), week.grade_pct / 100)
