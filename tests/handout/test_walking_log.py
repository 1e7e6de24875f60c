"""The handout's tables, read back from the real PDF: the column headings of the walking log and of the plan
at a glance break between words (or between Chinese characters), never inside a word or a number, and a
week's heading in the walking log is never left at the foot of a page without its lines."""

from __future__ import annotations

import re
import unicodedata
from io import BytesIO

import pytest
from pypdf import PdfReader

from core.handout.renderer import FOOTER_ROOM, HandoutRenderer
from core.handout.walking_log import LOG_LINES
from tests.handout.test_languages import PROFILES, _handout

HAN = "\u3400-\u4dbf\u4e00-\u9fff"


@pytest.fixture(scope="module")
def renderer() -> HandoutRenderer:
    return HandoutRenderer()


def _flat(text: str) -> str:
    return re.sub(r"[\s\u2066-\u2069]+", "", unicodedata.normalize("NFKC", text))


def _lines(page) -> list[tuple[float, str]]:
    """(baseline height, text) of each line above the page footer, top to bottom."""
    pieces: dict[float, str] = {}

    def visit(text, cm, tm, font, size) -> None:
        y = round(tm[5] * cm[3] + cm[5], 1)
        if text.strip() and y > FOOTER_ROOM:
            pieces[y] = pieces.get(y, "") + text

    page.extract_text(visitor_text=visit)
    return sorted(pieces.items(), reverse=True)


def _log_pages(handout, pdf: bytes) -> list:
    pages = PdfReader(BytesIO(pdf)).pages
    first = next(i for i, page in enumerate(pages)  # its heading and first line (the introduction names the log too)
                 if _flat(handout.labels.log_heading + handout.logbook_intro[0]) in _flat(page.extract_text()))
    return pages[first:]


def _words_whole(page, columns: list[str]) -> None:
    lines = [_flat(text) for _, text in _lines(page)]
    for column in columns:
        for word in re.findall(f"[^\\s{HAN}]+", column):  # Chinese may break between its characters
            assert any(_flat(word) in line for line in lines), (column, word, lines[:8])


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("tag", ["en", "es", "pt", "vi", "zh-Hans"])
def test_log_column_headings_never_break_inside_a_word(renderer, tag, paper) -> None:
    """"Velocidade" is not printed "Velocidad" over "e", nor "(km/h)" as "(km/" over "h)": each word, and each
    number with its brackets, is whole on one line of every log page's heading rows, the groups' ("Na manhã
    seguinte") and the columns'."""
    handout = _handout(PROFILES["diabetic"], tag).model_copy(update={"paper": paper})
    assert handout.uses_heart_rate  # eight columns, the pulse's too
    headings = [group.heading for group in handout.labels.log_groups if group.heading]
    for page in _log_pages(handout, renderer.render(handout)):
        _words_whole(page, [*headings, *handout.labels.log_columns])


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_chinese_log_column_headings_are_each_on_one_line(renderer, paper) -> None:
    """Seen in review: "更僵" over "硬？" split the word for "stiff"; the Chinese headings all fit on one line each."""
    handout = _handout(PROFILES["diabetic"], "zh-Hans").model_copy(update={"paper": paper})
    lines = [_flat(text) for _, text in _lines(_log_pages(handout, renderer.render(handout))[1])]
    assert all(any(_flat(column) in line for line in lines) for column in handout.labels.log_columns), lines[:6]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("tag", ["en", "es", "pt", "vi", "zh-Hans"])
def test_plan_column_headings_never_break_inside_a_word(renderer, tag, paper) -> None:
    """The plan at a glance, at 16 pt: not "Pulsaçã" over "o", nor "(nhịp/ph" over "út)"."""
    handout = _handout(PROFILES["diabetic"], tag).model_copy(update={"paper": paper})
    assert handout.uses_heart_rate  # every column, the pulse's too
    pages = PdfReader(BytesIO(renderer.render(handout))).pages
    page = next(page for page in pages if _flat(handout.labels.plan_heading) in _flat(page.extract_text()))
    _words_whole(page, handout.labels.week_columns)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("tag", ["en", "es", "pt", "vi", "zh-Hans"])
@pytest.mark.parametrize("profile", ["diabetic", "spinal", "sclerosis"])
def test_a_week_heading_stays_on_the_page_with_its_lines(renderer, tag, paper, profile) -> None:
    """Each week's heading has room below it, on its own page, for every line of that week."""
    handout = _handout(PROFILES[profile], tag).model_copy(update={"paper": paper})
    walks = {_flat(week.heading): week.walks for week in handout.log_weeks}
    line = LOG_LINES[handout.print_size]
    seen = []
    for page in _log_pages(handout, renderer.render(handout)):
        for y, text in _lines(page):
            if (week := _flat(text)) in walks:
                seen.append(week)
                assert y - FOOTER_ROOM >= walks[week] * line, f"{text!r} at the foot of a page, its lines on the next"
    assert seen == [_flat(week.heading) for week in handout.log_weeks]  # the weeks to walk again share a heading


