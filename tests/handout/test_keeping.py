"""A handout section kept on one page, or said to go on over the page (core/handout/keeping.py)."""

from __future__ import annotations

import signal
from io import BytesIO

from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from core.handout.keeping import KeptOnOnePage

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
