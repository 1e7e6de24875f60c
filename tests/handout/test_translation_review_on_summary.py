"""A handout whose patient pages are a translation no medical translator has reviewed says so atop its clinician
summary, which is filed with the PDF: the export said it only on screen (found in an audit against the clinical
brief: "say which languages have had that review"). Never on the patient's pages."""

from __future__ import annotations

import pytest

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, flat, handout_for, pdf_text

SAID = "handout has not been reviewed by a qualified medical translator"


@pytest.mark.parametrize(("language", "name"), [("es", "Spanish"), ("vi", "Vietnamese")])
def test_an_unreviewed_translation_is_said_atop_the_clinician_summary(language, name) -> None:
    pages = pdf_text(HandoutRenderer().render(handout_for(example("diabetic-neuropathy"), summary=True,
                                                          language=language)))
    first = next(index for index, page in enumerate(pages) if "Clinician summary" in page)
    summary = flat(pages[first])
    assert f"Clinician summary The {name} {SAID}. Check it with someone who reads {name} well" in summary
    assert not any(SAID in flat(page) for page in pages[:first])


def test_an_english_handout_says_nothing_of_translation() -> None:
    pages = pdf_text(HandoutRenderer().render(handout_for(example("diabetic-neuropathy"), summary=True)))
    assert not any(SAID in flat(page) for page in pages)