@pytest.mark.parametrize("tag", ["en", "ar"])
def test_each_heading_is_in_the_cell_its_span_shows(renderer, tag) -> None:
    """A span shows its top-left cell: in a mirrored (Arabic) log the group's heading must be in the cell that is
    leftmost once mirrored, and the date, on the right, spans both heading rows. (``renderer``: the fonts.)"""
    from reportlab.lib.styles import ParagraphStyle

    from core.handout.walking_log import walking_log_table

    handout = _handout(PROFILES["diabetic"], tag)
    week_style = ParagraphStyle("week", fontName="Helvetica-Bold", fontSize=16)
    table = walking_log_table(handout, 510, paragraph=lambda text, style: text, week_style=week_style,
                              rtl=tag == "ar")
    spans = [(start, end) for _, start, end in table._spanCmds if start[1] == 0]  # the heading rows'
    columns = len(handout.labels.log_columns)
    shown = {table._cellvalues[0][start[0]].replace("\n", " ") for start, _ in spans}
    assert shown == {group.heading or group.columns[0] for group in handout.labels.log_groups}
    date = next((start, end) for start, end in spans if end[1] == 1)
    assert date == (((columns - 1, 0), (columns - 1, 1)) if tag == "ar" else ((0, 0), (0, 1)))


def test_a_log_group_without_a_heading_is_one_column() -> None:
    from pydantic import ValidationError

    from core.handout.model import LogGroup

    with pytest.raises(ValidationError, match="one column"):
        LogGroup(heading="", columns=["Date", "Minutes"])
    with pytest.raises(ValidationError):
        LogGroup(heading="Next morning", columns=[])


def test_columns_that_cannot_all_fit_share_the_width_whatever_the_shares_add_up_to(renderer) -> None:
    from core.handout.fitting import fitted_widths

    widths = fitted_widths([60, 60, 120], ["Velocidade", "Pulsação", "Esforço"], 100, 14)
    assert widths == pytest.approx([25, 25, 50])


@pytest.mark.parametrize("units", ["metric", "imperial"])
def test_a_chinese_week_plan_never_breaks_a_number_or_unit_in_its_cells(renderer, units) -> None:
    """reportlab's CJK wrapping breaks a cell with Chinese in it anywhere it must: seen in testing, wrapping every
    Chinese paragraph a character narrower (to keep a line's closing "，" within the width) broke "2.4 mp" over "h" in
    the week plan. A line that fits is wrapped as it is (cjk_lines.py): every number, range and unit stays whole."""
    from tests.handout.helpers import example, handout_for

    profile = example("diabetic-neuropathy").model_copy(update={"baseline_walk_min": 1.0})  # walks in parts
    handout = handout_for(profile, language="zh-Hans", units=units)
    page = next(page for page in PdfReader(BytesIO(renderer.render(handout))).pages
                if _flat(handout.labels.plan_heading) in _flat(page.extract_text()))
    columns: dict[float, list[tuple[float, str]]] = {}  # each column's lines, by where they start

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            x, y = round(tm[4] * cm[0] + cm[4]), round(tm[5] * cm[3] + cm[5], 1)
            columns.setdefault(x, []).append((y, _flat(text)))

    page.extract_text(visitor_text=visit)
    words = {word for week in handout.weeks for key in ("effort", "heart_rate", "speed", "walking")
             for word in re.findall(f"[^\\s{HAN}（）()]+", getattr(week, key) or "")}
    assert words >= {"12-13", "1%"} | ({"mph"} if units == "imperial" else {"km/h"})
    for lines in columns.values():
        texts = [text for _, text in sorted(lines, reverse=True)]
        for above, below in zip(texts, texts[1:]):
            cut = [word for word in words for at in range(1, len(word))
                   if above.endswith(word[:at]) and below.startswith(word[at:])]
            assert not cut, (above, below, cut)


def test_the_week_plan_boxes_the_week_a_patient_carries_on_at(monkeypatch, renderer) -> None:
    """Seen in review: "Start at week 5. You have done the weeks before it." over ten rows alike."""
    import core.handout.renderer as rendering
    from tests.handout.helpers import example, handout_for

    tables, made = [], rendering.week_table
    monkeypatch.setattr(rendering, "week_table", lambda r, h: tables.append(made(r, h)) or tables[-1])
    handout = handout_for(example("diabetic-neuropathy"))
    for start in (5, None):
        renderer.render(handout.model_copy(update={"start_week": start}))
        boxes = [command[1:4] for command in tables[-1]._linecmds if command[0] == "BOX"]
        assert boxes == ([((0, 5), (-1, 5), 3)] if start else []), start
