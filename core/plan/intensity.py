"""Intensity targets: maximal heart rate, heart-rate reserve (Karvonen), and when to use RPE instead."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel

from core.plan import guidelines as g
from core.plan.profile import PatientProfile


def hr_max_from_formula(age: int, formula: str = g.DEFAULT_HR_MAX_FORMULA) -> float:
    """Predicted maximal heart rate, e.g. Tanaka: 208 - 0.7 x age."""
    chosen = g.HR_MAX_FORMULAS[formula]
    return chosen.intercept - chosen.slope * age


def heart_rate_reserve(hr_max: float, hr_rest: float, fraction: float) -> float:
    """Karvonen: target = (HRmax - HRrest) x fraction + HRrest."""
    return (hr_max - hr_rest) * fraction + hr_rest


def target_hr_range(hr_max: float, hr_rest: int, band: g.Band) -> tuple[int, int]:
    """Whole beats per minute that stay inside the band: the low end rounded up, the high end down."""
    low = heart_rate_reserve(hr_max, hr_rest, band.hrr_pct[0] / 100)
    high = heart_rate_reserve(hr_max, hr_rest, band.hrr_pct[1] / 100)
    return math.ceil(round(low, 6)), math.floor(round(high, 6))


def hr_unreliable_reasons(profile: PatientProfile) -> list[str]:
    """Keys of g.HR_UNRELIABLE that apply: heart rate then cannot set intensity."""
    flags = {
        "beta_blocker": profile.beta_blocker,
        "atrial_fibrillation": profile.atrial_fibrillation,
        "pacemaker_or_icd": profile.pacemaker_or_icd,
        "heart_transplant": profile.heart_transplant,
        "autonomic_neuropathy": profile.autonomic_neuropathy,
        "sci_t6_or_above": profile.sci_at_or_above_t6,
    }
    return [key for key, applies in flags.items() if applies]


class Intensity(BaseModel):
    method: Literal["hrr", "rpe"]
    method_reason: str
    hr_max: int | None
    hr_max_source: str
    hr_rest: int
    target_hr: tuple[int, int] | None  # moderate band
    light_target_hr: tuple[int, int] | None
    rpe: tuple[int, int]
    light_rpe: tuple[int, int]
    talk_test: str
    sources: list[g.Source]


def pulse_count(beats_a_minute: tuple[int, int], shortest: int = 15) -> tuple[int, int, int] | None:
    """A heart-rate range as the beats a patient counts by hand: (seconds, lowest, highest count) for 15 seconds, or
    for 30 where fewer than two whole 15-second counts lie inside a narrow range (a count is a quarter of a minute's
    beats, so a range of 4 beats a minute may hold one count, or none); never shorter than ``shortest``. None: the
    range is too narrow for two 30-second counts, so a patient cannot keep to it by counting."""
    low, high = beats_a_minute
    for seconds in (s for s in (15, 30) if s >= shortest):
        per_minute = 60 // seconds
        first, last = -(-low // per_minute), high // per_minute  # only counts whose minute lies in the range
        if first < last:
            return seconds, first, last
    return None


# how the handout has the patient take the pulse (core/handout/pulse_words.py): the belt stopped, as a pulse counted on
# a moving belt takes both hands off the rails and is miscounted, then at once, as it slows quickly
PULSE_TAKING_SOURCE = g.Source(
    label="WebMD, Pulse Measurement (stop, then take the pulse at once); a hand on a handrail meanwhile is usual "
          "treadmill practice, a product default", unverified=True)


def pulse_count_seconds(ranges: list[tuple[int, int]]) -> int:
    """The one pulse count a handout teaches for all its heart-rate ranges: as long as the narrowest needs (15 or 30
    seconds; 15 where no range can be kept to by counting, or there is none)."""
    return max([15] + [found[0] for beats in ranges if (found := pulse_count(beats))])


def pulse_below_resting(heart_rate: int, resting_hr: int, ranges: list[tuple[int, int]], on: str = "") -> str:
    """What to check about a walking heart rate below the resting one (of the walk ``on`` a day, where said): most
    likely the walking log's hand count entered as it was (the handout asks for the beats counted in 15 or 30
    seconds, the form for beats a minute)."""
    said = (f"The heart rate{f' on {on}' if on else ''}, {heart_rate} bpm, is below the patient's resting {resting_hr} "
            "bpm: check that it was entered as beats a minute")
    if not ranges:
        return f"{said}."
    seconds = pulse_count_seconds(ranges)
    return (f"{said}. The walking log asks for the beats counted in {seconds} seconds: times {60 // seconds} is "
            f"{heart_rate * (60 // seconds)} a minute.")


def pulse_above_unused_range(heart_rate: int, profile: PatientProfile) -> str | None:
    """Where heart rate sets no target (hr_unreliable_reasons), a walking pulse above the moderate range the patient's
    age and resting heart rate would otherwise give: worth checking (seen by a clinic's tester: 150 bpm at RPE 12 for a
    67-year-old on a beta-blocker was logged without a word, as no target stood beside it). None otherwise."""
    reasons = hr_unreliable_reasons(profile)
    if not reasons:
        return None
    hr_max, source, _ = _hr_max(profile)
    if profile.measured_hr_max is not None:
        source = "the measured peak"
    low, high = target_hr_range(hr_max, profile.resting_hr, g.MODERATE)
    if heart_rate <= high:
        return None
    why = "; ".join(g.HR_UNRELIABLE[key][0] for key in reasons)
    band = f"{g.MODERATE.hrr_pct[0]:g}-{g.MODERATE.hrr_pct[1]:g}% of heart-rate reserve, ACSM"
    return (f"The heart rate, {heart_rate} bpm, is above {low}-{high} bpm, the moderate range ({band}) this patient's "
            f"age and resting heart rate would give ({source}), though heart rate sets no target for them: {why}. "
            "Check the reading, and ask how the walk felt (a product default: a pulse above that range is asked "
            "about).")


def _hr_max(profile: PatientProfile, formula: str = g.DEFAULT_HR_MAX_FORMULA) -> tuple[float, str, g.Source]:
    """The maximal heart rate, where it comes from in words, and its source: a measured peak, else the formula's."""
    if profile.measured_hr_max is not None:
        return (float(profile.measured_hr_max), "measured (exercise test); overrides any formula",
                g.Source(label="Measured peak heart rate from an exercise test"))
    # the whole beats the clinician reads: targets from 167.4 came out a beat above (40 % of 167 - 72, plus 72, is
    # 110 bpm, and the plan said 111); a half rounded up, as a clinician would (162.5 is 163, not round()'s 162)
    chosen = g.HR_MAX_FORMULAS[formula]
    return float(math.floor(hr_max_from_formula(profile.age, formula) + 0.5)), chosen.label, chosen.source


