""""When to stop and get help" on one page: its paragraphs set closer where that keeps it there (seen in review: in
Portuguese and Spanish in large print on Letter, and for a spinal cord injury at T4 on A4, it parted over two pages,
the first half empty). Where it is taller than a page even so, it parts between its two lists of signs, so what to do
for the stop signs is on the page with them (seen in review: the signs on one page and "For these, sit down and rest
... call an ambulance" alone on the next)."""

from __future__ import annotations

import re

import pytest

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, flat, handout_for, pdf_text

ETIOLOGIES = ("chemotherapy-neuropathy", "diabetic-neuropathy", "multiple-sclerosis-pain", "parkinsons-pain",
              "peripheral-nerve-injury", "post-stroke-pain", "spinal-cord-injury", "trigeminal-neuropathy")


def _plain(text: str) -> str:
    return flat(re.sub("[\u2066-\u2069]", "", text.replace("\xa0", " ")))


def _page_of(pages: list[str], words: str) -> int:
    return next(number for number, text in enumerate(pages) if _plain(words)[:40] in _plain(text))


def _stop_pages(renderer: HandoutRenderer, handout) -> tuple[int, int]:
    """The pages of the ambulance's signs and of the stop signs, each checked to be on one page with what to do."""
    pages = pdf_text(renderer.render(handout))
    ambulance = _page_of(pages, handout.ambulance_intro)
    assert _page_of(pages, handout.ambulance_signs[-1]) == ambulance
    stop = _page_of(pages, handout.stop_intro)
    assert _page_of(pages, handout.stop_after[0]) == stop and _page_of(pages, handout.stop_after[-1]) == stop
    if stop != ambulance:
        assert stop == ambulance + 1 and _plain(handout.labels.turn_over) in _plain(pages[ambulance])
        assert handout.labels.continued.format(heading=handout.labels.stop_heading)[:30] in _plain(pages[stop])
    return ambulance, stop


@pytest.mark.parametrize("tag", ["pt", "es", "en"])
def test_when_to_stop_is_on_one_page_in_large_print_on_letter(tag) -> None:
    renderer = HandoutRenderer()
    for etiology in ETIOLOGIES:
        ambulance, stop = _stop_pages(renderer, handout_for(example(etiology), paper="letter", language=tag,
                                                            ambulance="911"))
        assert stop == ambulance, etiology
    for language in ("es", "pt"):  # the spinal cord injury at T4 of the review, on A4: dysreflexia's steps too
        handout = handout_for(example("spinal-cord-injury", sci_level="T4"), language=language, ambulance="999")
        ambulance, stop = _stop_pages(renderer, handout)
        assert stop == ambulance, language


@pytest.mark.parametrize("tag", ["pt", "en"])
def test_taller_than_a_page_set_closer_it_parts_between_its_lists_of_signs(tag) -> None:
    handout = handout_for(example("diabetic-neuropathy"), paper="letter", language=tag, ambulance="911")
    taller = handout.model_copy(update={"ambulance_signs": handout.ambulance_signs * 2})  # a page and more, however set
    ambulance, stop = _stop_pages(HandoutRenderer(), taller)
    assert stop == ambulance + 1
