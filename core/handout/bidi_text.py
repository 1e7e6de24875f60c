"""How a word of digits and marks reads in right-to-left text (core/handout/script_text.py lays out the words):
numbers are drawn as written, left to right; the marks around them take the sentence's direction, brackets
mirrored."""

from __future__ import annotations

import re
import unicodedata

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"  # Western, Arabic-Indic and Eastern Arabic-Indic digits
_DIGITS = re.compile(f"([{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*)")
_NUMBER_CORE = re.compile(f"^([^{_DIGIT}]*)(.*[{_DIGIT}])(.*)$", re.S)


def marks_apart(raw: str) -> list[str]:
    """A word of a number and punctuation only, cut into the marks before it, the number, and the marks after it
    ("(4" -> "(", "4"; "20." -> "20", "."): in right-to-left text the number reads left to right while the marks
    take the sentence's direction. "6-20" and "13.9" stay whole; a word with letters stays as it is."""
    if strong_direction(raw) != "N":
        return [raw]
    found = _NUMBER_CORE.match(raw)
    return [part for part in found.groups() if part] if found else [raw]


def numbers_apart(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (part, is_number): numbers are drawn as written, the rest is shaped."""
    return [(part, index % 2 == 1) for index, part in enumerate(_DIGITS.split(text)) if part]


_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")  # Unicode's Bidi_Mirrored pairs that handouts use


def strong_direction(text: str) -> str:
    kind = next((kind for char in text if (kind := unicodedata.bidirectional(char)) in ("L", "R", "AL")), "N")
    return "R" if kind == "AL" else kind


def read_right_to_left(marks: str) -> str:
    """Punctuation and brackets as drawn in right-to-left text: in reverse order, each bracket mirrored."""
    return marks[::-1].translate(_MIRRORED)
