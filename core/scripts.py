"""The writing systems Treadwell prints beyond DejaVu Sans (Latin, Vietnamese included, Greek, Cyrillic), and
the shipped font for each (resources/fonts/, TrueType outlines, open licences). Pure data, so the window
(ui/script_fonts.py) and the handout (core/handout/fonts.py) use one list without importing each other's
libraries."""

from __future__ import annotations

import re
from bisect import bisect_right

# script: (regular file, bold file or None (the regular one), shaped, right to left)
SCRIPT_FONTS: dict[str, tuple[str, str | None, bool, bool]] = {
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", True, True),
    "hebrew": ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", True, True),
    "devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", True, False),
    "gurmukhi": ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", True, False),
    "han": ("DroidSansFallbackFull.ttf", None, False, False),  # no bold face: the handout strokes its outlines
}
RTL_SCRIPTS = frozenset(script for script, (_, _, _, rtl) in SCRIPT_FONTS.items() if rtl)
SHAPED_SCRIPTS = frozenset(script for script, (_, _, shaped, _) in SCRIPT_FONTS.items() if shaped)
# Unicode blocks (first, last, script), in order: what DejaVu does not print as well as these fonts.
_BLOCKS = [
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"), (0x0900, 0x097F, "devanagari"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x2E80, 0x2FDF, "han"), (0x3000, 0x30FF, "han"), (0x3100, 0x31BF, "han"), (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"), (0xA8E0, 0xA8FF, "devanagari"), (0xF900, 0xFAFF, "han"), (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"), (0xFF00, 0xFFEF, "han"), (0x20000, 0x2FA1F, "han"),
]
_STARTS = [first for first, _, _ in _BLOCKS]
# Any character of those blocks: one C-speed search tells that a text (most of an English handout) needs none.
ANY_SCRIPT_CHARACTER = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last, _ in _BLOCKS) + "]")


def script_of(char: str) -> str | None:
    """The script font ``char`` needs, or None for DejaVu (Latin, Greek, Cyrillic, digits, punctuation)."""
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    if index >= 0:
        first, last, script = _BLOCKS[index]
        if code <= last:
            return script
    return None


def script_font_files() -> list[str]:
    """Every script font file, regular and bold."""
    return [name for regular, bold, _, _ in SCRIPT_FONTS.values() for name in (regular, bold) if name]


# Isolates (Unicode TR9 X5a-X5c): an inserted value (a name, a phone number) keeps its own direction inside a
# sentence of another. core/handout/script_text.py's BidiParagraph reads them; elsewhere they are removed
# before drawing (they print nothing).
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ISOLATE_STARTS = (LRI, RLI, FSI)


def isolated(value: str) -> str:
    return f"{FSI}{value}{PDI}" if value else value
