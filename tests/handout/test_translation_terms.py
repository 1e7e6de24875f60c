"""The same thing is said one way throughout a language's handout, in one register (seen in a review of the
translations: Arabic named the effort "الشدة" in the week table and "الجهد" everywhere else; the Vietnamese fall-risk
lines called the patient "bạn" where every other line says "quý vị")."""

from __future__ import annotations

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
    assert said["Effort"].casefold() in said["How hard"].casefold(), (said["Effort"], said["How hard"])


def test_vietnamese_speaks_to_the_patient_politely_throughout() -> None:
    familiar = {message_id: text for message_id, text in _translations("vi").items()
                if any(word in ("bạn", "Bạn") for word in text.replace(",", " ").replace(".", " ").split())}
    assert familiar == {}
