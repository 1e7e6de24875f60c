"""What reportlab reads from a TrueType file, kept between runs.

Registering a font makes reportlab walk every glyph of the file (its code points, widths and offsets:
about 7 ms for each DejaVu Sans face, the largest fixed cost of a handout after the imports). Those
figures never change for a given file, so the first run saves them in the data folder's
``cache/fonts`` (a small JSON header, then the tables as packed arrays: reading JSON tables took longer
than parsing the font) and later runs read them back. The file is named by the font's SHA-256 and the
reportlab version, and checked field by field when read: a changed font, a new reportlab, or a damaged
or hand-edited cache file is simply parsed again. The glyph outlines themselves are still read from the
font when a PDF embeds its subset.

``use_folder`` is called at start-up, before the window's first frame: this module imports nothing
until a font is read (reportlab included).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CACHE_FORMAT = 2
MAGIC = b"TWFONT02"
_folder: Path | None = None

_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
_NUMBERS = ("unitsPerEm", "ascent", "descent", "capHeight", "stemV", "italicAngle", "underlinePosition",
            "underlineThickness", "flags", "numGlyphs", "defaultWidth")
# The packed tables, in file order: (name, array typecode).
_TABLES = (("chars", "l"), ("glyphs", "l"), ("width_chars", "l"), ("widths", "d"), ("glyph_keys", "l"),
           ("glyph_chars", "l"), ("advances", "d"), ("side_bearings", "l"), ("glyph_offsets", "q"))


def use_folder(folder: Path | None) -> None:
    """Where parsed fonts are kept (``None``: parse every time, as a read-only data folder does)."""
    global _folder
    _folder = folder


def cache_file(font_bytes: bytes, reportlab_version: str) -> Path | None:
    if _folder is None:
        return None
    import hashlib
    import sys

    digest = hashlib.sha256(font_bytes).hexdigest()[:32]
    return _folder / f"{digest}-reportlab{reportlab_version}-{sys.byteorder}-v{CACHE_FORMAT}.bin"


def write(path: Path | None, face: Any) -> None:
    """Save what ``extractInfo`` set on ``face``. Best effort: a folder that cannot be written only
    means the next run parses the font again."""
    if path is None:
        return
    import json
    import os
    import tempfile
    from array import array

    glyph_keys = [glyph for glyph, chars in face.glyphToChar.items() for _ in chars]
    tables = {
        "chars": list(face.charToGlyph), "glyphs": list(face.charToGlyph.values()),
        "width_chars": list(face.charWidths), "widths": list(face.charWidths.values()),
        "glyph_keys": glyph_keys, "glyph_chars": [char for chars in face.glyphToChar.values() for char in chars],
        "advances": [advance for advance, _ in face.hmetrics], "side_bearings": [lsb for _, lsb in face.hmetrics],
        "glyph_offsets": face.glyphPos,
    }
    header = {
        "names": {key: getattr(face, key).ustr for key in _NAMES},
        "numbers": {key: getattr(face, key) for key in _NUMBERS},
        "fontRevision": list(face.fontRevision), "bbox": list(face.bbox), "full_font": face._full_font,
        "lengths": {name: len(tables[name]) for name, _ in _TABLES},
    }
    try:
        packed = b"".join(array(code, tables[name]).tobytes() for name, code in _TABLES)
        head = json.dumps(header, separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".font-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + len(head).to_bytes(4, "little") + head + packed)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, OverflowError):
        pass


def read_into(path: Path | None, face: Any, name_bytes: type) -> bool:
    """Set on ``face`` what ``extractInfo`` would have, from the cache; False when there is no usable
    cache file (``name_bytes``: reportlab's TTFNameBytes)."""
    if path is None:
        return False
    try:
        header, tables = _read(path.read_bytes())
    except (OSError, ValueError, TypeError, KeyError, AttributeError, EOFError):
        return False
    for key, text in header["names"].items():
        setattr(face, key, name_bytes(text.encode("utf-8")))
    for key, value in header["numbers"].items():
        setattr(face, key, value)
    face.fontRevision = tuple(header["fontRevision"])
    face.bbox = header["bbox"]
    face._full_font = header["full_font"]
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    face.charToGlyph = dict(zip(tables["chars"], tables["glyphs"]))
    face.charWidths = dict(zip(tables["width_chars"], tables["widths"]))
    glyph_to_char: dict[int, list[int]] = {}
    for glyph, char in zip(tables["glyph_keys"], tables["glyph_chars"]):
        glyph_to_char.setdefault(glyph, []).append(char)
    face.glyphToChar = glyph_to_char
    face.hmetrics = list(zip(tables["advances"], tables["side_bearings"]))  # reportlab reads int(advance)
    face.glyphPos = tables["glyph_offsets"].tolist()
    return True


def _read(blob: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and the tables, each checked: a short, damaged or edited file raises ValueError."""
    import json
    import math
    from array import array

    if not blob.startswith(MAGIC):
        raise ValueError("not a font cache file")
    head_end = len(MAGIC) + 4 + int.from_bytes(blob[len(MAGIC):len(MAGIC) + 4], "little")
    header = json.loads(blob[len(MAGIC) + 4:head_end])
    lengths, numbers = header["lengths"], header["numbers"]
    tables, offset = {}, head_end
    for name, code in _TABLES:
        table = array(code)
        size = lengths[name] * table.itemsize
        table.frombytes(blob[offset:offset + size])
        if len(table) != lengths[name]:
            raise ValueError(f"{name}: the file ends early")
        tables[name], offset = table, offset + size
    glyph_count = numbers["numGlyphs"]
    checks = (
        offset == len(blob),
        all(isinstance(header["names"][key], str) for key in _NAMES),
        all(type(numbers[key]) in (int, float) and math.isfinite(numbers[key]) for key in _NUMBERS),
        type(glyph_count) is int and glyph_count > 0 and numbers["unitsPerEm"] > 0,
        len(header["fontRevision"]) == 2 and len(header["bbox"]) == 4 and isinstance(header["full_font"], bool),
        lengths["chars"] == lengths["glyphs"] and lengths["width_chars"] == lengths["widths"],
        lengths["glyph_keys"] == lengths["glyph_chars"],
        lengths["advances"] == lengths["side_bearings"] == glyph_count,
        lengths["glyph_offsets"] == glyph_count + 1,
        all(_within(tables[name], 0, 0x10FFFF) for name in ("chars", "width_chars", "glyph_chars")),
        all(_within(tables[name], 0, 0xFFFF) for name in ("glyphs", "glyph_keys")),
        all(math.isfinite(value) for value in (*_extremes(tables["widths"]), *_extremes(tables["advances"]))),
        _within(tables["glyph_offsets"], 0, 2**32),
    )
    if not all(checks):
        raise ValueError("the font cache does not hold together")
    return header, tables


def _extremes(table: Any) -> tuple:
    return (min(table), max(table)) if len(table) else ()


def _within(table: Any, low: int, high: int) -> bool:
    return not len(table) or (low <= min(table) and max(table) <= high)
