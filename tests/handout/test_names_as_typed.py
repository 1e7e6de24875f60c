"""A patient's name prints as it was typed: HarfBuzz's discretionary ligatures are left off, so an Arabic name is not
replaced by a single word-sign with vowel marks the clinician never typed (seen in review: "محمد عبد الله" printed
as U+FDF4 and U+FDF2 in the details table and every footer)."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from core.handout.renderer import HandoutRenderer
from tests.handout.test_languages import PROFILES, _handout

WORD_SIGNS = range(0xFDF0, 0xFE00)  # Arabic Presentation Forms-A's whole-word ligatures (Allah, Muhammad, ...)


@pytest.mark.parametrize("tag", ["ar", "en"])
def test_an_arabic_name_keeps_its_letters(tag) -> None:
    pdf = HandoutRenderer().render(_handout(PROFILES["diabetic"], tag, name="محمد عبد الله"))
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "\ufedf" in text or "\ufee0" in text  # the letter lam of "الله", joined, not the word-sign
    assert not [hex(ord(char)) for char in text if ord(char) in WORD_SIGNS]