def plan_intensity(profile: PatientProfile, formula: str = g.DEFAULT_HR_MAX_FORMULA) -> Intensity:
    hr_max, hr_max_source, hr_max_ref = _hr_max(profile, formula)
    unreliable = hr_unreliable_reasons(profile)
    talk_text, talk_source = g.TALK_TEST
    rpe = g.MODERATE.rpe
    sources = [g.BANDS_SOURCE, hr_max_ref, g.RPE_SOURCE, talk_source]

    def by_rpe(reason: str, *more_sources: g.Source, max_used: bool) -> Intensity:
        """Heart rate cannot set intensity: RPE and the talk test, saying why (and that a measured peak is unused).
        ``max_used``: the maximum's source is cited only where the reason works with it (seen in testing: Tanaka
        cited beside "heart rate cannot set intensity" for a beta-blocker)."""
        cited = sources if max_used else [g.BANDS_SOURCE, g.RPE_SOURCE, talk_source]
        return Intensity(
            method="rpe", method_reason=reason + _measured_peak_set_aside(profile),
            hr_max=None, hr_max_source="not used", hr_rest=profile.resting_hr,
            target_hr=None, light_target_hr=None,
            rpe=rpe, light_rpe=g.LIGHT.rpe, talk_test=talk_text, sources=[*cited, *more_sources],
        )

    if unreliable:
        reasons = [g.HR_UNRELIABLE[key][0] for key in unreliable]
        return by_rpe("Heart rate cannot set intensity: " + "; ".join(reasons) + f". Use RPE {rpe[0]}-{rpe[1]} "
                      f"({g.RPE_SCALE}) and the talk test."
                      + (f" {g.AF_RPE_NOTE}" if profile.atrial_fibrillation else ""),
                      *(g.HR_UNRELIABLE[key][1] for key in unreliable), max_used=False)
    moderate_hr = target_hr_range(hr_max, profile.resting_hr, g.MODERATE)
    light_hr = target_hr_range(hr_max, profile.resting_hr, g.LIGHT)
    # Light is 30 to under 40 % HRR: its top meets moderate's first beat (rounded separately, 39 % left a pulse
    # between the two bands that neither named: light 100-107, moderate 109-126).
    light_hr = (light_hr[0], max(light_hr[1], moderate_hr[0] - 1))
    if pulse_count(moderate_hr) is None or pulse_count(light_hr) is None:
        return by_rpe(f"Heart rate cannot set intensity: the heart-rate reserve ({round(hr_max)} - "
                      f"{profile.resting_hr} bpm) gives a range too narrow to keep to by counting the pulse "
                      f"({g.NARROW_RANGE_SOURCE.label}). Use RPE {rpe[0]}-{rpe[1]} ({g.RPE_SCALE}) and the talk test.",
                      g.NARROW_RANGE_SOURCE,
                      max_used=True)
    return Intensity(
        method="hrr",
        method_reason=(f"Heart-rate reserve (Karvonen) with maximal heart rate {round(hr_max)} bpm "
                       f"({hr_max_source}) and resting heart rate {profile.resting_hr} bpm; RPE ({g.RPE_SCALE}) "
                       "and the talk test alongside."),
        hr_max=round(hr_max), hr_max_source=hr_max_source, hr_rest=profile.resting_hr,
        target_hr=moderate_hr,
        light_target_hr=light_hr,
        rpe=rpe, light_rpe=g.LIGHT.rpe, talk_test=talk_text, sources=sources,
    )


def _measured_peak_set_aside(profile: PatientProfile) -> str:
    """Said where RPE sets the intensity: a peak heart rate measured in an exercise test is on record, not used."""
    if profile.measured_hr_max is None:
        return ""
    return (f" The measured peak heart rate ({profile.measured_hr_max} bpm) is kept on record but sets no target "
            "while heart rate cannot set intensity.")
