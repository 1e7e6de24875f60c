"""Render a Handout to PDF bytes: large print, embedded fonts, "Page X of Y", byte-identical output."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Frame, Image, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
    Spacer, Table, TableStyle,
)

from core.app_info import APP_NAME
from core.handout.chart import weekly_minutes_chart
from core.handout.drawings import (
    GRID, HEADER_FILL, LIGHT_FILL, MODERATE_FILL, NUMBER_SIZE, TREADMILL_WIDTH, effort_scale_drawing, treadmill_drawing,
)
from core.handout.fonts import REGULAR, UnprintableCharacters, missing_characters, printable, register_fonts
from core.handout.logo import check_logo
from core.handout.model import ClinicianSummary, Handout
from core.handout.fitting import SHORTENED, fitted_footer, one_line
from core.handout.keeping import HeadedOnANewPage, KeptOnOnePage, SaidToGoOn, ShorterWhereItSaves, one_block
from core.handout.script_text import BidiParagraph, isolated, paragraph, text_width
from core.handout.styles import PRINT_SIZES, paragraph_style, patient_styles
from core.handout.walking_log import walking_log_table
from core.handout.week_table import week_table

MARGIN = 1.5 * cm
# Light tints with black text: readable, and still distinct when printed in grey.
TRAFFIC = {"green": colors.HexColor("#CDEBD6"), "amber": colors.HexColor("#FBE3A6"), "red": colors.HexColor("#F5C1BA")}


def study_text(text: str, limit: int) -> str:
    """Text a study brings to the clinician pages (a clinic may have imported it): printable, and at most
    ``limit`` characters, so no title, word or list can outgrow a table cell or a page."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + SHORTENED
    return printable(text)


FOOTER_ROOM = 2.4 * cm  # below the patient's pages: the clinic's phone and the page footer
# A number and the word after it in running text (seen in review: "16 minutes and 30" ending a line); not in tables,
# whose narrow columns may part "3.8 km/h", nor Chinese lines, which reportlab breaks between any two characters.
NUMBER_BEFORE_WORD = re.compile(r"(?<=\d) (?=[^\W\d_])")


# The clinician pages' furniture, in English like the pages (the patient's pages take the catalog's wording).
ENGLISH_FOOTER = "Treadmill plan for {name}, {date}"
ENGLISH_PAGE = "Page {page} of {total}"
# The clinician summary counts its own pages: the patient's pages, handed over without it, are complete.
CLINICIAN_PAGE = "Clinician page {page} of {total}"
ENGLISH_PHONE = "Clinic phone: {phone}"


