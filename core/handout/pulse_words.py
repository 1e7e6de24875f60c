"""The handout's "Taking your pulse", where the plan's targets are heart rates: when and how to count, the count
that matches each band of the week table, and what to do when it is higher."""

from __future__ import annotations

from core.handout.language import Wording
from core.handout.patient_words import PULSE_COUNT
from core.plan.engine import Plan
from core.plan.intensity import pulse_count, pulse_count_seconds
from core.plan.warnings import WarningCode


def pulse_lines(plan: Plan, codes: set[WarningCode], t: Wording) -> tuple[list[str], int]:
    """The section's lines, and the seconds of the count (one for every week)."""
    ranges = {week.band: week.target_hr for week in plan.weeks}  # as the week table prints them, light first
    # one count for every week: as long as the narrowest band needs, so the patient learns a single way
    count_seconds = pulse_count_seconds(list(ranges.values()))
    counts = []
    for band, beats in ranges.items():
        _, low_count, high_count = pulse_count(beats, count_seconds)
        counts.append(t(PULSE_COUNT[band], low=low_count, high=high_count, seconds=count_seconds))
    pulse = [
        t("Check your pulse near the end of your walk."),
        # seen in review: fingers on the wrist take both hands off the rails of a moving belt, where the handout
        # asks a patient with numb feet or poor balance to hold them; a pulse counted while moving is miscounted,
        # so stop, then count at once (WebMD, Pulse Measurement: "stop and take your pulse")
        t("Stop the belt first, and hold a handrail with one hand. Then count at once: your pulse slows quickly "
          "when you stop."),
        t("Put two fingers on the inside of your wrist, below the thumb."),
        t("Count the beats for {seconds} seconds.", seconds=count_seconds),
        *counts,
        # spinal cord injury below T6: effort leads, the pulse is a rough guide (guidelines.HR_UNRELIABLE)
        *([t("Go by the effort scale and the talk test first. With your spinal cord injury, your pulse is only a "
             "rough guide.")] if WarningCode.HR_ROUGH_GUIDE in codes else []),
        # the count, not the table's beats a minute, is what the patient holds against the range (25 is not 100);
        # "about": the counts are rounded inward (intensity.pulse_count), so times 4 may be a little narrower.
        # A rough guide slows the belt only with the effort (seen in review: "only a rough guide", then "If your
        # count is higher, slow down" on its own)
        t("If your count is higher and the walk also feels harder than your target, slow down. Your count times "
          "{times} is about the same as the beats a minute in your table.", times=60 // count_seconds)
        if WarningCode.HR_ROUGH_GUIDE in codes else
        t("If your count is higher, slow down. Your count times {times} is about the same as the beats a "
          "minute in your table.", times=60 // count_seconds),
    ]
    return pulse, count_seconds
