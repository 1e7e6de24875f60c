"""Flesch-Kincaid grade level, to keep the patient pages at grade 8 or below."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def count_syllables(word: str) -> int:
    """A common heuristic: vowel groups, less a silent final e, at least one."""
    word = word.lower()
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(groups, 1)


def flesch_kincaid_grade(texts: list[str]) -> float:
    """0.39 x words/sentence + 11.8 x syllables/word - 15.59; each text counts as at least one sentence."""
    words = sentences = syllables = 0
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        syllables += sum(count_syllables(word) for word in found)
        sentences += max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    if words == 0:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59
