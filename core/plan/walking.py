"""Treadmill speed and grade from the patient's own comfortable walking speed (never rodent speeds)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from core.plan import guidelines as g

if TYPE_CHECKING:
    from core.plan.engine import Week


KM_PER_MILE = 1.609344


def slipped(logged_kmh: float, planned_kmh: float, typed_in: str | None = None) -> bool:
    """A belt speed that reads as typed in the other units: more than a quarter off the week's planned speed, and
    within a tenth of it read in the other units (product defaults). ``typed_in``: the units it was typed in
    (units_slip), or None where that is not known (a walk read back from the records), either way."""
    if abs(logged_kmh - planned_kmh) <= 0.25 * planned_kmh:
        return False
    readings = {"km/h": [logged_kmh * KM_PER_MILE], "mph": [logged_kmh / KM_PER_MILE]}.get(
        typed_in or "", [logged_kmh * KM_PER_MILE, logged_kmh / KM_PER_MILE])
    return any(abs(other - planned_kmh) <= 0.1 * planned_kmh for other in readings)


def units_slip(logged_kmh: float, planned_kmh: float, week: int, typed_in: str) -> str:
    """A belt speed that reads as typed in the other units (``slipped``), said (else ""). ``typed_in``: "km/h" (the
    command line, a metric clinic's form: 1.6 typed from an imperial walking log for a 2.5 km/h plan, where 1.6 mph is
    2.57 km/h) or "mph" (an imperial clinic's form, kept as mph x 1.609: 3.8 typed from a km/h display for a 3.8 km/h
    plan; seen in review: 4.3 typed for a 4 km/h plan was said to be "its planned speed")."""
    if not slipped(logged_kmh, planned_kmh, typed_in):
        return ""
    typed = logged_kmh / KM_PER_MILE if typed_in == "mph" else logged_kmh
    if typed_in == "mph":
        return (f"The belt speed typed, {typed:.1f} mph, is far from week {week}'s planned "
                f"{planned_kmh / KM_PER_MILE:.1f} mph, and {typed:.1f} km/h would be close to its planned "
                f"{planned_kmh:g} km/h: check the units (the form takes mph).")
    return (f"The belt speed, {typed:g} km/h, is far from week {week}'s planned {planned_kmh:g} km/h, and {typed:g} "
            f"mph would be {typed * KM_PER_MILE:.1f} km/h: check the units (km/h = mph x {KM_PER_MILE:.3f}).")


def kmh_to_m_per_min(speed_kmh: float) -> float:
    return speed_kmh * 1000 / 60


def walking_vo2(speed_m_per_min: float, grade_fraction: float) -> float:
    """ACSM walking equation, mL/kg/min: 3.5 + 0.1 x S + 1.8 x S x G."""
    return 3.5 + 0.1 * speed_m_per_min + 1.8 * speed_m_per_min * grade_fraction


def walking_mets(speed_m_per_min: float, grade_fraction: float) -> float:
    return walking_vo2(speed_m_per_min, grade_fraction) / 3.5


class TreadmillSetting(BaseModel):
    speed_kmh: float | None
    grade_pct: int
    mets: float | None  # None where there is no speed, or the equation is not meant for it


def treadmill_setting(comfortable_speed_kmh: float | None, band: g.Band) -> TreadmillSetting:
    """Start at the comfortable speed, flat; in moderate weeks add the least gentle incline that
    brings the ACSM estimate to the moderate band, if the equation is valid at that speed."""
    if comfortable_speed_kmh is None:
        return TreadmillSetting(speed_kmh=None, grade_pct=0, mets=None)
    speed = kmh_to_m_per_min(comfortable_speed_kmh)
    low, high = g.ACSM_WALKING_VALID_M_PER_MIN
    if not low <= speed <= high:
        return TreadmillSetting(speed_kmh=comfortable_speed_kmh, grade_pct=0, mets=None)
    grade = 0
    if band.name == "moderate":
        while walking_mets(speed, grade / 100) < band.mets[0] and grade < g.MAX_SUGGESTED_GRADE_PCT:
            grade += 1
    mets = round(walking_mets(speed, grade / 100), 2)
    return TreadmillSetting(speed_kmh=comfortable_speed_kmh, grade_pct=grade, mets=mets)


def energy_cost_in_words(weeks: Sequence[Week], units: Literal["metric", "imperial"] = "metric") -> str:
    """The treadmill's energy cost as the plan estimates it, for the clinician: each setting with its weeks
    ("4 km/h flat, about 2.9 METs (weeks 1-2)"), or why none is estimated (no comfortable speed recorded, or a
    speed the ACSM walking equation is not meant for). ``units``: the handout's; in miles the speed is given in
    both (seen in review: the patient's pages said 2.2 mph, the clinician's page beside them 3.5 km/h only)."""
    if not weeks:
        return ""
    speed = weeks[0].speed_kmh
    if speed is None:
        return "No comfortable walking speed recorded: the speed is set by feel, using the effort targets."
    if any(week.mets is None for week in weeks):
        low, high = (limit / 1000 * 60 for limit in g.ACSM_WALKING_VALID_M_PER_MIN)
        m_per_min = f"{kmh_to_m_per_min(speed):.0f} m/min"
        said = (f"{speed / KM_PER_MILE:.1f} mph ({speed:g} km/h, {m_per_min})" if units == "imperial"
                else f"{speed:g} km/h ({m_per_min})")
        return (f"{said} is outside the {low:g}-{high:g} km/h the ACSM "
                "walking equation is meant for (a range seen only in secondary sources): no energy cost is "
                "estimated, and the effort targets set the speed.")
    runs: list[list] = []  # [speed, grade, METs, first week, last week]
    for week in weeks:
        if runs and runs[-1][:3] == [week.speed_kmh, week.grade_pct, week.mets]:
            runs[-1][4] = week.week
        else:
            runs.append([week.speed_kmh, week.grade_pct, week.mets, week.week, week.week])
    parts = [f"{speed_in_units(kmh, units)} {'flat' if grade == 0 else f'at {grade}% grade'}, about {mets:g} METs"
             + ("" if len(runs) == 1 else f" (week {first})" if first == last else f" (weeks {first}-{last})")
             for kmh, grade, mets, first, last in runs]
    graded = (f" A grade is added in moderate weeks where the comfortable speed flat comes to under "
              f"{g.MODERATE.mets[0]:g} METs, moderate's lowest (ACSM), the least that reaches it, at most "
              f"{g.MAX_SUGGESTED_GRADE_PCT}% (product default: a gentle incline only)."
              if any(week.grade_pct for week in weeks) else "")
    return ("By the ACSM walking equation (an estimate; the effort targets decide): " + "; ".join(parts) + "."
            + graded)


def form_speed(kmh: float, units: str) -> float:
    """A speed as a clinic's form shows it: in mph to two decimals for an imperial clinic, else in km/h as kept."""
    return round(kmh / KM_PER_MILE, 2) if units == "imperial" else kmh


def typed_kmh(typed: float, units: str) -> float:
    """A speed typed in a clinic's form, as kept: mph x 1.609 to two decimals for an imperial clinic, else as typed."""
    return round(typed * KM_PER_MILE, 2) if units == "imperial" else typed


def typed_speed_in_words(kmh: float, units: str) -> str:
    """A speed as a clinic's form takes it, the km/h kept beside mph: "2.5 mph (4.02 km/h)", or "4.02 km/h"."""
    return f"{form_speed(kmh, units):g} mph ({kmh:g} km/h)" if units == "imperial" else f"{kmh:g} km/h"


def speed_in_units(kmh: float, units: Literal["metric", "imperial"]) -> str:
    """A speed for the clinician in the clinic's units: "3.5 km/h", or "2.2 mph (3.5 km/h)"."""
    return f"{kmh:g} km/h" if units == "metric" else f"{kmh / KM_PER_MILE:.1f} mph ({kmh:g} km/h)"
