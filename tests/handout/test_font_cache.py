"""The parsed-font cache: what it restores is exactly what reportlab parses, and a bad cache file is
parsed again, never trusted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from core.handout import font_cache
from core.handout.fonts import FONT_FILES, REGULAR, _CachedFace, _CachedFont
from core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
FONT = str(resource_path("fonts", FONT_FILES[REGULAR]))


@pytest.fixture
def cache_folder(tmp_path):
    folder = tmp_path / "cache" / "fonts"
    font_cache.use_folder(folder)
    yield folder
    font_cache.use_folder(None)


def _figures(face) -> dict:
    return {key: value for key, value in vars(face).items() if key not in ("_pdfScale", "_pos")}


def test_a_face_read_from_the_cache_equals_the_parsed_face(cache_folder) -> None:
    parsed = TTFontFace(FONT)
    first = _CachedFace(FONT)  # parses and writes the cache
    assert len(list(cache_folder.iterdir())) == 1
    cached = _CachedFace(FONT)  # reads it
    assert _figures(first) == _figures(parsed) == _figures(cached)
    assert [cached._pdfScale(value) for value in (0, 1, 2048)] == [parsed._pdfScale(value) for value in (0, 1, 2048)]
    assert cached.makeSubset([0, 65, 0x1EC7]) == parsed.makeSubset([0, 65, 0x1EC7])  # "A", "ệ"


def test_the_cached_font_is_set_up_as_reportlab_sets_up_its_own() -> None:
    for shapable in (False, True):  # shaping only for the scripts that need it (core/handout/fonts.py)
        ours, theirs = _CachedFont("Ours", FONT, shapable=shapable), TTFont("Theirs", FONT, shapable=shapable)
        assert set(vars(ours)) == set(vars(theirs))
        assert ours.shapable == theirs.shapable == shapable and ours._asciiReadable == theirs._asciiReadable


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "edited glyph count", "edited header"])
def test_a_damaged_cache_file_is_parsed_again_and_replaced(cache_folder, damage) -> None:
    _CachedFace(FONT)
    (cache,) = cache_folder.iterdir()
    blob = cache.read_bytes()
    damaged = {
        "truncated": blob[: len(blob) // 2],
        "garbage": b"\x00\xff" * 500,
        "empty": b"",
        "edited glyph count": blob.replace(b'"numGlyphs":6253', b'"numGlyphs":6252'),
        "edited header": blob.replace(b'"names"', b'"nameZ"'),
    }[damage]
    assert damaged != blob
    cache.write_bytes(damaged)
    face = _CachedFace(FONT)
    assert _figures(face) == _figures(TTFontFace(FONT))
    assert cache.read_bytes() == blob  # written again, whole


def test_an_unwritable_cache_folder_only_means_parsing(tmp_path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    font_cache.use_folder(blocker / "fonts")
    try:
        assert _figures(_CachedFace(FONT)) == _figures(TTFontFace(FONT))
    finally:
        font_cache.use_folder(None)


def test_the_handout_command_writes_the_same_pdf_with_and_without_the_cache(tmp_path) -> None:
    example = ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
    pdfs = []
    for run in range(2):  # the first run parses the fonts and fills the cache, the second reads it
        out = tmp_path / f"handout-{run}.pdf"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), "plan",
                        str(example), "--pdf", str(out), "--clinician-summary"], check=True, capture_output=True)
        pdfs.append(out.read_bytes())
    assert len(list((tmp_path / "data" / "cache" / "fonts").iterdir())) == len(FONT_FILES)
    assert pdfs[0] == pdfs[1]
