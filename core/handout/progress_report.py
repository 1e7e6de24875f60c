"""The progress report: a patient's course of care for the referring physician or the patient's file.

What the plan versions were and why they changed, what was walked week by week against what was
planned, pain and effort per walk (charts drawn as vectors), the suggestion for the coming week and
the clinician's note. Every figure comes from ``core.plan.progress.Progress``; a value that was not
recorded is printed as "not recorded" (or "—" when there was no walk to record it for), never as 0.

Same conventions as the handout (renderer.py): embedded DejaVu fonts, "Page X of Y" footers,
byte-identical output for the same input. Text the clinician can change (the patient's name, the note,
the clinic details in Settings) is refused with a HandoutError when the fonts cannot print it; text the
records hold from earlier plan versions is printed with a visible mark instead, so history never
stops a report.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from io import BytesIO
from typing import Literal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Frame, Image, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from core.app_info import APP_NAME
from core.evidence.library import etiology_name
from core.handout.export import HandoutError
from core.handout.fonts import REGULAR, REPLACEMENT, missing_characters, printable, register_fonts, shown_characters
from core.records.authors import author
from core.handout.logo import LogoError, check_logo
from core.handout.pain_captions import band_captions, break_captions
from core.handout.progress_charts import effort_chart, minutes_chart, pain_chart
from core.handout.walk_date_axis import date_label
from core.handout.script_text import paragraph
from core.handout.fitting import fitted_footer, fitted_widths, least_width
from core.handout.drawings import GRID, HEADER_FILL
from core.handout.renderer import MARGIN, NumberedCanvas
from core.handout.styles import paragraph_style
from core.plan.adjustment import ACTION_WORDS
from core.plan.adherence import adherence_statements, week_called, week_runs, weeks_span
from core.plan.progress import Progress, WeekProgress
from core.plan.session_log import NOT_RECORDED, NOT_YET, morning_to_come
from core.settings import Settings

TITLE = "Progress report"
NO_WALK = "—"


def render_progress_report(progress: Progress, *, settings: Settings, note: str, date: dt.date,
                           paper: Literal["a4", "letter"] | None = None) -> bytes:
    """The report as PDF bytes; HandoutError (one plain sentence) when it cannot be made."""
    _check_printable(progress, settings, note)
    if settings.logo_path:
        try:
            check_logo(settings.logo_path)
        except LogoError as error:
            raise HandoutError(f"The progress report was not made: the clinic logo cannot be printed: {error}.") \
                from error
    try:
        return _Report(progress, settings, note, date, paper or settings.paper_size).render()
    except LayoutError as error:
        raise HandoutError("The progress report was not made: a part of it is too large to fit on a page. "
                           "Shorten the note.") from error
    except OSError as error:
        raise HandoutError(f"The progress report was not made: the logo image could not be read ({error}).") \
            from error


def _check_printable(progress: Progress, settings: Settings, note: str) -> None:
    places = [("the patient's name", [progress.patient_name]), ("the note", [note]),
              ("the clinic details in Settings",
               [settings.clinic_name, settings.clinician_name, settings.contact_phone])]
    for where, texts in places:
        missing = missing_characters(texts)
        if missing:
            shown = shown_characters(missing[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            raise HandoutError(f"The progress report was not made: its fonts cannot print {shown}{more} in {where}. "
                               "Write it with other characters, or leave it out.")


def _number(value: float) -> str:
    """A figure as the clinic writes it: 24, 25.5 (one decimal at most)."""
    return f"{round(value, 1):g}"


class _Report:
    def __init__(self, progress: Progress, settings: Settings, note: str, date: dt.date,
                 paper: Literal["a4", "letter"]) -> None:
        register_fonts()
        self.progress, self.settings, self.note, self.date = progress, settings, note, date
        self.page_size = A4 if paper == "a4" else LETTER
        self.width = self.page_size[0] - 2 * MARGIN
        self.title = paragraph_style("report-title", 22, bold=True, space_after=6, leading=1.25)
        self.clinic = paragraph_style("report-clinic", 14, bold=True, space_after=2, leading=1.3)
        # Headings are kept with what follows by CondPageBreak: keepWithNext would push a long table whole.
        self.heading = paragraph_style("report-heading", 16, bold=True, space_after=6, leading=1.3)
        self.body = paragraph_style("report-body", 11.5, space_after=5, leading=1.4)
        self.cell = paragraph_style("report-cell", 11, space_after=0, leading=1.3)
        self.cell_bold = paragraph_style("report-cell-bold", 11, bold=True, space_after=0, leading=1.3)
        for style in (self.title, self.clinic, self.heading, self.body, self.cell, self.cell_bold):
            style.leftIndent = 0
        # the weeks that have walks or lie between walks; later weeks are still ahead
        self.covered = [w for w in progress.weeks if w.status != "ahead"]
        self.ahead = [w for w in progress.weeks if w.status == "ahead"]

    def _p(self, text: str, style: ParagraphStyle | None = None):
        """``text`` in any script (a name may be in any): core/handout/script_text.py."""
        return paragraph(text, style or self.body)

    def render(self) -> bytes:
        p, s = self.progress, self.settings
        buffer = BytesIO()
        document = BaseDocTemplate(
            buffer, pagesize=self.page_size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN, title=TITLE, author=s.clinician_name or s.clinic_name or APP_NAME,
            subject=f"Progress report for {p.patient_name}", creator=APP_NAME, lang="en", invariant=1,
            initialFontName=REGULAR, initialFontSize=12,
        )
        frame = Frame(MARGIN, MARGIN, self.width, self.page_size[1] - 2 * MARGIN, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        story = (self._header() + self._versions() + self._walked() + self._charts() + self._walk_notes()
                 + self._suggestion() + self._note())
        footer = self._footer()
        document.build(story, canvasmaker=lambda *a, **k: NumberedCanvas(*a, footer=footer, issued=self.date, **k))
        return buffer.getvalue()

    def _footer(self) -> str:
        """'Progress report for NAME, DATE'; where that would run into 'Page X of Y' (the canvas draws both
        at 12 pt), 'NAME, DATE', and the name shortened only if even that is too long. The name keeps its own direction
        (seen in review: an Arabic name's footer read "Progress report for 2026-12-03 ,فاطمة حداد")."""
        room = self.width - stringWidth("Page 99 of 99", REGULAR, 12) - 12
        name, date = self.progress.patient_name, self.date.isoformat()
        return fitted_footer("Progress report for {name}, {date}", name, date, room)

    # -- 1. who, what, when -----------------------------------------------------------------------------

    def _header(self) -> list:
        p, s = self.progress, self.settings
        story: list = []
        if s.logo_path:
            story += [Image(s.logo_path, width=4 * cm, height=2 * cm, kind="proportional", hAlign="LEFT"),
                      Spacer(1, 6)]
        if s.clinic_name:
            story.append(self._p(s.clinic_name, self.clinic))
        story.append(self._p(TITLE, self.title))
        facts = [("Patient", p.patient_name), ("Diagnosis", printable(etiology_name(p.etiology)))]
        if s.clinician_name:
            facts.append(("Clinician", s.clinician_name))
        if s.contact_phone:
            facts.append(("Clinic phone", s.contact_phone))
        facts.append(("Report date", self.date.isoformat()))
        latest = p.versions[-1] if p.versions else None
        if latest is not None:
            facts.append(("Plan versions", f"{len(p.versions)} (the latest, version {latest.version}, saved "
                                           f"{latest.saved_on.isoformat()})" if len(p.versions) > 1
                          else f"1 (saved {latest.saved_on.isoformat()}" + (  # seen by a clinic's tester: back-dated?
                              f", after this report's date: the walks to {self.date.isoformat()} were typed in from the "
                              "patient's diary" if latest.saved_on > self.date else "") + ")"))
        facts.append(("Weeks covered", self._weeks_covered()))
        if p.usual_pain is not None:
            facts.append(("Usual pain", f"{p.usual_pain}/10 (the latest plan version's pain rules)"))
        if p.in_force:
            facts.append(("Plan in force", printable(p.in_force)))
        rows = [[self._p(label, self.cell_bold), self._p(value, self.cell)] for label, value in facts]
        table = Table(rows, colWidths=[3.6 * cm, self.width - 3.6 * cm], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        return story + [table, Spacer(1, 10)]

    def _weeks_covered(self) -> str:
        p = self.progress
        newest = p.versions[-1].version if p.versions else None
        in_force = (f"plan version {newest}, the plan in force, is blocked by screening" if not p.plan_weeks
                    else f"plan version {newest}, the plan in force, has {p.plan_weeks} weeks")
        if not p.sessions or p.current_week is None:
            return f"none yet: no walks are logged ({in_force})"
        walks = len(p.sessions)
        first, last = p.sessions[0].date.isoformat(), p.sessions[-1].date.isoformat()
        runs = week_runs(self.covered)  # seen in review: "weeks 1 to 8 of 6", "weeks 1 to 6 of 6" (blocked)
        one_plan = len(runs) == 1 and p.plan_weeks and runs[0][2] <= p.plan_weeks
        span = weeks_span(self.covered) + (f" of {p.plan_weeks}" if one_plan else f" ({in_force})")
        return (f"{span}; {walks} walk{'s' if walks != 1 else ''} logged"
                + (f" on {first}" if first == last else f" from {first} to {last}"))

    # -- 2. plan versions -------------------------------------------------------------------------------

    def _versions(self) -> list:
        story: list = [CondPageBreak(4 * cm), self._p("Plan versions and what changed", self.heading)]
        headings = ("Version", "Saved on", "By", "What changed")
        rows = [[self._p(text, self.cell_bold) for text in headings]]
        group_ends, firsts = [], []  # the rows' ends, and each version's first three cells
        for version in self.progress.versions:  # the clinician's reason first, then what changed
            shown = (str(version.version), version.saved_on.isoformat(), printable(author(version.saved_by)))
            firsts.append(shown)
            for index, change in enumerate(([f"Reason: {version.reason}"] if version.reason else [])
                                           + version.changes or [""]):
                rows.append([self._p(text if index == 0 else "", self.cell) for text in shown]
                            + [self._p(printable(change), self.cell)])
            group_ends.append(len(rows) - 1)
        # each column as wide as its longest word, a name's too (seen in review: "Dr Maximiliana P / apadopoulou-Va")
        columns = [" ".join(texts) for texts in zip(*firsts)] if firsts else ["", "", ""]
        table = self._table(rows, fitted_widths(
            [2.0, 2.7, 3.6, self.width / cm - 8.3], [*columns, ""], self.width, 11, bold=False, padding=6,
            headings=[least_width(heading, 11, padding=6) for heading in headings]), header_rows=1)
        # one row per change, so a long list of changes can continue on the next page; a rule under each version
        table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.75, GRID), ("INNERGRID", (0, 0), (-1, 0), 0.75, GRID),
                                   ("LINEAFTER", (0, 0), (-2, -1), 0.75, GRID)]
                                  + [("LINEBELOW", (0, row), (-1, row), 0.75, GRID) for row in group_ends]))
        return story + [table, Spacer(1, 12)]

    # -- 3. what was walked -----------------------------------------------------------------------------

    def _walked(self) -> list:
        p = self.progress
        story: list = [CondPageBreak(6 * cm), self._p("What was walked, week by week", self.heading)]
        if not self.covered:
            return story + [self._p("No walks are logged yet; the planned minutes of every week are in the first "
                                    "chart." if p.plan_weeks else "No walks are logged yet."), Spacer(1, 8)]
        story += [self._week_table(), Spacer(1, 6)]
        story += [self._p(f"{sentence}.", self._bold_body()) for sentence in adherence_statements(p)]
        stiff = [week for week in self.covered if week.stiffer_mornings]
        if stiff:  # the pain rules step back after a stiffer morning too (Silbernagel 2007: pain or stiffness)
            listed = "; ".join(f"week {week_called(week, p.weeks)}, after {week.stiffer_mornings} of "
                               f"{week.walked_sessions} walk{'' if week.walked_sessions == 1 else 's'}"
                               for week in stiff)
            story.append(self._p(f"Mornings stiffer than usual: {listed}.", self._bold_body()))
        if beating := [week for week in self.covered if week.heart_rate_shown]:  # seen in review: logged, never shown
            listed = "; ".join(f"week {week_called(week, p.weeks)}, {week.heart_rate_shown}"
                               + (", above it" if week.heart_rate_above_target else "") for week in beating)
            targets = ", with the week's target range" if any(week.target_hr for week in beating) else ""
            story.append(self._p(f"Highest heart rate logged (beats a minute{targets}): {listed}."))
        explained = [
            "Minutes are minutes of the main walk; warm-up and cool-down are not counted. Adherence is walked "
            "minutes over planned minutes, each week counted up to its planned minutes; a week not yet complete "
            "(\"so far\") counts once it is, or a week after its last walk, and a repeated week (\"again\") "
            "counts with its own planned minutes. Effort is the mean Borg RPE (6-20) of the week's walks; pain is "
            "the highest rating of the week (0-10).",
            f"“{NOT_RECORDED}”: walks were logged without that rating; 4 over “1 {NOT_RECORDED}”: 4 is "
            f"the highest of the walks rated, and 1 walk has no rating; “{NOT_YET}”: the walk was on the report's day, "
            f"and its next morning is still to come (5 over “1 {NOT_YET}”: 5 is the highest so far, and "
            f"1 walk's next morning is still to come). “{NO_WALK}”: no walk that week.",
        ]
        if self.ahead:
            first, last = self.ahead[0], self.ahead[-1]  # the first may be a week walked again: "Weeks 2 (again) to 12"
            one = first is last
            span = f"Week {first.label}" if one else f"Weeks {first.label} to {last.label}"
            if len(week_runs(self.progress.weeks)) > 1:
                span += f" of plan version {first.plan_version}"
            span += " is" if one else " are"
            explained.append(f"{span} still ahead; their planned minutes are in the first chart.")
        story += [self._p(text) for text in explained]
        return story + [Spacer(1, 8)]

    def _bold_body(self) -> ParagraphStyle:
        return ParagraphStyle("report-bold-body", parent=self.body, fontName=self.cell_bold.fontName)

    def _week_table(self) -> Table:
        cell, bold = self.cell, self.cell_bold
        header = [[self._p(t, bold) for t in ("Week (first walk)", "Plan version", "Planned", "", "Walked", "",
                                              "Adherence", "Mean RPE", "Highest pain", "")],
                  [self._p(t, cell) for t in ("", "", "walks", "minutes", "walks", "minutes", "", "",
                                              "during", "next morning")]]
        rows = header + [self._week_row(week) for week in self.covered]
        widths = [47, 52, 37, 51, 38, 51, 73, 42, 56, 56]  # points: each header word, and "(again)", fits on a line
        scale = self.width / sum(widths)
        table = self._table(rows, [w * scale for w in widths], header_rows=2)
        table.setStyle(TableStyle([
            ("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (5, 0)), ("SPAN", (8, 0), (9, 0)),
            ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (6, 0), (6, 1)), ("SPAN", (7, 0), (7, 1)),
            ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
        ]))
        return table

    def _week_row(self, week: WeekProgress) -> list:
        walks = week.walked_sessions
        first = "" if week.walked_from is None else f"\n{date_label(week.walked_from)}"
        values = [week.label + first, str(week.plan_version), week.planned_walks, _number(week.planned_minutes),
                  str(walks), _number(week.walked_minutes),
                  NO_WALK if week.adherence_pct is None else f"{_number(week.adherence_pct)}%"
                  + (" so far" if week.status == "in progress" else ""),
                  NO_WALK if week.mean_rpe is None else _number(week.mean_rpe),
                  *((shown or NO_WALK).replace("; ", "\n") for shown in (week.pain_during_shown,  # a part a line:
                                                                         week.pain_next_morning_shown))]  # "recorded;"
        return [self._p(value, self.cell) for value in values]  # split in its column at 11 pt (seen by a helper)

    def _table(self, rows: list, widths: list[float], *, header_rows: int) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                 ("TOPPADDING", (0, 0), (-1, -1), 3),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL)]
        if header_rows == 2:
            style.append(("GRID", (0, 0), (-1, -1), 0.75, GRID))
        table.setStyle(TableStyle(style))
        return table

    # -- 4. charts --------------------------------------------------------------------------------------

    def _charts(self) -> list:
        p = self.progress
        story: list = [self._p("Charts", self.heading)]
        if p.weeks:
            story = [KeepTogether(story + [minutes_chart(p.weeks, p.current_week, self.width)]), Spacer(1, 14)]
        if not p.sessions:
            return story + [self._p("No walks are logged yet, so there is no pain or effort to chart.")]
        said = band_captions(p.sessions) + self._not_recorded() + break_captions(p.breaks)
        pain = [pain_chart(p.sessions, width=self.width), Spacer(1, 6), *(self._p(text) for text in said)]
        story += [KeepTogether(pain), Spacer(1, 14), effort_chart(p.sessions, self.width), Spacer(1, 8)]
        return story

    def _not_recorded(self) -> list[str]:
        """Which walks have no point on the pain chart, by date; a walk on the report's day has no next morning yet, as
        its week's cell says (seen in review: listed as not recorded beside a cell of "not yet")."""
        lines = []
        for what, key in (("Pain during the walk", "pain_during"), ("Pain the next morning", "pain_next_morning")):
            days = list(dict.fromkeys(s.date for s in self.progress.sessions if getattr(s, key) is None))
            to_come = [day for day in days if key == "pain_next_morning" and morning_to_come(day, self.date)]
            missing = [day for day in days if day not in to_come]
            for said, listed in ((f"{NOT_RECORDED} (no point on the chart)", missing),
                                 (f"{NOT_YET} known (its morning is still to come)", to_come)):
                if listed:
                    lines.append(f"{what} {said}: {', '.join(day.isoformat() for day in listed)}.")
        return lines

    def _walk_notes(self) -> list:
        """The notes logged with the walks, by date (seen in review: "Left foot sore after walk; rested 2 days" was
        in the session log and nowhere in the report, for a patient with diabetic feet)."""
        noted = [point for point in self.progress.sessions if point.note.strip()]
        if not noted:
            return []
        notes = [printable(" ".join(point.note.split())) for point in noted]
        story: list = [CondPageBreak(4 * cm), self._p("Notes logged with the walks", self.heading)]
        story += [self._p(f"{point.date.isoformat()} (week {point.week}, plan version {point.plan_version}): {note}")
                  for point, note in zip(noted, notes)]
        if any(REPLACEMENT in note for note in notes):  # seen in review: a Khmer word and an emoji, lost unsaid
            story.append(self._p(f"{REPLACEMENT} stands for characters this report's fonts cannot print (another "
                                 "script, or an emoji): the whole note is in the patient's session log."))
        return story + [Spacer(1, 8)]

    # -- 5. suggestion, 6. note -------------------------------------------------------------------------

    def _suggestion(self) -> list:
        p = self.progress
        suggestion = p.suggestion
        if suggestion is None:
            return []
        story: list = [CondPageBreak(5 * cm), self._p("Suggestion for the next week", self.heading)]
        if p.judged_from is not None:  # seen in review: "week None (plan version None)" before any walk; "week 1"
            story.append(self._p(f"From the walks logged in {p.judged_from} (plan version {p.current_version}), "
                                 "under that version's pain and effort rules:"))  # for "1 (again)"
        action = ACTION_WORDS[suggestion.action]
        story.append(Paragraph(f"<b>{escape(action)}.</b> {escape(suggestion.reason)}", self.body))
        if suggestion.next_week is not None:
            w = suggestion.next_week
            story.append(self._p(f"The week it points to: week {w.week} of the plan, {w.sessions} walk"
                                 f"{'s' if w.sessions != 1 else ''} of {_number(w.main_min)} minutes "
                                 f"({_number(w.weekly_main_min)} minutes in the week)."))
        story += [self._p(f"Caveat: {suggestion.caveat}")] if suggestion.caveat else []
        story += [self._p(f"Source: {suggestion.source.cited()}")] if suggestion.source else []
        return story + [Spacer(1, 8)]

    def _note(self) -> list:
        if not self.note.strip():
            return []
        story: list = [CondPageBreak(4 * cm), self._p("Clinician's note", self.heading)]
        text = self.note.replace("\r\n", "\n").replace("\r", "\n").strip()
        for block in text.split("\n\n"):
            if block.strip():
                story.append(self._p("\n".join(block.strip().splitlines())))
        return story

