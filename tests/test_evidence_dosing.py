from __future__ import annotations

import datetime as dt

import pytest

from core.evidence.dosing import dosing_summary, speed_in_words
from core.handout.clinician_summary import clinician_summary_for
from core.plan.engine import compute_plan
from tests.handout.helpers import example
from tests import evidence_factory as make


def test_summary_ranges_and_medians_over_animal_treadmill_studies() -> None:
    studies = [
        make.study("a-2010", "A", 2010, speed=6.0, minutes=(30.0, 30.0), days=5, weeks=2.0),
        make.study("b-2011", "B", 2011, speed=12.0, minutes=(10.0, 60.0), days=3, weeks=6.0, species="mouse"),
        make.study("c-2012", "C", 2012, speed=30.0, minutes=None, days=None, weeks=None),
        make.study("d-2013", "D", 2013, speed=None, speed_reported="18 m/s"),
        make.study("e-2014", "E", 2014, exercise_type="swimming", speed=None, speed_reported=None),
        make.study("f-2015", "F", 2015, species="human"),
        make.study("g-2016", "G", 2016, etiologies=("spinal-cord-injury",)),
    ]
    summary = dosing_summary("peripheral-nerve-injury", studies)
    assert summary.study_count == 6
    assert summary.animal_treadmill_study_count == 4
    assert summary.species == {"mouse": 1, "rat": 3}
    assert (summary.speed_m_per_min.low, summary.speed_m_per_min.median, summary.speed_m_per_min.high) == (6, 12, 30)
    assert summary.speed_m_per_min.n == 3
    assert (summary.longest_session_min.low, summary.longest_session_min.high, summary.longest_session_min.n) == (30, 60, 3)
    assert summary.days_per_week.median == 5 and summary.days_per_week.n == 3
    assert summary.weeks.n == 3
    assert summary.not_usable == ["D 2013: speed printed as '18 m/s' cannot be trusted"]
    assert "never converts into a human walking speed" in summary.caution
    assert {c.doi for c in summary.caution_citations} >= {"10.1007/BF00581173", "10.1016/j.jpain.2023.01.011"}


def test_a_value_flagged_implausible_stays_out_of_every_range_and_is_named() -> None:
    """Chen 2012's 30 m/min, flagged implausible, topped the nerve injury speed range at 7-30 m/min."""
    from core.evidence.models import Flag, FlagCode

    doubtful = make.study("c-2012", "C", 2012, speed=30.0, weeks=26.0)
    doubtful = doubtful.model_copy(update={"flags": [
        Flag(code=FlagCode.IMPLAUSIBLE, field="exercise.speed_m_per_min", message="almost twice the next-fastest"),
        Flag(code=FlagCode.IMPLAUSIBLE, field="exercise.weeks", message="a two-year programme is not plausible")]})
    summary = dosing_summary("peripheral-nerve-injury", [make.study("a-2010", "A", 2010, speed=7.0), doubtful])
    assert (summary.speed_m_per_min.low, summary.speed_m_per_min.high, summary.speed_m_per_min.n) == (7, 7, 1)
    assert (summary.weeks.high, summary.weeks.n) == (2, 1)
    assert summary.longest_session_min.n == 2  # its other values still count
    assert summary.not_usable == ["C 2012: speed 30 m/min is flagged as implausible",
                                  "C 2012: duration 26 weeks is flagged as implausible"]


def test_a_treadmill_study_whose_species_the_sources_never_name_counts_as_animal() -> None:
    """López-Álvarez 2018 (increasing-intensity running after nerve injury, species not named) had dropped out."""
    summary = dosing_summary("peripheral-nerve-injury", [make.study("a-2010", "A", 2010),
                                                         make.study("l-2018", "L", 2018, species=None)])
    assert summary.animal_treadmill_study_count == 2
    assert summary.species == {"rat": 1, "species not stated": 1}


def test_the_shipped_nerve_injury_summary_keeps_chen_2012_out_of_the_speed_range_and_lopez_alvarez_2018_in() -> None:
    from core.evidence.library import load_library

    studies = load_library().studies
    summary = dosing_summary("peripheral-nerve-injury", studies)
    assert summary.speed_m_per_min.high == 12 and "Chen 2012: speed 30 m/min is flagged as implausible" in summary.not_usable
    assert "lopez-alvarez-2018" in compute_plan(example("peripheral-nerve-injury"), studies).evidence


def test_the_dosing_caution_gives_both_sides_of_the_intensity_question() -> None:
    summary = dosing_summary("peripheral-nerve-injury", [])
    assert "low-intensity treadmill exercise" in summary.caution and "short but not long-lasting" in summary.caution
    assert {c.doi for c in summary.caution_citations} >= {
        "10.1097/j.pain.0000000000000372", "10.1097/j.pain.0000000000001109", "10.1016/j.neuroscience.2010.03.035"}


def test_etiology_without_studies_reports_nothing_rather_than_zero() -> None:
    summary = dosing_summary("trigeminal-neuropathy", [make.study("a-2010", "A", 2010)])
    assert summary.study_count == 0 and summary.speed_m_per_min.n == 0
    assert summary.speed_m_per_min.median is None
    # seen in testing: "These are rat and mouse treadmill protocols" in step 3 above "0 animal treadmill studies"
    assert summary.caution.startswith("Rat and mouse treadmill protocols can show only the shape a human plan borrows")


