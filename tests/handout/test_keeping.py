"""A handout section kept on one page, or said to go on over the page (core/handout/keeping.py)."""

from __future__ import annotations

import signal
from io import BytesIO

from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from core.handout.keeping import HeadedOnANewPage, KeptOnOnePage, SaidToGoOn, ShorterWhereItSaves

STYLES = getSampleStyleSheet()


def _laid_out(parts: list[str]) -> list[str]:
    """The pages' text of a section headed "Heading" holding ``parts``, given 20 s at most."""
    section = [Paragraph("Heading", STYLES["Heading1"])] + [Paragraph(text, STYLES["Normal"]) for text in parts]
    kept = KeptOnOnePage(section, turn_over=lambda: Paragraph("Continued.", STYLES["Normal"]),
                         heading_again=lambda: Paragraph("Heading (continued)", STYLES["Heading1"]))
    buffer = BytesIO()

    def too_long(*_) -> None:
        raise TimeoutError("the section was still being laid out after 20 s")

    before = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(20)
    try:
        SimpleDocTemplate(buffer).build([kept])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    return [page.extract_text() for page in PdfReader(BytesIO(buffer.getvalue())).pages]


def test_a_part_taller_than_a_page_ends_and_is_printed_whole() -> None:
    """Seen in review: with one part taller than a page, every new page held only "Heading (continued)" and
    "Continued.", and the layout never ended."""
    pages = _laid_out(["First part.", " ".join(["word"] * 6000)])
    assert pages[0].startswith("Heading") and "First part." in pages[0]
    assert sum(page.count("word") for page in pages) == 6000 and len(pages) < 12


def test_parts_taller_than_a_page_together_go_on_under_the_heading_again() -> None:
    pages = _laid_out([f"Part {number}. " + " ".join(["text"] * 60) for number in range(1, 30)])
    assert "Continued." in pages[0] and pages[1].startswith("Heading (continued)")
    assert all(f"Part {number}." in " ".join(pages) for number in range(1, 30))


def _lines(story: list) -> list[tuple[int, float, str]]:
    """(page, height on the page, text) of every line of ``story`` laid out on A4."""
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build(story)
    found = []
    for number, page in enumerate(PdfReader(BytesIO(buffer.getvalue())).pages, start=1):
        page.extract_text(visitor_text=lambda text, cm, tm, *_: text.strip() and found.append(
            (number, tm[5] * cm[3] + cm[5], text.strip())))
    return found


def test_a_block_that_goes_on_a_section_keeps_its_room_before_it_or_begins_a_page_under_the_heading_again() -> None:
    """Seen in review: the talk test after the effort scale lost the 10 pt above it (the block's parts do not carry
    it), and where it began a page it stood under no heading."""
    def block() -> HeadedOnANewPage:
        return HeadedOnANewPage([Paragraph("The talk test.", STYLES["Normal"])], space_before=30,
                                heading_again=lambda: Paragraph("Effort (continued)", STYLES["Heading1"]))

    [(_, above, _), (_, below, text)] = _lines([Paragraph("The scale.", STYLES["Normal"]), block()])
    assert text == "The talk test." and above - below >= 30 + STYLES["Normal"].leading
    moved = _lines([Paragraph("The scale.", STYLES["Normal"]), Spacer(1, 660), block()])  # no room left on page 1
    assert [(page, text) for page, _, text in moved] == [(1, "The scale."), (2, "Effort (continued)"),
                                                         (2, "The talk test.")]


def test_a_table_that_goes_on_over_a_page_says_so_and_goes_on_under_its_heading_again() -> None:
    """Seen in review: the week plan went on atop a page under its column headings only, as if a new table began."""
    def table(weeks: int) -> SaidToGoOn:
        rows = [["Week", "Minutes"]] + [[f"Week {week}", f"{week} minutes"] for week in range(1, weeks + 1)]
        return SaidToGoOn(Paragraph("Plan", STYLES["Heading1"]), Table(rows, repeatRows=1),
                          turn_over=lambda: Paragraph("Continued.", STYLES["Normal"]),
                          heading_again=lambda: Paragraph("Plan (continued)", STYLES["Heading1"]))

    lines = _lines([table(80)])
    pages = sorted({page for page, _, _ in lines})
    assert len(pages) >= 2
    for page in pages:
        texts = [text for number, _, text in lines if number == page]
        assert texts[:2] == (["Plan", "Week"] if page == 1 else ["Plan (continued)", "Week"]), texts[:3]
        assert page == pages[-1] or texts[-1] == "Continued.", texts[-3:]
    weeks = [text for _, _, text in lines if text.startswith("Week ")]
    assert weeks == [f"Week {week}" for week in range(1, 81)]  # every row once, in order
    short = _lines([table(2)])
    assert [text for _, _, text in short] == ["Plan", "Week", "Minutes", "Week 1", "1 minutes", "Week 2", "2 minutes"]
    moved = _lines([Paragraph("Before.", STYLES["Normal"]), Spacer(1, 640), table(80)])  # room for the heading only
    assert [(page, text) for page, _, text in moved[:3]] == [(1, "Before."), (2, "Plan"), (2, "Week")]


def test_a_chart_is_drawn_shorter_where_that_keeps_it_on_the_page() -> None:
    """Seen in review: the weekly minutes chart missed the foot of the week plan's page by about 20 points and took
    a page of its own, half empty."""
    drawn: list[float] = []

    def chart(height: float) -> list:
        drawn.append(height)
        return [Paragraph("Chart", STYLES["Normal"]), Spacer(1, height)]

    # about 45 pt are left on an A4 page (SimpleDocTemplate's frame) under a 640 pt spacer
    kept = _lines([Spacer(1, 640), ShorterWhereItSaves(chart, height=60, least=20)])
    assert [(page, text) for page, _, text in kept] == [(1, "Chart")] and 20 <= drawn[-1] <= 30  # drawn shorter
    drawn.clear()
    moved = _lines([Spacer(1, 640), ShorterWhereItSaves(chart, height=100, least=70)])  # cannot fit even at 70
    assert [(page, text) for page, _, text in moved] == [(2, "Chart")] and drawn[0] == 100  # the next page, whole
    headed = _lines([Spacer(1, 640), ShorterWhereItSaves(chart, height=100, least=70, heading_again=lambda: Paragraph(
        "Plan (continued)", STYLES["Heading1"]))])  # seen in review: the chart alone atop a page, under no heading
    assert [(page, text) for page, _, text in headed] == [(2, "Plan (continued)"), (2, "Chart")]
