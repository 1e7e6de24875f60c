"""The plan in force in words, as a colleague reading the course needs it beside the walks: the moderate target, how
intensity is set (and why not by heart rate), and walks in parts. Seen in review: the progress report listed the
highest heart rates logged without saying the patient was on a beta-blocker, flagged 140 against 116-136 without
saying the plan calls heart rate a rough guide after a spinal cord injury, and read "3 walks of 6 minutes" for a
plan walked in two parts."""

from __future__ import annotations

from core.plan.course_rows import stops_walking
from core.plan.engine import Plan
from core.plan.warnings import WarningCode


def prescription_in_words(plan: Plan) -> str:
    """The plan's intensity and parts in a few sentences ("" for a blocked plan: it has no walks to set)."""
    if stops_walking(plan):
        return ""
    intensity = plan.intensity
    rpe = f"RPE {intensity.rpe[0]}-{intensity.rpe[1]}"
    target = (f"heart rate {intensity.target_hr[0]}-{intensity.target_hr[1]} beats a minute and {rpe}"
              if intensity.target_hr else rpe)
    said = [f"Moderate weeks: {target}. {intensity.method_reason}"]
    said += [warning.message for warning in plan.warnings if warning.code == WarningCode.HR_ROUGH_GUIDE]
    parts = [week for week in plan.weeks if week.bouts > 1]
    if parts:
        numbers = [week.week for week in parts]
        weeks = (f"week {numbers[0]}" if len(numbers) == 1 else f"weeks {numbers[0]}-{numbers[-1]}"
                 if numbers == list(range(numbers[0], numbers[-1] + 1)) else f"weeks {', '.join(map(str, numbers))}")
        said.append(f"Walks in parts in {weeks} (week {parts[0].week}: {parts[0].bouts} parts of "
                    f"{parts[0].bout_min:g} min, {parts[0].main_min:g} min a walk).")
    return " ".join(said)
