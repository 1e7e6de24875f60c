"""The handout's embedded fonts (DejaVu Sans: Latin, Greek, Cyrillic) and a coverage check."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from core.resources import resource_path

REGULAR = "TreadwellSans"
BOLD = "TreadwellSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register once per process; reportlab keeps fonts in a global registry."""
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)


def missing_characters(texts: list[str]) -> list[str]:
    """Characters the fonts cannot print, in order of first appearance (whitespace ignored)."""
    register_fonts()
    covered = [pdfmetrics.getFont(name).face.charToGlyph for name in FONT_FILES]  # code point -> glyph
    missing: dict[str, None] = {}
    for char in dict.fromkeys("".join(texts)):
        if not char.isspace() and any(ord(char) not in glyphs for glyphs in covered):
            missing.setdefault(char, None)
    return list(missing)
