"""The walking log's table: a line for every planned walk under its week's heading, with room to write by hand,
and two heading rows: when to fill each column in ("During the walk", "Next morning") over the columns."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from core.handout.drawings import GRID, HEADER_FILL, LIGHT_FILL
from core.handout.fitting import SLACK, fitted_widths
from core.handout.fonts import REGULAR
from core.handout.model import Handout
from core.handout.line_breaks import line_broken
from core.handout.script_text import text_width

# The height of a walking-log line, room to write by hand: 12 mm in large print, for bigger handwriting too;
# 10.6 mm in standard print, whose patients asked for fewer pages (a 12-week log takes a page less).
LOG_LINES = {"large": 34, "standard": 30}
COLUMN_HEADING_SIZE = 14  # the least for what a patient needs; groups and weeks are the body's size
HEADING_ROWS = 2
ROOM_TO_WRITE = 60  # points: a column's share of the width, unless its group's heading asks more
# the date's share: a day and a month are written in more strokes than a number of one or two digits (seen in review:
# a Date column of 16 mm beside a Speed column of 40 mm in standard print)
ROOM_FOR_A_DATE = 1.5 * ROOM_TO_WRITE


def walking_log_table(h: Handout, width: float, *, paragraph, week_style: ParagraphStyle, rtl: bool) -> Table:
    """``paragraph(text, style)`` makes a cell; ``week_style`` is the groups' and the weeks' headings' (bold, the
    body's size). Each column is wide enough for its longest word (fitted_widths); a group's heading spans its
    columns, on one line where the page has room (English, Vietnamese, Chinese; Spanish's "A la mañana
    siguiente" takes three). A right-to-left handout's columns are mirrored."""
    groups = h.labels.log_groups
    columns = h.labels.log_columns
    header = ParagraphStyle(f"{week_style.name}-log", parent=week_style, fontSize=COLUMN_HEADING_SIZE,
                            leading=COLUMN_HEADING_SIZE * 1.2)
    wanted = []  # the width for each group's heading on one line
    for group in groups:
        heading = text_width(group.heading, week_style.fontSize, bold=True) + 8 + SLACK if group.heading else 0
        wanted += [heading / len(group.columns)] * len(group.columns)
    wanted[0] = max(ROOM_FOR_A_DATE, wanted[0])  # the date's (the first column; mirrored after, in Arabic)
    shares = [max(ROOM_TO_WRITE, share) for share in wanted]  # where the page has no room, the groups wrap least
    # each column's heading on one line too, where all of them fit (Chinese: seen in review, "更僵" over "硬？" split
    # the word for "stiff"; in the other languages they do not all fit, and a heading breaks between its words)
    whole = [max(share, text_width(column, COLUMN_HEADING_SIZE, bold=True) + 8 + SLACK)
             for share, column in zip(wanted, columns)]
    widths = fitted_widths(shares, columns, width, COLUMN_HEADING_SIZE, wanted=whole if sum(whole) <= width else wanted)
    top, under, spans = [], [], []  # the two heading rows; (first column, last column, both rows?) of each cell
    for group in groups:
        first, last = len(under), len(under) + len(group.columns) - 1
        if group.heading:
            span = sum(widths[first:last + 1])
            cell = paragraph(line_broken(group.heading, span - 8, week_style.fontSize, bold=True), week_style)
            blank = [""] * (last - first)  # a span shows its left cell: the mirrored row's is the group's last
            top += [*blank, cell] if rtl else [cell, *blank]
            spans.append((first, last, False))
            under += [paragraph(line_broken(text, widths[column] - 8, COLUMN_HEADING_SIZE, bold=True), header)
                      for column, text in zip(range(first, last + 1), group.columns)]
        else:  # one column whose heading spans both rows
            top.append(paragraph(line_broken(group.columns[0], widths[first] - 8, COLUMN_HEADING_SIZE, bold=True),
                                 header))
            under.append("")
            spans.append((first, first, True))
    rows: list[list] = [top, under]
    weeks = []  # the rows of each week's heading and last line: a week is kept on one page
    for week in h.log_weeks:
        weeks.append((len(rows), len(rows) + week.walks))
        rows.append([paragraph(week.heading, week_style)] + [""] * (len(columns) - 1))
        rows += [[""] * len(columns) for _ in range(week.walks)]
    week_rows = [first for first, _ in weeks]
    line = LOG_LINES[h.print_size]
    heights = [None] * HEADING_ROWS + [None if row in week_rows else line for row in range(HEADING_ROWS, len(rows))]

    def at(column: int) -> int:  # where a column is drawn
        return len(columns) - 1 - column if rtl else column

    if rtl:  # a week's heading stays in the first cell: its span shows that cell, right-aligned
        rows = [row if index in week_rows else list(reversed(row)) for index, row in enumerate(rows)]
        widths = list(reversed(widths))
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=HEADING_ROWS,
                  hAlign="RIGHT" if rtl else "LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
             ("GRID", (0, 0), (-1, -1), 0.75, GRID),
             ("BACKGROUND", (0, 0), (-1, HEADING_ROWS - 1), HEADER_FILL), ("LEFTPADDING", (0, 0), (-1, -1), 4),
             ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    for first, last, both_rows in spans:
        left, right = sorted((at(first), at(last)))
        if both_rows or left != right:
            style.append(("SPAN", (left, 0), (right, 1 if both_rows else 0)))
    for row in week_rows:
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), LIGHT_FILL)]
    style += [("NOSPLIT", (0, first), (-1, last)) for first, last in weeks]
    table.setStyle(TableStyle(style))
    return table
