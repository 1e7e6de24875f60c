"""What the handout tells the patient fits the plan it is made from: the notes above the week table, walks in
parts, the stop page on insulin, and stepping back from week 1 (each seen in review where it did not)."""

from __future__ import annotations

import pytest

from core.handout.build import build_handout
from core.plan.engine import compute_plan
from core.handout.export import render_handout
from tests.handout.helpers import DATE, STUDIES, example, flat, handout_for, pdf_text
from tests.plan.profiles import ETIOLOGIES


def test_the_week_note_says_weeks_stay_the_same_only_where_some_do() -> None:
    """It was printed under every table, beside plans that grow every week; and a plan that reaches its level and keeps
    it (weeks 5-12 of 4 x 30 minutes) read "Some weeks stay the same ... time to get used to it"."""
    steady = handout_for(example("trigeminal-neuropathy"))  # reaches 4 x 30 minutes at week 5, then holds
    assert "From week 5 on, your walks stay the same. Keep walking at this level." in steady.week_notes
    assert not any("stay the same as the week before" in note for note in steady.week_notes)
    growing = handout_for(example("chemotherapy-neuropathy"))
    assert len({(row.days, row.walking) for row in growing.weeks}) == len(growing.weeks)
    assert not any("stay the same" in note for note in growing.week_notes)
    profile = example("chemotherapy-neuropathy")
    plan = compute_plan(profile, STUDIES)
    weeks = list(plan.weeks)
    weeks[2] = weeks[1].model_copy(update={"week": 3})  # a week repeated by hand, and growth after it
    paused = build_handout(profile, plan.model_copy(update={"weeks": weeks}), STUDIES, clinician="", clinic="",
                           phone="", date=DATE, paper="a4", units="metric")
    assert paused.week_notes == ["Some weeks stay the same as the week before. This gives your body time to get used "
                                 "to it."]


def test_the_week_notes_come_before_the_table_they_explain() -> None:
    """Seen in review: "each walk is a little shorter" printed under week 12 on page 3, a page after week 10's walks
    dropped from 30:00 to 24:30, which a patient could read as a misprint."""
    handout = handout_for(example("parkinsons-pain"))
    note = "In some weeks you walk one more day. Then each walk is a little shorter, so the week does not grow too fast."
    assert note in handout.week_notes
    page = next(flat(text) for text in pdf_text(render_handout(handout)) if "Your plan at a glance" in text)
    assert note in page and page.index(note) < page.index("Week Days")


def test_walks_in_parts_every_week_are_not_said_to_be_in_some_weeks() -> None:
    """Seen in review: "In some weeks you walk in short parts" where all twelve weeks were; and the log did not say
    whether its minutes were one part's or all of them (the session log counts them together)."""
    every_week = handout_for(example("spinal-cord-injury"))
    assert any(line.startswith("You walk in short parts: ") for line in every_week.intro)
    assert "In Minutes, write how long you walked, all the short parts added together. Do not count the slow " \
           "walking before and after." in every_week.logbook_intro
    profile = example("spinal-cord-injury")
    plan = compute_plan(profile, STUDIES)
    weeks = [week.model_copy(update={"bouts": 1, "bout_min": week.main_min}) if week.week > 6 else week
             for week in plan.weeks]  # parts changed by hand: one walk from week 7
    some_weeks = build_handout(profile, plan.model_copy(update={"weeks": weeks}), STUDIES, clinician="", clinic="",
                               phone="", date=DATE, paper="a4", units="metric")
    assert any(line.startswith("In some weeks you walk in short parts: ") for line in some_weeks.intro)


def test_on_insulin_the_stop_signs_that_may_be_low_blood_sugar_point_to_its_steps() -> None:
    """Seen in review: the stop page said "if it does not pass in a few minutes, call an ambulance" for dizziness and
    a cold sweat; the low blood sugar steps, on the next page, said check it, take sugar, check again after 15 minutes.
    Those steps end in the stop page's own rule where the sugar is not low, and the stop page says it too (seen by a
    helper: it said when to call an ambulance for these signs only on the next page, where the steps went over)."""
    on_insulin = handout_for(example("diabetic-neuropathy"))
    assert on_insulin.stop_after[0] == ('For these, sit down and check your blood sugar, then do as "Low blood sugar" '
                                        'says. If it is not low, call an ambulance if you do not feel better in a few '
                                        'minutes.')
    assert on_insulin.low_sugar_not_low == ("If your blood sugar is not low, rest, and call an ambulance if you do not "
                                            "feel better in a few minutes.")
    without = handout_for(example("diabetic-neuropathy", insulin_or_secretagogue=False))
    assert not without.low_sugar and without.stop_after[0] == ("For these, sit down and rest. If they do not pass "
                                                               "in a few minutes, call an ambulance.")


@pytest.mark.parametrize("etiology", ETIOLOGIES)
def test_going_back_a_week_says_what_to_do_in_week_1(etiology) -> None:
    """Seen in review: "Next time, go back to last week" for a patient in week 1, which has no week before; the
    next-week suggestion walks week 1 again at a slower belt (core/plan/adjustment.py)."""
    handout = handout_for(example(etiology))
    assert "go back to the week before in your plan" in handout.pain_red  # not "last week" by the calendar
    assert handout.pain_morning[2] == (  # the exception to going back, said as one (it read as an order of its own)
        "But if you are in week 1, or the week before in your plan has the same walks as this week, walk this week "
        "again instead, more slowly.")


def test_by_feel_is_explained_where_the_week_table_says_it() -> None:
    """Seen in review: with no comfortable speed recorded the table printed "By feel", explained nowhere, while the
    walking log asked for the speed."""
    by_feel = handout_for(example("peripheral-nerve-injury", comfortable_speed_kmh=None))
    assert {row.speed for row in by_feel.weeks} == {"By feel"}
    assert by_feel.week_notes[-1] == ("By feel: choose a speed at which the walk feels as hard as your effort target. "
                                      "Write the speed in your log.")
    assert not any(note.startswith("By feel") for note in handout_for(example("peripheral-nerve-injury")).week_notes)


def test_the_chart_says_its_bars_are_a_weeks_planned_walks_added_together() -> None:
    """Seen in review: "Minutes of walking in the week" over bars of 24 to 50, a page after a table of one walk's
    minutes (8:00 to 16:30): a bar could be read as one walk, three times the plan's; and the bars are the plan's."""
    assert handout_for(example("diabetic-neuropathy")).labels.chart_title == (
        "Planned minutes of walking each week (all that week's walks added together)")
    spanish = handout_for(example("diabetic-neuropathy"), language="es")
    assert spanish.labels.chart_title == ("Minutos de caminata previstos cada semana (todas las caminatas de esa "
                                          "semana sumadas)")
