"""The handout's embedded fonts and a coverage check.

DejaVu Sans prints Latin (Vietnamese included), Greek and Cyrillic, and every English word. Other scripts
have their own font, registered only when a text needs it (so an English handout loads no more than
before): Noto Sans Arabic, Hebrew, Devanagari and Gurmukhi (shaped with HarfBuzz), and Droid Sans Fallback
for Chinese, Japanese kana and CJK punctuation. Every file has TrueType outlines and an open licence
(resources/fonts/LICENSE-*.txt).
"""

from __future__ import annotations

from fnmatch import fnmatch
from functools import lru_cache
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.lib.abag import ABag
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, shapeFragWord

from core.handout import font_cache
from core.resources import resource_path
from core.scripts import RTL_SCRIPTS, SCRIPT_FONTS, SHAPED_SCRIPTS, script_of

__all__ = ["BOLD", "REGULAR", "RTL_SCRIPTS", "SHAPED_SCRIPTS", "UnprintableCharacters", "font_for", "has_glyph",
           "missing_characters", "name_problem", "printable", "register_fonts", "script_font", "script_of",
           "shown_characters"]

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
_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069")


def shown_characters(characters: list[str]) -> str:
    """Characters as a reader can find them: 'ក' (U+1780), one after another."""
    return ", ".join(f"'{char}' (U+{ord(char):04X})" for char in characters)


def cannot_print(text: str, what: str) -> str | None:
    """Why ``text``, which every handout page or report carries (a patient's name, the clinic's), cannot be kept, or
    None: a character no shipped font has (Khmer, say) would make them all impossible to print."""
    missing = missing_characters([text])
    if not missing:
        return None
    shown = shown_characters(missing[:5]) + (" and more" if len(missing) > 5 else "")
    return (f"the handout's fonts cannot print {shown}: write {what} in letters they print (Latin, Greek, "
            "Cyrillic, Arabic, Hebrew, Chinese, Devanagari or Gurmukhi), so every handout and report can carry it")


def name_problem(name: str) -> str | None:
    """Why a patient's name cannot be saved, or None (cannot_print)."""
    return cannot_print(name, "the name")


REPLACEMENT = "\ufffd"  # printed instead of a character the fonts lack (in study text): visible, never an error


class UnprintableCharacters(ValueError):
    """Text holds characters the embedded fonts cannot print; ``characters`` lists them."""

    def __init__(self, characters: list[str]) -> None:
        shown = shown_characters(characters[:10])
        super().__init__(f"the handout's fonts cannot print these characters: {shown}")
        self.characters = characters


def printable(text: str) -> str:
    """``text`` with every character the fonts cannot print replaced by a visible U+FFFD."""
    missing = set(missing_characters([text]))
    return "".join(REPLACEMENT if char in missing else char for char in text) if missing else text


# Not reportlab's discretionary ligatures (dlig): "محمد عبد الله" printed as two word-signs with vowel marks nobody
# typed (seen in review). Lam-alef and the other ligatures Arabic needs are required ones, always on.
SHAPING_FEATURES = {"kern": True, "liga": True}


def shaped_word(text: str, font: str, size: float):
    """``text`` shaped by HarfBuzz in ``font``, as reportlab's shapeStr does but with SHAPING_FEATURES."""
    return shapeFragWord([pdfmetrics.stringWidth(text, font, size), (ABag(fontName=font, fontSize=size), text)],
                         features=SHAPING_FEATURES, force=True)[1][1]
