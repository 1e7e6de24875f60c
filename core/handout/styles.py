"""The handout's paragraph styles: the patient's pages in either print size, and the one way a style is made."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from core.handout.fonts import BOLD, REGULAR

# print size: (text, heading, title) in points. Page headers and footers stay at 12 pt.
PRINT_SIZES = {"large": (16, 22, 26), "standard": (14, 19, 24)}
# The stop page's paragraphs where that keeps it on one page (HandoutRenderer._closer): 2 points apart
# rather than 6, their lines as far apart as ever (1.5 times the type size).
CLOSER = 2


def paragraph_style(name: str, size: float, *, bold: bool = False, space_after: float = 6, leading: float = 1.5,
                    keep_with_next: bool = False) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=BOLD if bold else REGULAR, fontSize=size, leading=size * leading,
                          alignment=TA_LEFT, spaceAfter=space_after, keepWithNext=keep_with_next,
                          bulletFontName=REGULAR, bulletFontSize=size, leftIndent=size * 1.2, bulletIndent=0,
                          allowWidows=0)  # a paragraph's last line never starts a page alone


def patient_styles(size: str) -> dict[str, ParagraphStyle]:
    """The patient's pages: body and tables at 16 pt in large print (RNIB: 16-22 pt), 14 pt in standard."""
    text, heading, title = PRINT_SIZES[size]
    styles = {
        "title": paragraph_style(f"title-{size}", title, bold=True, space_after=10, leading=1.25),
        # Headings are kept with what follows by CondPageBreak: keepWithNext would push a long table whole.
        "heading": paragraph_style(f"heading-{size}", heading, bold=True, space_after=8, leading=1.3),
        "body": paragraph_style(f"body-{size}", text),
        "bold_body": paragraph_style(f"bold-body-{size}", text, bold=True),
        "body_closer": paragraph_style(f"body-closer-{size}", text, space_after=CLOSER),
        "bold_body_closer": paragraph_style(f"bold-body-closer-{size}", text, bold=True, space_after=CLOSER),
        "cell": paragraph_style(f"cell-{size}", text, space_after=0, leading=1.3),
        "cell_bold": paragraph_style(f"cell-bold-{size}", text, bold=True, space_after=0, leading=1.3),
    }
    for name in ("title", "heading", "cell", "cell_bold"):
        styles[name].leftIndent = 0
    styles["chart_axis"] = ParagraphStyle(f"chart-axis-{size}", parent=styles["bold_body"], alignment=TA_CENTER,
                                          leftIndent=0)
    return styles
