"""The handout's embedded fonts (DejaVu Sans: Latin, Greek, Cyrillic) and a coverage check."""

from __future__ import annotations

from fnmatch import fnmatch
from functools import lru_cache
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from core.handout import font_cache
from core.resources import resource_path

REGULAR = "TreadwellSans"
BOLD = "TreadwellSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


class _CachedFace(TTFontFace):
    """reportlab's face, its glyph figures read from the font cache when it has them (font_cache.py)."""

    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802 (reportlab's name)
        cached = font_cache.cache_file(self._ttf_data, REPORTLAB_VERSION)
        if font_cache.read_into(cached, self, TTFNameBytes):
            return
        super().extractInfo(charInfo)
        font_cache.write(cached, self)


class _CachedFont(TTFont):
    """``TTFont`` with a ``_CachedFace``; the rest is reportlab's own ``TTFont.__init__`` (a test compares them)."""

    def __init__(self, name: str, filename: str) -> None:
        self.fontName = name
        self.face = _CachedFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in (rl_config.unShapedFontGlob or ()))


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register once per process; reportlab keeps fonts in a global registry."""
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(_CachedFont(name, str(resource_path("fonts", file_name))))
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
