"""How easy the patient's pages are to read, in each handout language: Flesch-Kincaid grade for English
(grade 8 or below), Fernández-Huerta for Spanish, Flesch adapted for Portuguese, and the average sentence
length for languages without an established formula here (Chinese, Vietnamese, Arabic)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.languages import language

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
    words, sentences, syllables = _counts(texts, _WORD, count_syllables)
    if words == 0:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


# -- other languages --------------------------------------------------------------------------------

_LATIN_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE_ENDS = re.compile(r"[.!?。！？؟]+(?:\s|$)|[。！？]")
_ROMANCE_VOWELS = re.compile(r"[aeiouáéíóúàâêôãõüy]+")
_HIATUS = re.compile(r"[aeiouáéíóúàâêôãõ][íú]|[íú][aeiouáéíóúàâêôãõ]")  # a stressed í or ú splits the vowels


def romance_syllables(word: str) -> int:
    """Spanish and Portuguese syllables: vowel groups, and one more where a stressed í or ú splits two vowels
    (dí-a, sa-ú-de). Diphthongs count once, as those languages' spelling rules make them."""
    word = word.lower()
    return max(len(_ROMANCE_VOWELS.findall(word)) + len(_HIATUS.findall(word)), 1)


def _counts(texts: list[str], word_pattern: re.Pattern = _LATIN_WORD,
            syllables_of=romance_syllables) -> tuple[int, int, int]:
    """Words, sentences and syllables; each text is at least one sentence."""
    words = sentences = syllables = 0
    for text in texts:
        found = word_pattern.findall(text)
        if not found:
            continue
        words += len(found)
        syllables += sum(syllables_of(word) for word in found)
        sentences += max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    return words, sentences, syllables


def fernandez_huerta(texts: list[str]) -> float:
    """Spanish reading ease (Fernández Huerta 1959, as corrected by Law 2011): 206.84 - 60 x syllables/word -
    1.02 x words/sentence. 60-70 reads at grade 7-8, 70-80 at grade 6; higher is easier."""
    words, sentences, syllables = _counts(texts)
    if words == 0:
        return 100.0
    return 206.84 - 60 * syllables / words - 1.02 * words / sentences


def flesch_portuguese(texts: list[str]) -> float:
    """Portuguese reading ease (Flesch adapted by Martins et al. 1996, Notas do ICMC-USP 28): 248.835 - 1.015 x
    words/sentence - 84.6 x syllables/word. 50-75 is easy (school years 5-8); higher is easier."""
    words, sentences, syllables = _counts(texts)
    if words == 0:
        return 100.0
    return 248.835 - 1.015 * words / sentences - 84.6 * syllables / words


def average_sentence_length(texts: list[str], *, characters: bool = False) -> float:
    """Words a sentence on average (``characters``: characters, for Chinese, which is written without spaces)."""
    units = sentences = 0
    for text in texts:
        parts = [part for part in _SENTENCE_ENDS.split(text) if part and part.strip()]
        sentences += max(1, len(parts))
        units += sum(1 for char in text if char.isalpha()) if characters else len(text.split())
    return units / sentences if sentences else 0.0


@dataclass(frozen=True)
class Readability:
    measure: str
    value: float
    limit: float
    at_most: bool  # the value must not exceed the limit (a grade, a length), else not fall below it (a score)

    @property
    def ok(self) -> bool:
        return self.value <= self.limit if self.at_most else self.value >= self.limit

    def __str__(self) -> str:
        return f"{self.measure} {self.value:.1f} ({'at most' if self.at_most else 'at least'} {self.limit:g})"


def readability(texts: list[str], tag: str) -> Readability:
    """The language's own check of the patient's text (resources/locale/languages.json)."""
    known = language(tag)
    method, limit = known.readability, known.readability_limit
    if method == "flesch-kincaid":
        return Readability("Flesch-Kincaid grade", flesch_kincaid_grade(texts), limit, True)
    if method == "fernandez-huerta":
        return Readability("Fernández-Huerta reading ease", fernandez_huerta(texts), limit, False)
    if method == "flesch-pt":
        return Readability("Flesch reading ease for Portuguese", flesch_portuguese(texts), limit, False)
    characters = known.tag.startswith("zh")
    return Readability(f"average sentence length in {'characters' if characters else 'words'}",
                       average_sentence_length(texts, characters=characters), limit, True)
