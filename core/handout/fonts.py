"""The handout's embedded fonts and a coverage check.

DejaVu Sans prints Latin (Vietnamese included), Greek and Cyrillic, and every English word. Other scripts
have their own font, registered only when a text needs it (so an English handout loads no more than
before): Noto Sans Arabic, Hebrew, Devanagari and Gurmukhi (shaped with HarfBuzz), and Droid Sans Fallback
for Chinese, Japanese kana and CJK punctuation. Every file has TrueType outlines and an open licence
(resources/fonts/LICENSE-*.txt).
"""

from __future__ import annotations

from bisect import bisect_right
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
    """``TTFont`` with a ``_CachedFace``; the rest is reportlab's own ``TTFont.__init__`` (a test compares them).
    ``shapable``: HarfBuzz shapes this font's text (only the scripts that need it: Latin text stays as it was)."""

    def __init__(self, name: str, filename: str, *, shapable: bool = False) -> None:
        self.fontName = name
        self.face = _CachedFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = shapable and not any(fnmatch(name, glob) for glob in (rl_config.unShapedFontGlob or ()))


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register once per process; reportlab keeps fonts in a global registry."""
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(_CachedFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)


# script: (regular file, bold file or None (the regular one), shaped, right to left)
SCRIPT_FONTS: dict[str, tuple[str, str | None, bool, bool]] = {
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", True, True),
    "hebrew": ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", True, True),
    "devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", True, False),
    "gurmukhi": ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", True, False),
    "han": ("DroidSansFallbackFull.ttf", None, False, False),  # no bold face: bold prints regular
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


def script_of(char: str) -> str | None:
    """The script font ``char`` needs, or None for DejaVu (Latin, Greek, Cyrillic, digits, punctuation)."""
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    if index >= 0:
        first, last, script = _BLOCKS[index]
        if code <= last:
            return script
    return None


@lru_cache(maxsize=None)
def script_font(script: str, bold: bool = False) -> str:
    """The registered name of ``script``'s font, registering it on first use."""
    regular_file, bold_file, shaped, _ = SCRIPT_FONTS[script]
    file_name = bold_file if bold and bold_file else regular_file
    name = f"TreadwellSans-{script}{'-Bold' if bold and bold_file else ''}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_CachedFont(name, str(resource_path("fonts", file_name)), shapable=shaped))
    return name


def font_for(script: str | None, *, bold: bool) -> str:
    return script_font(script, bold) if script else (BOLD if bold else REGULAR)


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(font_name).face.charToGlyph


def missing_characters(texts: list[str]) -> list[str]:
    """Characters no shipped font can print (regular and bold), in order of first appearance (whitespace
    ignored). A script's font is loaded only when a text holds that script."""
    register_fonts()
    missing: dict[str, None] = {}
    for char in dict.fromkeys("".join(texts)):
        if char.isspace() or char in _FORMAT_CHARACTERS:
            continue
        script = script_of(char)
        if not all(has_glyph(font_for(script, bold=bold), char) for bold in (False, True)):
            missing.setdefault(char, None)
    return list(missing)


# Joiners and direction marks: they change how the letters around them are drawn, and print nothing.
_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f")
