"""The handout's clinician summary pages (in English): screening, intensity, the rules, warnings, the evidence in
people and the animal studies with their sources, and the animal treadmill dosing. A DOI is printed whole on one
line, so it can be read and copied; the dosing table's headers break only between words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak

from core.evidence.dosing import DOSING_RULE
from core.handout.fitting import fitted_widths
from core.handout.fonts import printable
from core.handout.keeping import KeptOnOnePage, SaidToGoOn
from core.handout.model import ClinicianSummary

if TYPE_CHECKING:
    from core.handout.renderer import HandoutRenderer

DOI = re.compile(r"doi:[^\s;,]+(?<![.)])")
CELL_PADDING = 8  # a table cell's left and right padding together (HandoutRenderer._table)
# The sources' column is wide enough for the library's longest DOI at 10 pt (doi:10.1097/01.j.pain.00004...,
# about 225 points), whole on one line beside the text it supports.
REFERENCE_SHARES = (0.53, 0.47)
# Shares of the width; each column is widened for its longest word (fitted_widths), so a header or an author's
# name ("López-Álvarez") wraps between words, never inside one.
DOSING_COLUMNS = (("Study", 0.15), ("Model", 0.22), ("Speed", 0.22), ("Min per session", 0.11),
                  ("Days a week", 0.10), ("Weeks", 0.10), ("Flags", 0.10))


def unbroken_dois(text: str, style: ParagraphStyle, room: float) -> str:
    """``text`` with every DOI kept whole on one line of ``room`` points. Only a DOI wider than a whole line (a
    clinic's imported study may bring one) is broken, on a line of its own and only after a '/', with no hyphen
    added, so what is printed can still be copied."""
    def whole(match: re.Match) -> str:
        doi = match.group(0)
        if stringWidth(doi, style.fontName, style.fontSize) <= room:
            return doi
        lines = [""]
        for part in re.split(r"(?<=/)", doi):
            if lines[-1] and stringWidth(lines[-1] + part, style.fontName, style.fontSize) > room:
                lines.append("")
            lines[-1] += part
        return ("\n" if match.start() else "") + "\n".join(lines)
    return DOI.sub(whole, text)


def clinician_pages(r: HandoutRenderer, c: ClinicianSummary) -> list:
    small, bold = r.small, r.small_bold

    def p(text: str, style: ParagraphStyle, bullet: str | None = None, *, column: float | None = None):
        """Study text, printable, each DOI whole on one line of its table column (or of the page)."""
        room = r._width - (style.leftIndent if bullet else 0) if column is None else column - CELL_PADDING
        return r._p(unbroken_dois(printable(text), style, room), style, bullet)

    def going_on(heading: str) -> dict:
        """A section that goes on over a page says so, and the next page begins under its heading again (seen in
        review: a heading kept with its whole table left the first clinician page 70 % blank, and flags went on atop
        the last page under no heading)."""
        return {"turn_over": lambda: r._p("Continued on the next page.", bold),
                "heading_again": lambda: r._p(f"{heading} (continued)", r.small_heading)}

    story: list = [PageBreak(), r._p("Clinician summary", r.heading)]
    if c.translation:  # the patient's pages a translation no medical translator has reviewed: said first
        story.append(r._p(c.translation, bold))
    for heading, lines in (("Screening", c.screening), ("Intensity", c.intensity)):
        story += [r._p(heading, r.small_heading)] + [p(line, small) for line in lines]
    widths = [r._width * share for share in REFERENCE_SHARES]
    for heading, rows, none in (("Rules and their sources", c.rules, "None."), ("Warnings", c.warnings, "None."),
                                ("Evidence in people", c.human_evidence,
                                 "No entry for this etiology in the records' evidence library."),
                                ("Animal studies behind the plan", c.studies, c.no_studies)):
        if not rows:  # the plan's reason names studies, which a clinic may have imported
            story += [r._p(heading, r.small_heading), p(none, small)]
            continue
        table_rows = [[p(row.text, small, column=widths[0]), p(row.source, small, column=widths[1])] for row in rows]
        story.append(SaidToGoOn(r._p(heading, r.small_heading), r._table(table_rows, widths, header=False),
                                first_rows=1, **going_on(heading)))
    if c.dosing:  # the caution first, so it is read with the table wherever the table breaks; its first sentence in
        heading = "Animal treadmill dosing (context, not a human dose)"  # bold (the whole of it was: hard to read)
        rule = DOSING_RULE if c.dosing_caution.startswith(DOSING_RULE) else ""
        reasons = c.dosing_caution.removeprefix(rule).strip()
        columns = [" ".join([name, *(printable(str(value)) for value in values)])  # bold: the wider, to be safe
                   for (name, _), *values in zip(DOSING_COLUMNS, *(row.model_dump().values() for row in c.dosing))]
        widths = fitted_widths([share for _, share in DOSING_COLUMNS], columns, r._width, small.fontSize)
        rows = [[r._p(name, bold) for name, _ in DOSING_COLUMNS]]
        rows += [[p(value, small, column=width) for value, width in zip(row.model_dump().values(), widths)]
                 for row in c.dosing]
        story.append(SaidToGoOn([r._p(heading, r.small_heading), *([p(rule, bold)] if rule else []),
                                 p(reasons, small)],
                                r._table(rows, widths, repeat_header=True), first_rows=1, **going_on(heading)))
    if c.flags:
        heading = "Data-quality flags on these studies"
        story.append(KeptOnOnePage([r._p(heading, r.small_heading)] + [p(flag, small, bullet="•") for flag in c.flags],
                                   flowing=True, **going_on(heading)))
    return story
