"""The same thing is said one way throughout a language's handout, in one register (seen in a review of the
translations: Arabic named the effort "الشدة" in the week table and "الجهد" everywhere else; the Vietnamese fall-risk
lines called the patient "bạn" where every other line says "quý vị")."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from core.handout.catalogs import catalog_path
from core.languages import SOURCE_LANGUAGE, languages

TRANSLATED = [known.tag for known in languages() if known.tag != SOURCE_LANGUAGE]


def _translations(tag: str) -> dict[str, str]:
    with open(catalog_path(tag), "rb") as handle:
        return {message.id: message.string for message in read_po(handle) if isinstance(message.id, str)}


@pytest.mark.parametrize("tag", TRANSLATED)
def test_the_week_tables_effort_is_the_logs_effort(tag) -> None:
    said = _translations(tag)
    effort, how_hard = said["Effort"], said["How hard"]
    assert effort and effort.casefold() in how_hard.casefold(), (effort, how_hard)


def test_vietnamese_speaks_to_the_patient_politely_throughout() -> None:
    familiar = {message_id: text for message_id, text in _translations("vi").items()
                if re.search(r"\bbạn\b", text, re.IGNORECASE)}
    assert familiar == {}
