"""Where a line may break in a table's heading or a column's widest word: between words, and in Chinese between
characters but not inside a bracketed part or before the punctuation after a character. reportlab's CJK wrapping
breaks between any two characters, a number's too, so headings are broken here first."""

from __future__ import annotations

import re
from functools import cache

from core.handout.script_text import text_width

# Chinese breaks a line between characters, with no space; a piece it must not break inside: a bracketed part
# ("（6-20）", "（分钟）"), or a character with the punctuation or number after it ("手。"). A word in any other
# script is one piece.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # white space a line may break at: not the no-break spaces


@cache
def _han_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A Chinese character, and a piece. Made on the first Chinese text: Python's re takes about 12 ms to compile
    these large ranges, a tenth of a bare reportlab document (docs/performance.md)."""
    return (re.compile(f"[{_HAN}]"),
            re.compile(f"[（(][^）)]*[）)]?[^{_HAN}（(]*|[{_HAN}]?[^{_HAN}（(]+|[{_HAN}]"))


def _has_han(text: str) -> bool:
    # The text's largest character, found at C speed, comes before the first Chinese one in most text.
    return max(text, default="") >= "\u3400" and _han_patterns()[0].search(text) is not None


def _pieces(word: str) -> list[str]:
    return _han_patterns()[1].findall(word) if _has_han(word) else [word]


def unbreakable(text: str) -> list[str]:
    """The pieces of ``text`` a line must not break inside: its words (joined by no-break spaces, as reportlab
    keeps them), and in Chinese its characters, with a bracketed part whole."""
    return [piece for word in _words(text) for piece in _pieces(word)]


_ONE_LETTER_WORD = re.compile(r"(?<!\S)(\w) (?=\S)")


def one_letter_words_kept_on(text: str) -> str:
    """``text`` with each one-letter word joined to the next by a no-break space, so a heading's line never ends on
    one (seen in review: "Velocidad e" over "inclinación" in Spanish and Portuguese, the "e" alone on its line)."""
    return _ONE_LETTER_WORD.sub("\\1\u00a0", text)


def _words(text: str) -> list[str]:
    return [word for word in _BREAKS.split(text) if word]


def line_broken(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """Chinese ``text`` with a line break ("\\n") before each piece (unbreakable()) that would pass ``room``.
    reportlab's CJK wrapping breaks between any two characters, a number's too ("用力（6-2" over "0）"); these
    breaks come first, so it makes none of its own when every piece fits. Other text is returned as it is:
    it wraps between words."""
    if not _has_han(text):
        return text
    lines: list[str] = []
    for word in _words(text):
        for number, piece in enumerate(_pieces(word)):
            line = lines[-1] + ("" if number else " ") + piece if lines else piece
            if lines and text_width(line, size, bold=bold) <= room:
                lines[-1] = line
            else:
                lines.append(piece)
    return "\n".join(lines)