class NumberedCanvas(Canvas):
    """Draws the footer and 'Page X of Y' once the page count is known (the clinician summary counts its own
    pages). ``footer`` and ``page`` (with {page} and {total}) are in the patient's language; a right-to-left
    handout mirrors them. Pages whose template sets ``clinician_page`` (the clinician summary, in English) take
    ``clinician_footer`` and ``clinician_phone``, in English and left to right, whatever the patient's language."""

    def __init__(self, *args, footer: str = "", page: str = ENGLISH_PAGE, rtl: bool = False, phone: str = "",
                 clinician_footer: str = "", clinician_phone: str = "", issued: dt.date | None = None,
                 **kwargs) -> None:
        """``phone``: the clinic's number, printed above the footer of every page in bold (14 pt). ``issued``:
        the document's date, as its creation date; reportlab's invariant mode would give 2000-01-01."""
        super().__init__(*args, **kwargs)
        if issued is not None:
            self.setDateFormatter(lambda *_: f"D:{issued:%Y%m%d}000000")
        self._pages: list[dict] = []
        self._footer, self._page, self._rtl, self._phone = footer, page, rtl, phone
        self._clinician = (clinician_footer, CLINICIAN_PAGE, False, clinician_phone)
        self.clinician_page = False

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Each part is numbered on its own: the patient's pages 1 to P, the clinician summary's 1 to C."""
        totals = {part: sum(state["clinician_page"] is part for state in self._pages) for part in (False, True)}
        seen = {False: 0, True: 0}
        footer_style = paragraph_style("footer", 12, space_after=0, leading=1.2)
        footer_style.leftIndent = 0
        for state in self._pages:
            self.__dict__.update(state)
            footer, page, rtl, phone = (self._clinician if self.clinician_page else
                                        (self._footer, self._page, self._rtl, self._phone))
            width = self._pagesize[0] - 2 * MARGIN
            seen[self.clinician_page] += 1
            number = page.format(page=seen[self.clinician_page], total=totals[self.clinician_page])
            number_width = text_width(number, 12) + 12
            for text, x, room, align in (
                    (footer, MARGIN + (number_width if rtl else 0), width - number_width, TA_RIGHT if rtl else TA_LEFT),
                    (number, MARGIN if rtl else MARGIN + width - number_width, number_width,
                     TA_LEFT if rtl else TA_RIGHT)):
                style = ParagraphStyle(f"footer-{align}", parent=footer_style, alignment=align)
                flowable = paragraph(one_line(text, room, 12), style, rtl=rtl)
                _, height = flowable.wrapOn(self, room, MARGIN)
                flowable.drawOn(self, x, MARGIN / 2 + 12 - height)
            if phone:
                style = paragraph_style("phone-line", 14, bold=True, space_after=0, leading=1.2)
                style.leftIndent, style.alignment = 0, TA_RIGHT if rtl else TA_LEFT
                flowable = paragraph(phone, style, rtl=rtl)
                flowable.wrapOn(self, width, MARGIN)  # a second line goes up, never over the footer (seen: Vietnamese)
                flowable.drawOn(self, MARGIN, MARGIN / 2 + 34 - style.leading)
            super().showPage()
        super().save()


def _marking(*, clinician: bool):
    """A page template's onPage: tells the canvas whose page it is drawing (see NumberedCanvas)."""

    def mark(canvas: Canvas, document) -> None:
        canvas.clinician_page = clinician

    return mark


