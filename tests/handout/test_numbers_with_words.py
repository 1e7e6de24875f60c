"""In the patient's running text a number is never parted from the word after it at a line's end (seen in review:
"16 minutes and 30" ending a line and "seconds" beginning the next; in Portuguese "Termine com até 5" over "min"):
every such pair in the sentences is on one line of the PDF, in each left-to-right language whose lines break at
spaces, for every example."""

from __future__ import annotations

import re

import pytest

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, handout_for, pdf_text

ETIOLOGIES = ("chemotherapy-neuropathy", "diabetic-neuropathy", "multiple-sclerosis-pain", "parkinsons-pain",
              "peripheral-nerve-injury", "post-stroke-pain", "spinal-cord-injury", "trigeminal-neuropathy")
PAIR = re.compile(r"(\d+) ([^\W\d_]+)")


def _sentences(handout) -> list[str]:
    return [*handout.intro, *handout.effort_intro, *handout.talk_test, *handout.pulse, *handout.pain_morning,
            *handout.stop_after, *handout.low_sugar_steps, *handout.safety, *handout.treadmill_safety]


@pytest.mark.parametrize("tag", ["en", "es", "pt", "vi"])
def test_a_number_and_the_word_after_it_are_on_one_line(tag) -> None:
    renderer, parted = HandoutRenderer(), []
    for etiology in ETIOLOGIES:
        for paper in ("a4", "letter"):
            handout = handout_for(example(etiology), paper=paper, language=tag)
            text = "\n".join(pdf_text(renderer.render(handout)))
            for number, word in {pair for sentence in _sentences(handout) for pair in PAIR.findall(sentence)}:
                if re.search(rf"(?<!\d){number}\n{word}\b", text):
                    parted.append((etiology, paper, f"{number} {word}"))
    assert not parted
