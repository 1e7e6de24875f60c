"""The week-by-week progression of the main walking set.

Rules, each from core/plan/guidelines.py: the main set starts at or below today's tolerance (in
bouts when that is under 5 minutes); session length grows before the number of sessions; the
weekly main-set minutes never rise faster than the weekly cap, nor by more than the two-week cap (30 %
by default) over two weeks, so never by more than the two-week cap in one week either; growth stops at
150 minutes a week; the week intensity rises from light to moderate keeps the previous week's minutes. The
longest part walked without a rest grows under the same two caps, from the parts walked, beyond today's
tolerance.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel

from core.plan import guidelines as g

EPSILON = 1e-9


class Progression(BaseModel):
    week: int
    sessions: int
    main_min: float  # walking minutes per session, all bouts together
    bouts: int
    bout_min: float  # about this long each (main_min / bouts)
    band: Literal["light", "moderate"]
    weekly_main_min: float
    increase_pct: float | None  # against the previous week
    note: str


def floor_to_step(minutes: float, step: float = g.MINUTE_STEP, *, slack: float = EPSILON) -> float:
    """Round down to the planning step; ``slack`` forgives float noise in computed limits."""
    return math.floor(minutes / step + slack) * step


def progression(
    *,
    weeks: int,
    tolerance_min: float,
    max_sessions: int,
    weekly_cap_pct: float,
    light_weeks: int,
    two_week_cap_pct: float = g.TWO_WEEK_INCREASE_LIMIT_PCT,
) -> list[Progression]:
    two_week_cap = two_week_cap_pct / 100
    # One week's rise can never exceed the two-week cap: the minutes never fall, so the week after it, even
    # held, would be that far above the week before it (a weekly cap of 25 % with a two-week cap of 20 %).
    cap = min(weekly_cap_pct, two_week_cap_pct) / 100
    # Strict rounding here: a bout must never exceed what the patient walked today.
    bout_start = max(floor_to_step(min(tolerance_min, g.SESSION_TARGET_MIN), slack=0), g.MINUTE_STEP)
    # Below 5 minutes, 5 minutes in all, in equal bouts no longer than today's tolerance (never more than a
    # patient who walks 5 minutes gets).
    main = max(bout_start, float(g.SHORT_BOUT_BELOW_MIN))
    sessions = min(g.STARTING_SESSIONS_PER_WEEK, max_sessions)
    totals: list[float] = []
    longest: list[float] = []  # the longest part walked each week: it grows under the same two caps
    weeks_out: list[Progression] = []
    for week in range(1, weeks + 1):
        band = "light" if week <= light_weeks else "moderate"
        note = "first week: the main set starts at or below today's walking tolerance"
        if week > 1:
            allowed = totals[-1] * (1 + cap)
            if week > 2:
                allowed = min(allowed, totals[-2] * (1 + two_week_cap))
            allowed = max(min(allowed, float(g.WEEKLY_TARGET_MIN)), totals[-1])
            if band == "moderate" and weeks_out[-1].band == "light":
                allowed, note = totals[-1], "effort rises to moderate this week, so the minutes stay the same"
            else:
                sessions, main, note = _next_week(sessions, main, allowed, max_sessions, totals[-1])
        bouts = max(1, math.ceil(main / _longest_part(bout_start, longest, cap, two_week_cap) - EPSILON))
        if week == 1 and bouts > 1:  # 5 minutes in all: only each part is within today's tolerance (seen in review)
            note = "first week: each part is at or below today's walking tolerance"
        longest.append(main / bouts)
        total = sessions * main
        increase = None if not totals else round((total / totals[-1] - 1) * 100, 1)
        totals.append(total)
        weeks_out.append(Progression(
            week=week, sessions=sessions, main_min=main, bouts=bouts, bout_min=round(main / bouts, 2), band=band,
            weekly_main_min=total, increase_pct=increase, note=note,
        ))
    return weeks_out


def _longest_part(bout_start: float, longest: list[float], cap: float, two_week_cap: float) -> float:
    """The longest part this week may hold: today's tolerance, or the parts walked grown under the caps.

    Grown from the parts the patient walked, not from last week's limit: a limit that grew while the parts
    stayed shorter let two parts of 4 minutes become one walk of 8½ in a week.
    """
    grown = longest[-1] * (1 + cap) if longest else 0.0
    if len(longest) > 1:
        grown = min(grown, longest[-2] * (1 + two_week_cap))
    return max(bout_start, grown)


def _next_week(sessions: int, main: float, allowed: float, max_sessions: int, last_total: float) -> tuple[int, float, str]:
    """Grow session length up to the target first; then add a day; otherwise hold."""
    if last_total >= g.WEEKLY_TARGET_MIN - EPSILON:
        return sessions, main, f"at {g.WEEKLY_TARGET_MIN} minutes a week: keep it here"
    if main < g.SESSION_TARGET_MIN:
        longer = min(float(g.SESSION_TARGET_MIN), floor_to_step(allowed / sessions))
        if longer > main:
            return sessions, longer, "longer walks"
        return sessions, main, "consolidation week: same as last week"
    if sessions >= max_sessions:  # not a pause before more: where the plan stays, under the weekly target
        return sessions, main, (f"the most days a week set for this patient, with {g.SESSION_TARGET_MIN} min walks: "
                                f"keep it here ({g.WEEKLY_TARGET_MIN} min a week would need more days)")
    shorter = min(float(g.SESSION_TARGET_MIN), floor_to_step(allowed / (sessions + 1)))
    if shorter * (sessions + 1) > last_total:  # seen in review: "a little shorter" for walks as long as before
        return sessions + 1, shorter, ("one more day a week; each walk a little shorter to keep the weekly rise in "
                                       "check" if shorter < main - EPSILON else "one more day a week")
    return sessions, main, "consolidation week: same as last week"
