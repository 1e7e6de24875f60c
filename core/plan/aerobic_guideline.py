"""Where a plan's weeks stand against the aerobic guideline for the patient's condition, for the clinician. The plan
grows from today's walking tolerance under its caps, so it may end short of the guideline; seen in review: a spinal
cord injury plan that ended at 3 walks of 10 minutes said nothing of Martin Ginis 2018's 20 minutes twice a week."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.plan import guidelines as g
from core.plan.progression import EPSILON
from core.plan.warnings import PlanWarning, WarningCode

if TYPE_CHECKING:
    from core.plan.engine import Week



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
    """The note, from the weeks as the clinician left them; None for a plan with no weeks (blocked). Every week that
    falls short after the first that reaches it is named, whatever the plan's length (seen in review: a 16-week
    multiple sclerosis plan said its last week fell short, and an 18-week one, short in weeks 15-17, said nothing)."""
    if not weeks:
        return None
    guideline, last = aerobic_guideline(etiology), weeks[-1]
    first = next((week for week in weeks if meets(guideline, week)), None)
    asks = f"The aerobic guideline for {guideline.group} asks for {guideline.asks}"
    if first is None:
        message = (f"{asks}; this plan does not reach it in its {len(weeks)} weeks: week {last.week} has "
                   f"{_walks(last)}{_short_of(guideline, last)}.")
        return PlanWarning(code=WarningCode.AEROBIC_GUIDELINE, severity="info", message=message,
                           source=guideline.source)
    message = f"{asks}; this plan reaches it in week {first.week}, with {_walks(first)}"
    short = [week for week in weeks if week.week > first.week and not meets(guideline, week)]
    if short:
        before = weeks[weeks.index(short[0]) - 1]
        why = (" (a day added, so each walk is shorter)" if short[0].sessions > before.sessions
               and short[0].weekly_main_min >= before.weekly_main_min else "")
        which = _week_numbers([week.week for week in short])
        message += (f", but {which} falls short of it again{why}, with {_walks(short[0])}" if len(short) == 1 else
                    f", but {which} fall short of it again{why}: week {short[0].week} has {_walks(short[0])}")
        message += _short_of(guideline, short[0])
    return PlanWarning(code=WarningCode.AEROBIC_GUIDELINE, severity="info", message=f"{message}.",
                       source=guideline.source)


def with_guideline_note(warnings: list[PlanWarning], etiology: str, weeks: Sequence[Week]) -> list[PlanWarning]:
    """``warnings`` with the note made again from ``weeks`` (weeks changed by hand), where they carry one: a plan saved
    under guidelines before the note keeps the warnings it was given."""
    if not any(warning.code == WarningCode.AEROBIC_GUIDELINE for warning in warnings):
        return warnings
    note = guideline_note(etiology, weeks)
    kept = [warning for warning in warnings if warning.code != WarningCode.AEROBIC_GUIDELINE]
    return [*kept, note] if note else kept


def _walks(week: Week) -> str:
    """"3 walks of 21 min, each 5 parts added together (63 min in all)": what the week holds, as the guideline counts
    it (a walk in parts counts whole: the note says so, for the clinician to judge)."""
    walks = f"{week.sessions} walk{'s' if week.sessions != 1 else ''} of {week.main_min:g} min"
    parts = f", each {week.bouts} parts added together" if week.bouts > 1 else ""
    return f"{walks}{parts} ({week.weekly_main_min:g} min in all)"


def _short_of(guideline: g.AerobicGuideline, week: Week) -> str:
    """What keeps ``week`` short of the guideline, after its walks (seen in review: "week 12 has 3 walks of 25 min (75
    min in all)" under 30 min twice a week read as more than it asks: each walk was short)."""
    if week.band != "moderate":
        return ", at a light effort"
    if guideline.weekly_min is not None:
        return f", under the {guideline.weekly_min} min a week it asks for"
    if guideline.sessions_per_week is not None and week.sessions < guideline.sessions_per_week:
        return f", fewer than the {guideline.sessions_per_week} walks a week it asks for"
    return f", each walk under the {guideline.session_min} min it asks for"


def _week_numbers(numbers: list[int]) -> str:
    """"week 16", "weeks 15-17 and 20": runs of weeks as the clinician reads them."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    named = [f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"week{'s' if len(numbers) > 1 else ''} {listed}"
