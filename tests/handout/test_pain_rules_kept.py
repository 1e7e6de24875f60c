"""The next-morning pain rules stay on one page: the rule to go back a week with its exception (seen in a review of
standard print: "go back to the week before in your plan" at the foot of a page, "But if you are in week 1 ..." at
the top of the next, where a patient in week 1 stops reading)."""

from __future__ import annotations

import pytest

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, flat, handout_for, pdf_text

ETIOLOGIES = ["spinal-cord-injury", "post-stroke-pain", "diabetic-neuropathy", "chemotherapy-neuropathy"]


@pytest.mark.parametrize("language", ["en", "es", "vi"])
@pytest.mark.parametrize("etiology", ETIOLOGIES)
def test_the_rule_to_go_back_and_its_exception_are_on_one_page(etiology, language) -> None:
    handout = handout_for(example(etiology), language=language)
    for size in ("standard", "large"):
        pages = [flat(page) for page in pdf_text(HandoutRenderer().render(handout.model_copy(
            update={"print_size": size})))]
        first = handout.pain_morning[1]  # the rule to go back; [0] says pain should be gone by then
        where = {text: [number for number, page in enumerate(pages) if flat(text) in page]
                 for text in handout.pain_morning[1:]}
        assert all(where.values()), (size, [text for text, found in where.items() if not found])
        assert all(found == where[first] for found in where.values()), (size, where)