class HandoutRenderer:
    """Registers the fonts once and keeps the named styles; ``render`` returns the PDF as bytes."""

    def __init__(self) -> None:
        register_fonts()
        self.small = paragraph_style("small", 10, space_after=4, leading=1.35)
        self.small_bold = paragraph_style("small-bold", 10, bold=True, space_after=4, leading=1.35)
        self.small_heading = paragraph_style("small-heading", 14, bold=True, space_after=6, leading=1.3, keep_with_next=True)
        self.small_heading.leftIndent = 0
        self._sizes: dict[str, dict[str, ParagraphStyle]] = {size: patient_styles(size) for size in PRINT_SIZES}
        self._use_size("large")
        self._rtl = False

    def _use_size(self, size: str) -> None:
        for name, style in self._sizes[size].items():
            setattr(self, name, style)

    def render(self, handout: Handout) -> bytes:
        # The patient's pages are refused when a character cannot be printed (the name, the clinic details);
        # the clinician summary prints study text, which is never refused: see printable().
        missing = missing_characters(handout.model_copy(update={"clinician": None}).all_texts())
        if missing:
            raise UnprintableCharacters(missing)
        if handout.logo_path:
            check_logo(handout.logo_path)
        self._use_size(handout.print_size)
        buffer = BytesIO()
        page_size = A4 if handout.paper == "a4" else LETTER
        document = BaseDocTemplate(
            buffer, pagesize=page_size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=FOOTER_ROOM,
            title=handout.title, author=handout.prepared_by or handout.clinic or APP_NAME,
            subject=handout.labels.subject, creator=APP_NAME, lang=handout.language,
            invariant=1, initialFontName=REGULAR, initialFontSize=12,
        )
        frame = Frame(MARGIN, FOOTER_ROOM, page_size[0] - 2 * MARGIN, page_size[1] - MARGIN - FOOTER_ROOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        document.addPageTemplates([PageTemplate(id=kind, frames=[frame], onPage=_marking(clinician=kind == "clinician"))
                                   for kind in ("patient", "clinician")])
        self._width = page_size[0] - 2 * MARGIN
        self._rtl = handout.direction == "rtl"
        story = self._patient_pages(handout)
        if handout.clinician is not None:
            self._rtl = False  # the clinician summary is in English, and so are its pages' footers
            story += [NextPageTemplate("clinician"), *self._clinician_pages(handout.clinician)]
        labels = handout.labels
        document.build(story, canvasmaker=lambda *a, **k: NumberedCanvas(
            *a, footer=self._footer(labels.footer, labels.page, handout.patient_name, handout.date,
                                    short=labels.footer_short), page=labels.page,
            rtl=handout.direction == "rtl", phone=labels.clinic_phone, issued=handout.issued,
            clinician_footer=self._footer(ENGLISH_FOOTER, CLINICIAN_PAGE, handout.patient_name, handout.clinician.date)
            if handout.clinician else "",
            clinician_phone=ENGLISH_PHONE.format(phone=isolated(handout.phone)) if handout.phone.strip() else "", **k))
        return buffer.getvalue()

    def _footer(self, template: str, page: str, name: str, date: str, *, short: str = "{name}, {date}") -> str:
        room = self._width - text_width(page.format(page=99, total=99), 12) - 12
        return fitted_footer(template, name, date, room, short=short)

    # -- patient pages ------------------------------------------------------------------------------

    def _p(self, text: str, style: ParagraphStyle | None = None, bullet: str | None = None, *,
           isolate: bool = False):
        """``text`` in any script (core/handout/script_text.py); a line break is "\\n". ``isolate``: data typed
        by someone (a name, a phone number), which keeps its own direction."""
        style = style or self.body
        if style in (self.body, self.bold_body, self.body_closer, self.bold_body_closer) and not (isolate or self._rtl):
            text = NUMBER_BEFORE_WORD.sub("\u00a0", text)  # "5 min", "30 seconds": never parted at a line's end
        if bullet is None and style.leftIndent:
            style = ParagraphStyle(f"{style.name}-flush", parent=style, leftIndent=0)
        return paragraph(text, style, bullet=bullet, rtl=self._rtl, isolate=isolate)

    def _patient_pages(self, h: Handout) -> list:
        labels = h.labels
        first: list = []
        if h.logo_path:
            first += [Image(h.logo_path, width=4 * cm, height=2 * cm, kind="proportional",
                            hAlign="RIGHT" if self._rtl else "LEFT"), Spacer(1, 6)]
        first.append(self._p(h.title, self.title))
        # the labels' column as wide as its widest, and a little room (seen in review: Vietnamese "Phòng khám", the
        # clinic, broken inside its last word as "Phòng khá" over "m" in large print), up to a third of the width
        widest = max(text_width(k, self.bold_body.fontSize, bold=True) for k, _ in labels.facts) + 12
        label = min(max(4.2 * cm, widest), self._width / 3)
        first.append(self._table([[self._p(k, self.bold_body), self._p(v, isolate=True)] for k, v in labels.facts],
                                 [label, self._width - label], header=False, grid=False))
        first.append(Spacer(1, 8))
        if h.start_note:  # where the patient carries on: first, and in bold, as it changes what the table means to them
            first += [self._p(h.start_note, self.bold_body), Spacer(1, 4)]
        first += [self._p(text, bullet="•") for text in h.intro]
        # said to go on where it is taller than the page (seen in review: in Spanish on Letter, the last bullet, and
        # with walks in parts what the table's "5:00 (2 × 2:30)" means, began page 2 under no heading)
        story: list = [self._kept(first, h.title, labels)]
        compact = h.print_size == "standard"  # fewer pages: sections share a page where they fit
        # the table starts with room (standard print, for fewer pages, lets it start lower: three weeks under its head;
        # seen in review, one alone at the foot of page 1 read as the whole plan, and three cost no example a page)
        # what the table shows, said above it (seen in review: "each walk is a little shorter" under the week's last
        # row, a page after week 10's shorter walk, read as a misprint on the page before)
        story += [CondPageBreak((6 if compact else 12) * cm), SaidToGoOn(  # said to go on over a page (keeping.py)
            [self._p(labels.plan_heading, self.heading), *(self._p(text) for text in h.week_notes)],
            week_table(self, h), turn_over=self._turn_over(labels),
            heading_again=self._heading_again(labels.plan_heading, labels), first_rows=3 if compact else 2)]
        story.append(ShorterWhereItSaves(self._as_now(lambda height: [
            Spacer(1, 10), self._p(labels.chart_title, self.bold_body),
            weekly_minutes_chart(h.weekly_minutes, self._width, height=height, right_to_left=self._rtl),
            self._p(labels.chart_axis, self.chart_axis)]),
            height=200 if compact else 260, least=200 if compact else 210,
            heading_again=self._heading_again(labels.plan_heading, labels)))
        again = self._heading_again(labels.effort_heading, labels)
        effort = [self._p(labels.effort_heading, self.heading)] + [self._p(text) for text in h.effort_intro]
        effort += [Spacer(1, 4), self._effort_drawing(h), Spacer(1, 8)]
        scale = [[self._p(name, self.cell_bold) for name in labels.scale_columns]]
        fills = []
        for row, level in enumerate(h.effort_scale, start=1):
            scale.append([self._p(level.rpe, self.cell_bold if level.band else self.cell), self._p(level.words, self.cell),
                          self._p(level.target, self.cell_bold)])
            if level.band:
                fills.append(("BACKGROUND", (0, row), (-1, row), LIGHT_FILL if level.band == "light" else MODERATE_FILL))
        scale_table = self._table(scale, [self._width * 0.2, self._width * 0.5, self._width * 0.3], repeat_header=True)
        # The target's rows are never parted: split between 12 and 13, a page began inside the moderate band.
        targets = [row for row, level in enumerate(h.effort_scale, start=1) if level.band]
        together = [("NOSPLIT", (0, targets[0]), (-1, targets[-1]))] if targets else []
        scale_table.setStyle(TableStyle(fills + together + [("TOPPADDING", (0, 1), (-1, -1), 1),
                                                            ("BOTTOMPADDING", (0, 1), (-1, -1), 2)]))
        # On one page where it fits; where not, parted after the target, as said, with its heading, words and number
        # strip (seen in review: the strip alone atop a page; in standard print the target's rows went on alone; in
        # large print on Letter, kept whole, the strip alone on a half-empty page, the table on the next, and the talk
        # test on a third).
        story += [self._new_section(compact, 8 * cm if compact else 0), SaidToGoOn(
            effort, scale_table, turn_over=self._turn_over(labels), heading_again=again,
            first_rows=targets[-1] if targets else 2)]
        # why not the pulse, and the talk test, on one page (seen in review: the reason alone at the foot of a page,
        # and in standard print "If you can say only a few words, slow down." alone at the top of the next); the pulse
        # too, its heading never alone at the foot of a page; each under the effort heading again atop a page
        story.append(HeadedOnANewPage([self._p(text) for text in h.no_pulse] + [
            self._p(text, self.bold_body if i == 0 else self.body) for i, text in enumerate(h.talk_test)],
            heading_again=again, space_before=10))
        if h.pulse:
            story.append(HeadedOnANewPage([self._p(labels.pulse_heading, self.bold_body)] +
                                          [self._p(t, bullet="•") for t in h.pulse], heading_again=again))
        pain = [self._p(labels.pain_heading, self.heading)] + [self._p(text) for text in h.pain_intro]
        lights = [(TRAFFIC[colour], name, text) for colour, name, text in
                  zip(("green", "amber", "red"), labels.lights, (h.pain_green, h.pain_amber, h.pain_red))]
        lights = [light for light in lights if light[2] is not None]
        rows = [[self._p(name, self.bold_body), self._p(text)] for _, name, text in lights]
        light_table = self._table(rows, [3.6 * cm, self._width - 3.6 * cm], header=False)
        light_table.setStyle(TableStyle([("BACKGROUND", (0, i), (-1, i), colour) for i, (colour, _, _) in enumerate(lights)]))
        # The section on one page, under its heading (the next-morning rule alone at the top of a page read as a stray
        # line, in standard print too; and seen in testing, the heading and its first lines alone at the foot of one,
        # the traffic light on the next)
        rules = [light_table, Spacer(1, 8), self._p(h.pain_morning[0]),  # the rule to go back with its exception
                 one_block([self._p(text) for text in h.pain_morning[1:]], self._width, REGULAR)]
        stop, parting = self._stop_section(h)
        # when to stop on one page, its paragraphs closer where that keeps it there, or said to go on where it is still
        # taller than a page (core/handout/keeping.py); seen in review, in Portuguese on Letter: the stop signs on one
        # page, "sit down and rest" alone on the next; then the two lists of signs on two pages, the first half empty
        stop_page = self._kept(stop, labels.stop_heading, labels, parting=parting,
                               closer=self._as_now(lambda: self._stop_section(h, closer=True)[0]))
        # in standard print, the pain rules part over a page only where that lets the stop page follow on the
        # next (seen in review: the next-morning rules alone on a page, the stop page on the one after anyway)
        story.append(self._kept(pain + rules, labels.pain_heading, labels, flowing=compact, keep_first=len(pain) + 1,
                                then=stop_page))
        story += [self._new_section(compact, 0), stop_page]
        if h.low_sugar:  # beside the stop signs that low blood sugar can look like; under its heading on a next page
            story += [Spacer(1, 6), KeepTogether([self._p(labels.low_sugar_heading, self.heading),
                                                  self._p(h.low_sugar, self.bold_body)]
                                                 + [self._p(step, bullet=str(number))
                                                    for number, step in enumerate(h.low_sugar_steps, start=1)]
                                                 + [self._p(h.low_sugar_not_low), self._p(h.low_sugar_walk_again)])]
        # This patient's points, then the machine's under the picture, each part under its heading and on one page:
        # a last point alone on the next page read as a stray line. Standard print, for fewer pages, draws it smaller.
        if h.safety:
            story += [Spacer(1, 6), KeepTogether([self._p(labels.safety_heading, self.heading)]
                                                 + [self._p(text, bullet="•") for text in h.safety])]
        # drawn up to a third smaller where that keeps it on the page (seen in review: in Spanish, two safety points
        # alone on a page, the treadmill's section on the next), its numbers never below the text's size
        widest = min(self._width, (11 if compact else 15) * cm)
        least = max(widest * 2 / 3, TREADMILL_WIDTH * self.body.fontSize / NUMBER_SIZE)
        story += [Spacer(1, 6), ShorterWhereItSaves(self._as_now(lambda width: self._treadmill_section(h, width)),
                                                         widest, least)]
        story += [PageBreak(), self._p(labels.log_heading, self.heading)] + [self._p(t) for t in h.logbook_intro]
        story.append(walking_log_table(h, self._width, paragraph=self._p, week_style=self.cell_bold, rtl=self._rtl))
        return [KeepTogether([part]) if isinstance(part, (Paragraph, BidiParagraph)) else part for part in story]

    def _stop_section(self, h: Handout, *, closer: bool = False) -> tuple[list, int]:
        """When to stop and get help, and where it parts if taller than a page: each list of signs with what to do.
        ``closer``: its paragraphs CLOSER points apart (core/handout/styles.py)."""
        body, bold = (self.body_closer, self.bold_body_closer) if closer else (self.body, self.bold_body)
        # the number to dial (or the line to write it on) before the signs that call for it
        stop = [self._p(h.labels.stop_heading, self.heading), self._p(h.ambulance_call, bold)]
        for intro, signs in ((h.ambulance_intro, h.ambulance_signs), (h.stop_intro, h.stop_signs)):
            parting = len(stop)
            stop += [self._p(intro, bold)] + [self._p(sign, body, bullet="•") for sign in signs]
        return stop + [self._p(text, bold) for text in h.stop_after], parting

    def _treadmill_section(self, h: Handout, width: float) -> list:
        """The treadmill's section: its heading, the picture ``width`` wide, its captions and the machine's points."""
        picture = treadmill_drawing(width, handrails=h.safety_picture == "handrails-and-clip")
        picture.hAlign = "RIGHT" if self._rtl else "LEFT"
        return ([self._p(h.labels.treadmill_heading, self.heading), picture, Spacer(1, 6)]
                + [self._p(caption, self.bold_body, bullet=str(number))  # its captions
                   for number, caption in enumerate(h.safety_captions, start=1)]
                + [self._p(text, bullet="•") for text in h.treadmill_safety])

    def _kept(self, section: list, heading: str, labels, *, flowing: bool = False, keep_first: int = 2,
              parting: int | None = None, then: KeptOnOnePage | None = None,
              closer: Callable[[], list] | None = None) -> KeptOnOnePage:
        """``section`` on one page, or said to go on over the page where it is taller than one (``flowing``: where
        the page ends, after its first ``keep_first`` parts; ``parting``: before that part where it fits; ``then``:
        flowing only where the section after it then fits on the next page; ``closer``: as KeptOnOnePage)."""
        return KeptOnOnePage(section, turn_over=self._turn_over(labels), flowing=flowing, parting=parting,
                             heading_again=self._heading_again(heading, labels), keep_first=keep_first, then=then,
                             closer=closer)

    def _turn_over(self, labels):
        """Makes the line at the foot of a page that says the section goes on over it."""
        return self._as_now(lambda: self._p(labels.turn_over, self.bold_body))

    def _heading_again(self, heading: str, labels):
        """Makes a section's heading, "continued", for the top of the page it goes on to."""
        return self._as_now(lambda: self._p(labels.continued.format(heading=heading), self.heading))

    def _as_now(self, make: Callable) -> Callable:
        """``make`` (reportlab calls it as it lays the pages out, when render has turned to the clinician pages) in the
        direction of now (seen in review: an Arabic stop page set closer, beside a clinician summary, left to right)."""
        rtl = self._rtl

        def made(*args):
            then, self._rtl = self._rtl, rtl
            try:
                return make(*args)
            finally:
                self._rtl = then
        return made

    @staticmethod
    def _new_section(compact: bool, room: float):
        """Large print starts each section on a page of its own; standard print (``compact``) starts it on the
        same page when ``room`` is left there, for patients who prefer fewer pages."""
        return CondPageBreak(room) if compact else PageBreak()

    def _effort_drawing(self, h: Handout):
        """The scale as a row of numbers with the target outlined; the table under it says the words."""
        def span(band: str) -> tuple[int, int] | None:
            levels = [int(level.rpe) for level in h.effort_scale if level.band == band]
            return (min(levels), max(levels)) if levels else None

        return effort_scale_drawing(self._width, span("moderate"), span("light"), rtl=self._rtl)

    def _table(self, rows: list, widths: list[float], *, header: bool = True, grid: bool = True,
               repeat_header: bool = False, row_height: float | None = None) -> Table:
        """A right-to-left handout's tables read from the right: their columns are mirrored."""
        if self._rtl:
            rows, widths = [list(reversed(row)) for row in rows], list(reversed(widths))
        heights = None if row_height is None else [None] + [row_height] * (len(rows) - 1)
        table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1 if repeat_header else 0,
                      hAlign="RIGHT" if self._rtl else "LEFT")
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                 ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                 ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
        if grid:
            style.append(("GRID", (0, 0), (-1, -1), 0.75, GRID))
        if header and grid:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
        table.setStyle(TableStyle(style))
        return table

    # -- clinician pages ----------------------------------------------------------------------------

    def _clinician_pages(self, c: ClinicianSummary) -> list:
        from core.handout.clinician_pages import clinician_pages

        return clinician_pages(self, c)
