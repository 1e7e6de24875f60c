"""A clinician's changes to single weeks of a computed plan, checked against the plan's own rules.

An override is applied as asked, but each rule it breaks comes back as a warning: the clinician
decides, nothing is accepted silently.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from core.plan import guidelines as g
from core.plan.aerobic_guideline import with_guideline_note
from core.plan.engine import Plan, Week
from core.plan.warnings import PlanWarning, WarningCode

OVERRIDE_SOURCE = g.Source(label="Clinician override of the computed plan")
MAX_WALK_MIN = 120  # the longest main walk a clinician may set for a week (product default)


class WeekOverride(BaseModel):
    """A clinician's change to one week of the computed plan."""

    model_config = ConfigDict(allow_inf_nan=False)

    week: int = Field(ge=1, le=26)
    sessions: int | None = Field(default=None, ge=1, le=7)
    main_min: float | None = Field(default=None, gt=0, le=MAX_WALK_MIN)
    note: str = Field(default="", max_length=500)

    @property
    def changed_fields(self) -> set[str]:
        """The week's values this change sets (of OVERRIDABLE): days, walk minutes, or both."""
        return {field for field in OVERRIDABLE if getattr(self, field) is not None}


OVERRIDABLE = ("sessions", "main_min")  # the values of a week a clinician can change


def _after_a_change(week: Week, changed: Week) -> str:
    """The note of the week after one the clinician changed: as first planned, and how it stands to the change."""
    if week.weekly_main_min == changed.weekly_main_min:
        than = f"the same walking as week {changed.week} as changed"
    else:
        than = f"{'more' if week.weekly_main_min > changed.weekly_main_min else 'less'} walking than week " \
               f"{changed.week} as changed"
    return f"as first planned, not built on the change: {than}"


class OverriddenPlan(BaseModel):
    weeks: list[Week]
    warnings: list[PlanWarning]


def apply_overrides(plan: Plan, overrides: list[WeekOverride], max_sessions: int) -> OverriddenPlan:
    by_week = {o.week: o for o in overrides if 1 <= o.week <= len(plan.weeks)}
    weeks: list[Week] = []
    for week in plan.weeks:
        change = by_week.get(week.week)
        if change is None:
            # its note ("longer walks") compared it with the week before as the engine planned it, not as changed
            # (seen by a tester: "longer walks" on a week 42 % below the changed one): said against the change
            stale = week.week - 1 in by_week  # never week 1: weeks holds the changed week before it
            weeks.append(week.model_copy(update={"note": _after_a_change(week, weeks[-1])}) if stale else week)
            continue
        sessions = change.sessions or week.sessions
        main = change.main_min or week.main_min
        note = f"changed by the clinician{': ' + change.note if change.note else ''}"
        weeks.append(week.model_copy(update={"sessions": sessions, "main_min": main,
                                             "bout_min": round(main / week.bouts, 2), "weekly_main_min": sessions * main,
                                             "note": note}))
    weeks = _with_increases(weeks)
    warnings = []
    cap = plan.rules.max_weekly_increase_pct / 100
    two_week = plan.rules.max_two_week_increase_pct / 100
    for index, week in enumerate(weeks):
        if week.week not in by_week:
            continue

        def warn(message: str, number: int = week.week) -> None:
            warnings.append(PlanWarning(code=WarningCode.OVERRIDE_BREAKS_RULE, severity="caution",
                                        message=f"Week {number}: {message}", source=OVERRIDE_SOURCE))

        if index and week.weekly_main_min > weeks[index - 1].weekly_main_min * (1 + cap) + 1e-9:
            warn(f"{week.weekly_main_min:g} min is more than {plan.rules.max_weekly_increase_pct}% above the "
                 f"week before ({weeks[index - 1].weekly_main_min:g} min).")
        if index >= 2 and week.weekly_main_min > weeks[index - 2].weekly_main_min * (1 + two_week) + 1e-9:
            warn(f"more than {plan.rules.max_two_week_increase_pct}% above two weeks before.")
        if index + 1 < len(weeks) and weeks[index + 1].weekly_main_min > week.weekly_main_min * (1 + cap) + 1e-9:
            warn(f"rises more than {plan.rules.max_weekly_increase_pct}% from week {week.week} as changed.",
                 week.week + 1)
        planned = plan.weeks[index]
        if week.bouts > 1 and week.bout_min > planned.bout_min + 1e-9:
            # the engine keeps bouts within today's walking tolerance; a longer walk in as many parts breaks that
            warn(f"each of its {week.bouts} parts is now {week.bout_min:g} min, longer than the {planned.bout_min:g} "
                 "min planned from the patient's walking tolerance.")
        if week.main_min > g.SESSION_TARGET_MIN:
            warn(f"{week.main_min:g} min walks are longer than the {g.SESSION_TARGET_MIN}-minute sessions the plan builds to.")
        if week.sessions > max_sessions:
            warn(f"{week.sessions} days is more than the patient's maximum of {max_sessions}.")
        if week.weekly_main_min > g.WEEKLY_TARGET_MIN:
            warn(f"{week.weekly_main_min:g} min is above the {g.WEEKLY_TARGET_MIN} minutes a week the plan aims for.")
    return OverriddenPlan(weeks=weeks, warnings=warnings)


def _with_increases(weeks: list[Week]) -> list[Week]:
    """Each week's change against the week before, from the weeks as overridden (an override changes its own
    week's figure and the next one's), rounded as the engine rounds it."""
    out: list[Week] = []
    for index, week in enumerate(weeks):
        before = weeks[index - 1].weekly_main_min if index else None
        increase = None if not before else round((week.weekly_main_min / before - 1) * 100, 1)
        out.append(week if increase == week.increase_pct else week.model_copy(update={"increase_pct": increase}))
    return out


def effective_plan(plan: Plan, overrides: list[WeekOverride], max_sessions: int) -> Plan:
    """The plan as the clinician left it: overridden weeks in place, each broken rule added as a warning."""
    if not overrides:
        return plan
    result = apply_overrides(plan, overrides, max_sessions)
    warnings = with_guideline_note(plan.warnings, plan.etiology, result.weeks)  # where the changed weeks end
    return plan.model_copy(update={"weeks": result.weeks, "warnings": [*result.warnings, *warnings]})
