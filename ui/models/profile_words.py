"""A profile problem as the form says it: core's messages name what a profile file holds ("or null",
"[systolic, diastolic]"), while the form has boxes a clinician leaves empty. Each problem stays under its own
field, so only the words of what is allowed change (core/plan/profile.py ALLOWED keeps the file's words)."""

from __future__ import annotations

from core.plan.profile import ALLOWED

# The form's words for what a field allows, where they differ from a profile file's.
FORM_ALLOWED: dict[str, str] = {
    "measured_hr_max": ALLOWED["measured_hr_max"].replace(
        ", or null", ", or left empty (the formula chosen in Settings is used)"),
    "comfortable_speed_kmh": ALLOWED["comfortable_speed_kmh"].replace(", or null", ", or left empty"),
    "resting_bp": "systolic 60-300 and diastolic 30-200 mmHg, systolic above diastolic; or both boxes left empty",
}
# Pydantic's words for a blood pressure with one box empty, which the form can say plainly.
ONE_BOX_EMPTY = ("must be a valid tuple", "is required")


def in_form_words(field: str, problem: str) -> str:
    """``problem`` ("must be at most 220; allowed: ...") as the form shows it under ``field``."""
    said, _, allowed = problem.partition("; allowed: ")
    if field == "resting_bp" and said in ONE_BOX_EMPTY:
        said = "enter both the systolic and the diastolic value"
    if not allowed:
        return said
    return f"{said}; allowed: {FORM_ALLOWED.get(field, allowed)}"
