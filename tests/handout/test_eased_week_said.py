"""Where a week is walked again at the week before's lighter effort after a step back (the same walks as the light week
before it), the pain rules say how much more slowly: as hard as the table says for that light week, the target the
session log and the progress report hold such a week to. Seen in review: a patient who walked week 3 again at week 3's
own printed target read "above it" in the progress report, against week 2's light target nothing had told them of."""

from __future__ import annotations

import pytest

from core.handout.renderer import HandoutRenderer
from core.plan.step_back import eased_week
from tests.handout.helpers import example, flat, handout_for, pdf_text

SAID = ("If you walk this week again and the week before is a light week, walk only as hard as your table says for "
        "that light week.")


def test_a_plan_with_a_week_walked_again_more_lightly_says_so() -> None:
    profile = example("diabetic-neuropathy")
    handout = handout_for(profile)
    assert handout.pain_morning[-1] == SAID
    assert handout.pain_morning[-2].startswith("But if you are in week 1, or the week before in your plan has the same")
    assert any(SAID in flat(page) for page in pdf_text(HandoutRenderer().render(handout)))


@pytest.mark.parametrize("name", ["parkinsons-pain", "multiple-sclerosis-pain"])
def test_a_plan_without_one_says_nothing_of_it(name) -> None:
    handout = handout_for(example(name))
    assert SAID not in handout.pain_morning


def test_the_week_it_is_said_of_is_the_light_week_before() -> None:
    from core.evidence.library import load_library
    from core.plan.engine import compute_plan

    plan = compute_plan(example("diabetic-neuropathy"), load_library().studies)
    eased = [week.week for week in plan.weeks if eased_week(plan, week.week)]
    assert eased, "the example has a light week followed by a moderate week of the same walks"
    for week in eased:
        before = plan.weeks[week - 2]
        assert (before.band, eased_week(plan, week).target_hr) == ("light", before.target_hr)


def test_translated_as_the_english() -> None:
    spanish = handout_for(example("diabetic-neuropathy"), language="es").pain_morning[-1]
    assert spanish == ("Si repite esta semana y la semana anterior es una semana ligera, camine con un esfuerzo no "
                       "mayor del que su tabla indica para esa semana ligera.")
