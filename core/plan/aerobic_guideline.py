"""Where a plan's weeks stand against the aerobic guideline for the patient's condition, for the clinician. The plan
grows from today's walking tolerance under its caps, so it may end short of the guideline; seen in review: a spinal
cord injury plan that ended at 3 walks of 10 minutes said nothing of Martin Ginis 2018's 20 minutes twice a week."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.plan import guidelines as g
from core.plan.warnings import PlanWarning, WarningCode

if TYPE_CHECKING:
    from core.plan.engine import Week

EPSILON = 1e-9


def aerobic_guideline(etiology: str) -> g.AerobicGuideline:
    """The condition's own guideline where it has one, else the one for adults."""
    return g.ETIOLOGY_AEROBIC.get(etiology, g.ADULT_AEROBIC)


def meets(guideline: g.AerobicGuideline, week: Week) -> bool:
    """A moderate week walks what the guideline asks (a light week is below its effort, however long)."""
    if week.band != "moderate":
        return False
    if guideline.weekly_min is not None:
        return week.weekly_main_min >= guideline.weekly_min - EPSILON
    return week.sessions >= guideline.sessions_per_week and week.main_min >= guideline.session_min - EPSILON


def guideline_note(etiology: str, weeks: Sequence[Week]) -> PlanWarning | None:
    """The note, from the weeks as the clinician left them; None for a plan with no weeks (blocked)."""
    if not weeks:
        return None
    guideline, last = aerobic_guideline(etiology), weeks[-1]
    first = next((week for week in weeks if meets(guideline, week)), None)
    asks = f"The aerobic guideline for {guideline.group} asks for {guideline.asks}"
    if first is None:
        message = f"{asks}; this plan does not reach it in its {len(weeks)} weeks: week {last.week} has {_walks(last)}."
    elif meets(guideline, last):
        message = f"{asks}; this plan reaches it in week {first.week}, with {_walks(first)}."
    else:  # a day added shortens each walk below it again (multiple sclerosis), or a week changed by hand
        message = (f"{asks}; this plan reaches it in week {first.week}, with {_walks(first)}, but week {last.week} "
                   f"falls short of it, with {_walks(last)}.")
    return PlanWarning(code=WarningCode.AEROBIC_GUIDELINE, severity="info", message=message, source=guideline.source)


def with_guideline_note(warnings: list[PlanWarning], etiology: str, weeks: Sequence[Week]) -> list[PlanWarning]:
    """``warnings`` with the note made again from ``weeks`` (weeks changed by hand), where they carry one: a plan saved
    under guidelines before the note keeps the warnings it was given."""
    if not any(warning.code == WarningCode.AEROBIC_GUIDELINE for warning in warnings):
        return warnings
    note = guideline_note(etiology, weeks)
    kept = [warning for warning in warnings if warning.code != WarningCode.AEROBIC_GUIDELINE]
    return [*kept, note] if note else kept


def _walks(week: Week) -> str:
    """"3 light walks of 5 min, each in 2 parts (15 min in all)": what the week holds, as the guideline counts it."""
    effort = " light" if week.band == "light" else ""
    walks = f"{week.sessions}{effort} walk{'s' if week.sessions != 1 else ''} of {week.main_min:g} min"
    parts = f", each in {week.bouts} parts" if week.bouts > 1 else ""
    return f"{walks}{parts} ({week.weekly_main_min:g} min in all)"
