"""The bar chart of weekly walking minutes, drawn with plain shapes (reportlab's chart
package costs more to import than the whole chart takes to draw). Only numbers are drawn in it: its
title and axis name are paragraphs around it, in the patient's language and script."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from core.handout.fonts import REGULAR

BAR_COLOUR = colors.HexColor("#2E6F9E")
AXIS_COLOUR = colors.HexColor("#333333")
LABEL_SIZE = 16  # the numbers a patient reads off the chart: large print, as the text around it


def _axis_top(top: float) -> tuple[int, int]:
    """A round top for the minutes axis, and the step between its labels."""
    step = 10 if top <= 60 else 30
    return (int(top // step) + 1) * step, step


def weekly_minutes_chart(minutes: list[float], width: float, height: float = 230, *,
                         right_to_left: bool = False) -> Drawing:
    """Week 1 on the left, the minutes axis on the left; ``right_to_left`` mirrors both, as a right-to-left
    handout's tables are mirrored, so the chart reads from the same side as the week table."""
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    axis_room, far_pad, bottom, top_pad = 44, 8, 26, 10
    left = far_pad if right_to_left else axis_room
    plot_width, plot_height = width - axis_room - far_pad, height - bottom - top_pad
    axis_x = left + plot_width if right_to_left else left
    tick = 4 if right_to_left else -4
    axis_max, step = _axis_top(max(minutes, default=10))
    for value in range(0, axis_max + 1, step):
        y = bottom + plot_height * value / axis_max
        drawing.add(Line(axis_x, y, axis_x + tick, y, strokeColor=AXIS_COLOUR))
        drawing.add(String(axis_x + 2 * tick, y - LABEL_SIZE * 0.35, str(value), fontName=REGULAR, fontSize=LABEL_SIZE,
                           textAnchor="start" if right_to_left else "end"))
    slot = plot_width / max(len(minutes), 1)
    label_every = 1 if len(minutes) <= 16 else 2
    for index, value in enumerate(minutes):
        x = left + slot * (len(minutes) - 1 - index if right_to_left else index)
        bar_height = plot_height * value / axis_max
        drawing.add(Rect(x + slot * 0.15, bottom, slot * 0.7, bar_height, fillColor=BAR_COLOUR, strokeColor=None))
        if index % label_every == 0:
            drawing.add(String(x + slot / 2, bottom - LABEL_SIZE - 2, str(index + 1), fontName=REGULAR, fontSize=LABEL_SIZE,
                               textAnchor="middle"))
    drawing.add(Line(axis_x, bottom, axis_x, bottom + plot_height, strokeColor=AXIS_COLOUR))
    drawing.add(Line(left, bottom, left + plot_width, bottom, strokeColor=AXIS_COLOUR))
    return drawing
