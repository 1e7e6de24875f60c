"""The patient's week plan: a row a week, at the patient's print size. The warm-up and cool-down are the same every
week, so the introduction says them once instead of two columns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from core.handout.fitting import SLACK, fewest_lines, fitted_widths, least_width
from core.handout.line_breaks import line_broken, one_letter_words_kept_on
from core.handout.model import Handout
from core.handout.script_text import text_width
from core.handout.walking_log import COLUMN_HEADING_SIZE

if TYPE_CHECKING:
    from core.handout.renderer import HandoutRenderer

TIME_KEPT_ON = re.compile("\u00a0(?=\\d)")  # the no-break space before a part's time: "about\u00a01:05"


def week_table(r: HandoutRenderer, h: Handout) -> Table:
    names = [one_letter_words_kept_on(name) for name in h.labels.week_columns]
    columns = [(names[0], "week", 0.13), (names[1], "days", 0.11), (names[2], "walking", 0.19),
               (names[3], "effort", 0.19)]
    if h.uses_heart_rate:
        columns.append((names[4], "heart_rate", 0.17))
    columns.append((names[5], "speed", 0))
    shares = [share for _, _, share in columns[:-1]] + [1 - sum(share for _, _, share in columns[:-1])]
    cells = [[getattr(week, key) or "" for _, key, _ in columns] for week in h.weeks]
    texts = [" ".join(row[i] for row in cells) for i in range(len(columns))]
    size = r.cell_bold.fontSize  # every word of a column fits its width: the heading's and the weeks'
    least = min(size, COLUMN_HEADING_SIZE)  # the least a patient's words are printed at

    def fits(at: float) -> bool:  # every word of the headings at ``at``, and of the weeks, whole in its column
        return sum(max(least_width(title, at), least_width(text, size))
                   for (title, _, _), text in zip(columns, texts)) <= r._width

    if not fits(least):  # a part's time may then begin a line (after "about" or "×"), rather than words break anywhere
        cells = [[TIME_KEPT_ON.sub(" ", cell) if key == "walking" else cell  # (seen in review, Spanish: "aprox. 1:0"
                  for cell, (_, key, _) in zip(row, columns)] for row in cells]  # over "5)", and "Seman" over "a")
        texts = [" ".join(row[i] for row in cells) for i in range(len(columns))]
    # the headings at the body's size where every word of them and of the weeks fits its column, else at the least
    # (seen in review: large print in Portuguese broke "Pulsaçã" over "o" and "Velocidad" over "e", the words of six
    # columns wider than the page)
    heading_size = next((at for at in (size, least) if fits(at)), least)
    headings = [least_width(title, heading_size) for title, _, _ in columns]
    # and each cell's lines as written where the page has room, else a walk's time with its parts on one line
    # (seen in review: "5:30 (4 ×" over "about 1:30)" in English, the speed column half empty beside it), else the
    # others' (seen in review: in Vietnamese that walk on one line left "1,5 / km/h / không / dốc" four lines a
    # week): whichever takes the fewest lines
    lines = [max((text_width(line, size, bold=True) for row in cells for line in row[i].split("\n")), default=0)
             + 8 + SLACK for i in range(len(columns))]
    walk = [key == "walking" for _, key, _ in columns]
    widths = fewest_lines([fitted_widths(shares, texts, r._width, size, wanted=wanted, headings=headings)
                           for wanted in (lines, [line if is_walk else 0 for line, is_walk in zip(lines, walk)],
                                          [0 if is_walk else line for line, is_walk in zip(lines, walk)])],
                          cells, size)
    heading = r.cell_bold if heading_size == size else ParagraphStyle(
        f"{r.cell_bold.name}-heading", parent=r.cell_bold, fontSize=heading_size, leading=heading_size * 1.3)
    rows = [[r._p(line_broken(title, width - 8, heading_size, bold=True), heading)
             for (title, _, _), width in zip(columns, widths)]]
    # in the handout's direction (by their first letter, Arabic cells read "(4 × 1:45) 7:00" and "6:30 (4 × …)")
    rows += [[r._p(cell, r.cell_bold if key == "week" else r.cell) for cell, (_, key, _) in zip(row, columns)]
             for row in cells]
    table = r._table(rows, widths, repeat_header=True)
    table.setStyle(TableStyle([("NOSPLIT", (0, -2), (-1, -1))]))  # the last week never alone on a page
    if h.start_week is not None:  # where the patient carries on, as the bold line above the table says (seen in
        row = h.start_week  # review: "Start at week 5" over ten rows alike); a row, under the heading row
        table.setStyle(TableStyle([("BOX", (0, row), (-1, row), 3, colors.black)]))
    return table
