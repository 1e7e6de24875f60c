"""A profile problem as the form says it: core's messages name what a profile file holds ("or null",
"[systolic, diastolic]"), while the form has boxes a clinician leaves empty. Each problem stays under its own
field, so only the words of what is allowed change (core/plan/profile.py ALLOWED keeps the file's words)."""

from __future__ import annotations

import re

from core.plan.profile import ALLOWED, PatientProfile
from core.plan.walking import KM_PER_MILE

# The form's words for what a field allows, where they differ from a profile file's.
FORM_ALLOWED: dict[str, str] = {
    "measured_hr_max": ALLOWED["measured_hr_max"].replace(
        ", or null", ", or left empty (the formula chosen in Settings is used)"),
    "comfortable_speed_kmh": ALLOWED["comfortable_speed_kmh"].replace(", or null", ", or left empty"),
    "resting_bp": "systolic 60-300 and diastolic 30-200 mmHg, systolic above diastolic; or both boxes left empty",
}
# Pydantic's words for a blood pressure with one box empty, which the form can say plainly.
ONE_BOX_EMPTY = ("must be a valid tuple", "is required")
SPEED = "comfortable_speed_kmh"  # kept in km/h; an imperial clinic's form takes it in mph (ProfileForm.set_units)
SLOWEST = next(bound.ge for bound in PatientProfile.model_fields[SPEED].metadata if hasattr(bound, "ge"))
FASTEST = next(bound.le for bound in PatientProfile.model_fields[SPEED].metadata if hasattr(bound, "le"))


def in_mph(kmh: float) -> str:
    """A km/h bound of the comfortable speed as the imperial form takes it, to two decimals as it keeps it: "4.97"."""
    return f"{kmh / KM_PER_MILE:.2f}"


def in_form_words(field: str, problem: str, units: str = "metric") -> str:
    """``problem`` ("must be at most 220; allowed: ...") as the form shows it under ``field``, the comfortable speed's
    in the clinic's ``units`` (seen in review: "must be at most 8" under a speed an imperial clinic types in mph)."""
    said, _, allowed = problem.partition("; allowed: ")
    if field == "resting_bp" and said.endswith(ONE_BOX_EMPTY):  # "the diastolic value is required"
        said = "enter both the systolic and the diastolic value"
    if field == SPEED and units == "imperial":
        said = re.sub(r"(at most|at least) (\d+(?:\.\d+)?)", lambda bound: f"{bound[1]} {in_mph(float(bound[2]))} mph",
                      said)
        allowed = allowed and (f"a speed from {in_mph(SLOWEST)} to {in_mph(FASTEST)} mph ({SLOWEST:g} to "
                               f"{FASTEST:g} km/h), or left empty")
        return f"{said}; allowed: {allowed}" if allowed else said
    if not allowed:
        return said
    return f"{said}; allowed: {FORM_ALLOWED.get(field, allowed)}"
