"""The worked examples of the clinical brief, pinned."""

from __future__ import annotations

import pytest

from core.plan import guidelines as g
from core.plan.intensity import heart_rate_reserve, hr_max_from_formula, plan_intensity, target_hr_range
from core.plan.walking import kmh_to_m_per_min, treadmill_setting, walking_mets, walking_vo2
from tests.plan.profiles import profile


def test_karvonen_example() -> None:
    assert heart_rate_reserve(160, 70, 0.40) == pytest.approx(106)
    assert heart_rate_reserve(160, 70, 0.59) == pytest.approx(123.1)
    assert target_hr_range(160, 70, g.MODERATE) == (106, 123)


@pytest.mark.parametrize(("formula", "age", "expected"), [
    ("tanaka", 40, 180.0), ("tanaka", 60, 166.0), ("gellish", 40, 179.0), ("fox", 40, 180.0), ("fox", 70, 150.0),
])
def test_hr_max_formulas(formula, age, expected) -> None:
    assert hr_max_from_formula(age, formula) == pytest.approx(expected)


def test_acsm_walking_equation_example() -> None:
    assert walking_vo2(67, 0.03) == pytest.approx(13.818)
    assert walking_mets(67, 0.03) == pytest.approx(3.948, abs=0.001)
    assert kmh_to_m_per_min(6.0) == pytest.approx(100)


def test_heart_rates_are_whole_bpm_inside_the_band() -> None:
    intensity = plan_intensity(profile(age=57, resting_hr=63))
    hr_max = 168  # 208 - 0.7 x 57 = 168.1, in whole beats as the plan shows it
    low, high = intensity.target_hr
    assert isinstance(low, int) and isinstance(high, int)
    assert heart_rate_reserve(hr_max, 63, 0.40) <= low <= high <= heart_rate_reserve(hr_max, 63, 0.59)
    assert intensity.hr_max == 168 and intensity.rpe == (12, 13) and intensity.light_rpe == (9, 11)


def test_targets_are_those_a_clinician_works_out_from_the_maximum_shown() -> None:
    """The plan shows Tanaka's maximum in whole beats, 167 at 58 (167.4): 40 % of (167 - 72), plus 72, is 110 bpm.
    Worked from 167.4 the plan said 111, a beat off the clinician's own sum."""
    intensity = plan_intensity(profile(age=58, resting_hr=72))
    assert intensity.hr_max == 167
    assert intensity.target_hr == (110, 128)  # 0.59 x 95 + 72 = 128.05
    assert intensity.light_target_hr == (101, 109)  # 0.30 x 95 + 72 = 100.5; light meets moderate's first beat
    # a half is rounded up, as a clinician would: 162.5 at 65 is 163 (round() gave 162, and 108 for 109 bpm)
    at_65 = plan_intensity(profile(age=65, resting_hr=72))
    assert at_65.hr_max == 163 and at_65.target_hr == (109, 125)  # 0.40 x 91 + 72 = 108.4; 0.59 x 91 + 72 = 125.69


def test_measured_peak_overrides_any_formula() -> None:
    intensity = plan_intensity(profile(age=50, resting_hr=70, measured_hr_max=150), "fox")
    assert intensity.hr_max == 150 and intensity.hr_max_source.startswith("measured")
    assert intensity.target_hr == (102, 117)  # 0.40 x 80 + 70 = 102; 0.59 x 80 + 70 = 117.2


@pytest.mark.parametrize("changes", [
    {"beta_blocker": True}, {"atrial_fibrillation": True}, {"pacemaker_or_icd": True}, {"autonomic_neuropathy": True},
    {"etiology": "spinal-cord-injury", "sci_level": "T6"}, {"etiology": "spinal-cord-injury", "sci_level": "C5"},
])
def test_untrustworthy_heart_rate_switches_to_rpe_and_says_why(changes) -> None:
    intensity = plan_intensity(profile(**changes))
    assert intensity.method == "rpe" and intensity.target_hr is None and intensity.hr_max is None
    assert "Heart rate cannot set intensity" in intensity.method_reason and "talk test" in intensity.method_reason


def test_a_measured_peak_set_aside_for_rpe_is_named_not_dropped_silently() -> None:
    """A beta-blocker set a measured peak of 150 aside without a word: the clinician who entered it read only
    that heart rate cannot set intensity."""
    intensity = plan_intensity(profile(beta_blocker=True, measured_hr_max=150))
    assert intensity.method == "rpe"
    assert "measured peak heart rate (150 bpm) is kept on record but sets no target" in intensity.method_reason
    assert "measured peak" not in plan_intensity(profile(beta_blocker=True)).method_reason


def test_sci_below_t6_keeps_heart_rate() -> None:
    assert plan_intensity(profile(etiology="spinal-cord-injury", sci_level="T7")).method == "hrr"


def test_treadmill_speed_comes_from_comfortable_speed_with_acsm_mets() -> None:
    flat = treadmill_setting(4.0, g.LIGHT)
    assert (flat.speed_kmh, flat.grade_pct, flat.mets) == (4.0, 0, pytest.approx(2.9, abs=0.01))
    uphill = treadmill_setting(4.0, g.MODERATE)
    assert uphill.grade_pct == 1 and uphill.mets >= 3.0  # least incline that reaches moderate
    slow = treadmill_setting(1.5, g.MODERATE)
    assert slow.mets is None and slow.grade_pct == 0
    assert treadmill_setting(None, g.MODERATE).speed_kmh is None


def test_the_energy_cost_is_said_for_each_setting_or_why_there_is_none() -> None:
    """The clinician summary said "Treadmill energy cost from the ACSM walking equation" and showed none: the
    estimate (or why there is none) was worked out for every week and then dropped."""
    from core.plan.engine import compute_plan
    from core.plan.walking import energy_cost_in_words

    two_light = compute_plan(profile(comfortable_speed_kmh=4.0, baseline_walk_min=8), [])
    words = energy_cost_in_words(two_light.weeks)
    light_weeks = [w.week for w in two_light.weeks if w.band == "light"]
    assert light_weeks == [1, 2], light_weeks
    assert words.startswith("By the ACSM walking equation") and "4 km/h flat, about 2.9 METs (weeks 1-2)" in words
    assert f"4 km/h at 1% grade, about {two_light.weeks[2].mets:g} METs (weeks 3-{len(two_light.weeks)})" in words
    slow = energy_cost_in_words(compute_plan(profile(comfortable_speed_kmh=1.5), []).weeks)
    assert slow.startswith("1.5 km/h (25 m/min) is outside the 3-6 km/h") and "no energy cost" in slow
    slow_in_miles = energy_cost_in_words(compute_plan(profile(comfortable_speed_kmh=1.5), []).weeks, "imperial")
    assert slow_in_miles.startswith("0.9 mph (1.5 km/h, 25 m/min) is outside the 3-6 km/h")
    assert "by feel" in energy_cost_in_words(compute_plan(profile(comfortable_speed_kmh=None), []).weeks)
    # a handout in miles: the clinician's page gives the speed the patient's pages give, with km/h beside it
    assert "2.5 mph (4 km/h) flat, about 2.9 METs (weeks 1-2)" in energy_cost_in_words(two_light.weeks, "imperial")
