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


# The rule to go back a week and its exception on one page (seen in a review of standard print: "go back to the week
# before in your plan" at the foot of a page, "But if you are in week 1 ..." at the top of the next, where a patient
# in week 1 stops reading).
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
