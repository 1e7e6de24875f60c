"""Standard print parts the pain rules over a page only where that saves one: where the stop page would begin the
page after anyway, the rules go whole onto the next page (seen in review: in English on Letter, "If your pain is
above 4 the next morning ..." alone under "Pain rules (continued)", a page 27 % full, the stop page after it)."""

from __future__ import annotations

import pytest

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, flat, handout_for, pdf_text


@pytest.mark.parametrize(("tag", "etiology", "pages"), [("en", "diabetic-neuropathy", 12),
                                                         ("vi", "trigeminal-neuropathy", 12),
                                                         ("pt", "trigeminal-neuropathy", 12)])
def test_the_pain_rules_go_whole_where_parting_them_saves_no_page(tag, etiology, pages) -> None:
    handout = handout_for(example(etiology), paper="letter", language=tag).model_copy(
        update={"print_size": "standard"})
    text = pdf_text(HandoutRenderer().render(handout))
    assert len(text) == pages  # as many pages as when they parted
    heading = handout.labels.pain_heading
    assert not any(flat(handout.labels.continued.format(heading=heading)) in flat(page) for page in text)
    page = next(page for page in text if flat(heading) in flat(page))
    assert flat(handout.pain_morning[-1])[:30] in flat(page)  # the next-morning rules under the traffic light


def test_they_still_part_where_that_saves_a_page() -> None:
    """English spinal cord injury on A4: parted, 10 pages; whole on the next page, 11."""
    handout = handout_for(example("spinal-cord-injury"), language="en").model_copy(update={"print_size": "standard"})
    text = pdf_text(HandoutRenderer().render(handout))
    assert len(text) == 10
    again = handout.labels.continued.format(heading=handout.labels.pain_heading)
    assert any(flat(again) in flat(page) for page in text)