def test_a_spread_reads_as_a_sentence_one_study_or_many_one_value_or_a_range() -> None:
    from core.evidence.dosing import Spread

    assert Spread(n=0, low=None, median=None, high=None).described("days") == "not reported"
    assert Spread(n=1, low=5, median=5, high=5).described("days") == "5 days (1 study)"
    assert Spread(n=2, low=5, median=5, high=5).described("days") == "5 days (2 studies)"
    assert Spread(n=3, low=10, median=12, high=16).described("m/min") == "10-16 m/min, median 12 (3 studies)"


@pytest.mark.parametrize(("m_per_min", "reported", "words"), [
    (12.0, "12 m/min", "12 m/min"),
    (12.0, "0.2 m/s", "12 m/min (0.2 m/s as printed)"),
    (None, "18 m/s", "18 m/s as printed: not a usable speed (see the flags)"),
    (None, None, "not reported"),
])
def test_a_studys_speed_is_worded_one_way(m_per_min, reported, words) -> None:
    assert speed_in_words(m_per_min, reported) == words


def test_the_clinician_summary_words_a_studys_speed_as_the_evidence_view_does() -> None:
    studies = [make.study("a-2010", "A", 2010, speed=12.0, speed_reported="0.2 m/s", etiologies=("diabetic-neuropathy",)),
               make.study("d-2013", "D", 2013, speed=None, speed_reported="18 m/s", etiologies=("diabetic-neuropathy",))]
    profile = example("diabetic-neuropathy")
    summary = clinician_summary_for(compute_plan(profile, studies), studies, None, dt.date(2026, 12, 1))
    assert {row.study: row.speed for row in summary.dosing} == {
        "A 2010": "12 m/min (0.2 m/s as printed)", "D 2013": "18 m/s as printed: not a usable speed (see the flags)"}


def test_the_caution_says_where_the_reviews_disagree_on_intensity_with_their_sources() -> None:
    """Ghanbari favours medium intensity; He reports relief after high-intensity running: both are shown."""
    summary = dosing_summary("peripheral-nerve-injury", [])
    assert "The two reviews differ on intensity" in summary.caution and "López-Álvarez 2015" in summary.caution
    cited = [citation.cited() for citation in summary.caution_citations]
    # no DOI in the seed: none printed ("doi:None")
    assert "Ghanbari A 2025, Pain Res Manag, Table 2 and Conclusion" in cited
    assert any(c.startswith("He W-C et al. 2024") and c.endswith("doi:10.3389/fnmol.2024.1345864") for c in cited)


def test_the_chart_leaves_out_what_the_summary_leaves_out() -> None:
    """Seen in testing: Chen 2012's 30 m/min was the chart's longest bar under a summary that said it was left out,
    and Binda 2020's '10 m/s' read "not reported"."""
    from core.evidence.dosing import dose_in_chart
    from core.evidence.library import load_library

    by_id = {s.id: s for s in load_library().studies}
    assert dose_in_chart(by_id["chen-2012"], "speed_m_per_min") == (
        None, "30 m/min ('1.8 km/h' as printed): left out, implausible")
    assert dose_in_chart(by_id["chen-2012"], "days_per_week") == (3, "")
    assert dose_in_chart(by_id["binda-2020"], "speed_m_per_min") == (None, "'10 m/s' as printed: left out")
    assert dose_in_chart(by_id["binda-2020"], "weeks") == (4, "")
    assert dose_in_chart(by_id["bobinski-2015"], "speed_m_per_min") == (None, "not reported")


def test_a_study_that_trained_more_than_once_a_day_is_said_wherever_its_days_a_week_are() -> None:
    """Seen in review: Li 2020 trained twice a day, 5 days a week (He et al. 2024, Table 1: "6 m/min, 2times/day, 5
    days/weeks, 4 weeks"); the table, the summary and the plan said 5 days a week, half its sessions."""
    from core.evidence.dosing import days_in_words
    from core.evidence.library import load_library

    studies = load_library().studies
    li = next(s for s in studies if s.id == "li-2020")
    assert (days_in_words(li.exercise), days_in_words(studies[0].exercise.model_copy(update={"sessions_per_day": 1,
                                                                                              "days_per_week": 3})))\
        == ("5 (2 a day)", "3")
    summary = dosing_summary("spinal-cord-injury", studies)
    assert summary.more_than_once_a_day == ["Li 2020 trained 2 sessions a day"]
    assert summary.days_note == "; Li 2020 trained 2 sessions a day"
    assert dosing_summary("peripheral-nerve-injury", studies).days_note == ""
    plan = compute_plan(example("spinal-cord-injury"), studies)
    assert plan.borrowed_structure.frequency.endswith(
        "animal protocols: 5 days a week (1 study); Li 2020 trained 2 sessions a day."), plan.borrowed_structure
    pages = clinician_summary_for(plan, studies, None, dt.date(2026, 12, 1))
    assert {row.study: row.days_per_week for row in pages.dosing}["Li 2020"] == "5 (2 a day)"


def test_the_caution_says_the_reviews_do_not_know_when_to_start() -> None:
    """Ghanbari 2025's Conclusion: "it is not clear how many days after the injury, exercising has more positive
    effects"; the protocols behind a chronic patient's plan began soon after an injury, unsaid."""
    summary = dosing_summary("peripheral-nerve-injury", [])
    assert "Nor do the reviews say when to start" in summary.caution
    assert "how many days after an injury exercise helps most" in summary.caution
