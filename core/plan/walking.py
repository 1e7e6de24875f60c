"""Treadmill speed and grade from the patient's own comfortable walking speed (never rodent speeds)."""

from __future__ import annotations

from pydantic import BaseModel

from core.plan import guidelines as g


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
    mets: float | None
    note: str


def treadmill_setting(comfortable_speed_kmh: float | None, band: g.Band) -> TreadmillSetting:
    """Start at the comfortable speed, flat; in moderate weeks add the least gentle incline that
    brings the ACSM estimate to the moderate band, if the equation is valid at that speed."""
    if comfortable_speed_kmh is None:
        return TreadmillSetting(speed_kmh=None, grade_pct=0, mets=None,
                                note="No comfortable speed recorded: set the speed by feel, using the effort targets.")
    speed = kmh_to_m_per_min(comfortable_speed_kmh)
    low, high = g.ACSM_WALKING_VALID_M_PER_MIN
    if not low <= speed <= high:
        return TreadmillSetting(
            speed_kmh=comfortable_speed_kmh, grade_pct=0, mets=None,
            note=(f"The ACSM walking equation is meant for about {low / 1000 * 60:g}-{high / 1000 * 60:g} km/h (a range "
                  "seen only in secondary sources), so no energy cost is estimated; adjust speed by the effort targets."),
        )
    grade = 0
    if band.name == "moderate":
        while walking_mets(speed, grade / 100) < band.mets[0] and grade < g.MAX_SUGGESTED_GRADE_PCT:
            grade += 1
    mets = round(walking_mets(speed, grade / 100), 2)
    note = f"About {mets:g} METs by the ACSM walking equation (an estimate; the effort targets decide)."
    return TreadmillSetting(speed_kmh=comfortable_speed_kmh, grade_pct=grade, mets=mets, note=note)
