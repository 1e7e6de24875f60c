"""The progress report's three charts, drawn as vectors with plain reportlab shapes (no images):
planned against walked minutes week by week, pain per walk against the usual pain and the plan's pain
bands, and effort per walk. Every series differs in shape or dash as well as colour, so the charts
still read when printed in black and white. Only figures from ``Progress`` are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect
from reportlab.lib import colors

from core.handout.chart import AXIS_COLOUR
from core.handout.fonts import REGULAR
from core.handout.renderer import TRAFFIC
from core.handout.walk_date_axis import TEXT_SIZE, WalkDateAxis, chart_text, day_spans, text_width
from core.plan.course_rows import time_of
from core.plan.progress import SessionPoint, WeekProgress

AGAIN_SIZE = 9  # "again", "3rd time" under a week's number on the minutes chart
TITLE_SIZE = 12
GRID_COLOUR = colors.HexColor("#C8C8C8")
AHEAD_FILL = colors.HexColor("#EFEFEF")
BAND_EDGE = colors.HexColor("#6E6E6E")
PLANNED_FILL = colors.HexColor("#D3E3F0")
WALKED_FILL = colors.HexColor("#1F4E79")
DURING_COLOUR = colors.HexColor("#A93226")
MORNING_COLOUR = colors.HexColor("#1F4E79")
EFFORT_COLOUR = colors.HexColor("#333333")
TARGET_FILL = colors.HexColor("#D5E6DA")  # the window's effort target green, lightened for print
TARGET_EDGE = colors.HexColor("#1F5C3A")
DASHED = [5, 3]
DASH_DOT = [7, 3, 1.5, 3]

# Space around the plot area, in points.
LEFT, BOTTOM, TOP_TITLE, LEGEND_ROW = 58, 46, 20, 19


def _step(top: float, ticks: int = 6) -> float:
    """A round step for an axis from 0 to ``top`` with at most ``ticks`` steps."""
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 90, 120, 180, 240, 300, 600):
        if top / step <= ticks:
            return step
    return math.ceil(top / ticks)


# -- legend markers: the same drawing in the legend and on the plot -----------------------------------

def _circle(x: float, y: float, colour) -> Circle:
    return Circle(x, y, 3.3, fillColor=colour, strokeColor=colour, strokeWidth=0.5)


def _open_square(x: float, y: float, colour) -> Rect:
    return Rect(x - 4, y - 4, 8, 8, fillColor=colors.white, strokeColor=colour, strokeWidth=1.4)


def _diamond(x: float, y: float, colour) -> Polygon:
    return Polygon([x, y + 4.5, x + 4.5, y, x, y - 4.5, x - 4.5, y], fillColor=colour, strokeColor=colour,
                   strokeWidth=0.5)


def _line_sample(colour, dash: list[float] | None, marker: Callable | None, width: float = 1.6) -> Callable:
    def draw(group: Group, x: float, y: float) -> None:
        group.add(Line(x, y, x + 26, y, strokeColor=colour, strokeWidth=width, strokeDashArray=dash))
        if marker is not None:
            group.add(marker(x + 13, y, colour))
    return draw


def _box_sample(fill, edge) -> Callable:
    def draw(group: Group, x: float, y: float) -> None:
        group.add(Rect(x + 5, y - 5, 16, 10, fillColor=fill, strokeColor=edge, strokeWidth=0.9))
    return draw


def _legend(drawing: Drawing, entries: list[tuple[Callable, str]], top: float) -> float:
    """Draw the legend in rows under the title; returns the y below it."""
    x, y = LEFT, top - 12
    for draw, label in entries:
        needed = 32 + text_width(label) + 18
        if x > LEFT and x + needed > drawing.width:
            x, y = LEFT, y - LEGEND_ROW
        draw(drawing, x, y + 4)
        drawing.add(chart_text(x + 32, y, label))
        x += needed
    return y - 12


def _axes(drawing: Drawing, left: float, bottom: float, width: float, height: float, *, low: float, high: float,
          step: float, title: str, labels: Callable[[float], str] = lambda v: f"{v:g}") -> Callable[[float], float]:
    """The y axis from ``low`` to ``high`` with light grid lines; returns value -> y."""

    def to_y(value: float) -> float:
        return bottom + height * (value - low) / (high - low)

    value = low
    while value <= high + 1e-9:
        y = to_y(value)
        drawing.add(Line(left, y, left + width, y, strokeColor=GRID_COLOUR, strokeWidth=0.5))
        drawing.add(Line(left - 4, y, left, y, strokeColor=AXIS_COLOUR))
        drawing.add(chart_text(left - 7, y - 4, labels(value), anchor="end"))
        value += step
    drawing.add(Line(left, bottom, left, bottom + height, strokeColor=AXIS_COLOUR))
    drawing.add(Line(left, bottom, left + width, bottom, strokeColor=AXIS_COLOUR))
    rotated = Group(chart_text(0, 0, title, bold=True, anchor="middle"))
    rotated.transform = (0, 1, -1, 0, 14, bottom + height / 2)  # a quarter turn, reading upwards
    drawing.add(rotated)
    return to_y


def _spread(labels: list[tuple[float, str]], gap: float, low: float, high: float) -> list[tuple[float, str]]:
    """Labels at their y, moved apart just enough not to overlap, kept between ``low`` and ``high``."""
    placed: list[tuple[float, str]] = []
    for y, text in sorted(labels):
        y = max(y, low)
        if placed and y - placed[-1][0] < gap:
            y = placed[-1][0] + gap
        placed.append((y, text))
    overflow = placed[-1][0] - high if placed else 0
    return [(y - max(overflow, 0), text) for y, text in placed]


# -- (a) planned against walked minutes ----------------------------------------------------------------

def minutes_chart(weeks: list[WeekProgress], current_week: int | None, width: float, height: float = 250) -> Drawing:
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=TEXT_SIZE)
    drawing.add(chart_text(0, height - 14, "Planned and walked minutes, week by week", bold=True, size=TITLE_SIZE))
    top = _legend(drawing, [(_box_sample(PLANNED_FILL, WALKED_FILL), "Planned minutes"),
                            (_box_sample(WALKED_FILL, WALKED_FILL), "Walked minutes")], height - TOP_TITLE) - 16
    plot_width, plot_height = width - LEFT - 8, top - BOTTOM
    highest = max([w.planned_minutes for w in weeks] + [w.walked_minutes for w in weeks] + [1])
    step = _step(highest)
    axis_max = math.ceil(highest / step) * step
    to_y = _axes(drawing, LEFT, BOTTOM, plot_width, plot_height, low=0, high=axis_max, step=step,
                 title="Minutes a week")
    slot = plot_width / max(len(weeks), 1)
    versions = _version_starts(weeks)
    taken = LEFT  # the row above the plot, left to right: each version's name where its weeks start, as it fits
    for (index, version), (end, _) in zip(versions, versions[1:] + [(len(weeks), 0)]) if len(versions) > 1 else ():
        x = LEFT + slot * index
        if index:
            drawing.add(Line(x, BOTTOM, x, top + 14, strokeColor=AXIS_COLOUR, strokeDashArray=DASHED))
        room = LEFT + slot * end - x - 6
        label = next((text for text in (f"plan version {version}", f"version {version}", f"v{version}")
                      if text_width(text) <= room), "")
        if label:
            drawing.add(chart_text(x + 3, top + 3, label, colour=AXIS_COLOUR))
            taken = x + 3 + text_width(label) + 8
    ahead = [i for i, w in enumerate(weeks) if w.status == "ahead"]
    if ahead:
        start = LEFT + slot * ahead[0]
        drawing.insert(0, Rect(start, BOTTOM + 0.5, LEFT + plot_width - start, plot_height - 0.5,
                               fillColor=AHEAD_FILL, strokeColor=None))  # behind the grid lines
        label = "not yet walked" if current_week is not None else "no walks logged yet"
        if text_width(label) + 8 <= LEFT + plot_width - max(start, taken):
            drawing.add(chart_text(LEFT + plot_width - 4, top + 3, label, anchor="end", colour=AXIS_COLOUR))
    label_every = max(1, math.ceil((text_width("26") + 6) / slot))
    for index, week in enumerate(weeks):
        x = LEFT + slot * index
        bar = slot * 0.36
        drawing.add(Rect(x + slot * 0.12, BOTTOM, bar, to_y(week.planned_minutes) - BOTTOM, fillColor=PLANNED_FILL,
                         strokeColor=WALKED_FILL, strokeWidth=0.8))
        if index not in ahead and week.walked_minutes > 0:
            drawing.add(Rect(x + slot * 0.52, BOTTOM, bar, to_y(week.walked_minutes) - BOTTOM, fillColor=WALKED_FILL,
                             strokeColor=WALKED_FILL, strokeWidth=0.8))
        if index % label_every == 0:
            drawing.add(chart_text(x + slot / 2, BOTTOM - 16, str(week.week), anchor="middle"))
            # a week walked again, under its number (seen in review: "1 1 2 2", nothing to say which is which; then
            # "again" under a week's third time): "3rd" where "3rd time" has no room
            if again := next((words for words in (time_of(week.attempt), time_of(week.attempt).split(" ")[0])
                              if text_width(words, size=AGAIN_SIZE) <= slot * label_every), ""):
                drawing.add(chart_text(x + slot / 2, BOTTOM - 27, again, anchor="middle", size=AGAIN_SIZE))
    drawing.add(chart_text(LEFT + plot_width / 2, 2, "Week of the plan", bold=True, anchor="middle"))
    return drawing


def _version_starts(weeks: list[WeekProgress]) -> list[tuple[int, int]]:
    """(index, plan version) of each row where a version's weeks begin: the week numbers start again after a
    version based again on what the patient walks now, and the chart says whose weeks they are."""
    return [(index, week.plan_version) for index, week in enumerate(weeks)
            if index == 0 or week.plan_version != weeks[index - 1].plan_version]


# -- (b) pain and (c) effort per walk ------------------------------------------------------------------

def _series(drawing: Drawing, axis: WalkDateAxis, to_y: Callable[[float], float], values: list[int | None], colour,
            dash: list[float] | None, marker: Callable) -> None:
    """A line through the recorded values, broken where a value is not recorded or across a break in walking
    (SessionPoint.after_break; seen in review: 27 days drawn as one segment, as if walked through), a marker on
    each."""
    runs: list[list[float]] = [[]]
    for x, value, session in zip(axis.walk_xs, values, axis.sessions):
        if session.after_break and runs[-1]:
            runs.append([])
        if value is None:
            runs.append([])
        else:
            runs[-1] += [x, to_y(value)]
    for points in runs:
        if len(points) >= 4:
            drawing.add(PolyLine(points, strokeColor=colour, strokeWidth=1.6, strokeDashArray=dash))
    for x, value in zip(axis.walk_xs, values):
        if value is not None:
            drawing.add(marker(x, to_y(value), colour))


def pain_chart(sessions: list[SessionPoint], *, width: float, height: float = 300) -> Drawing:
    """Pain during and the next morning, per walk; each walk against its own plan version's usual pain (a line)
    and pain bands (seen in review: walks under version 1 were drawn against version 2's bands, so a pain that was
    "too much" then read as acceptable); the bands' names are the latest walk's."""
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=TEXT_SIZE)
    drawing.add(chart_text(0, height - 14, "Pain per walk, 0-10", bold=True, size=TITLE_SIZE))
    entries = [(_line_sample(DURING_COLOUR, None, _circle), "Pain during the walk"),
               (_line_sample(MORNING_COLOUR, DASHED, _open_square), "Pain the next morning (above usual: step back)")]
    usuals = {s.usual_pain for s in sessions} - {None}
    if usuals:
        entries.append((_line_sample(colors.black, DASH_DOT, None, width=1.3),
                        f"Usual pain ({usuals.pop()}/10)" if len(usuals) == 1 else "Usual pain (each plan version's)"))
    top = _legend(drawing, entries, height - TOP_TITLE) - 16  # room for the week numbers
    latest = sessions[-1]
    named = _pain_bands(latest.safe_max, latest.acceptable_max)
    right = max((text_width(label) for _, _, _, label in named), default=0) + 14
    plot_width, plot_height = width - LEFT - right, top - BOTTOM
    axis = WalkDateAxis(sessions, LEFT, plot_width)
    to_y = _axes(drawing, LEFT, BOTTOM, plot_width, plot_height, low=0, high=10, step=1, title="Pain (0-10)",
                 labels=lambda v: f"{v:g}" if v % 2 == 0 else "")
    rules = day_spans(axis, LEFT, LEFT + plot_width, lambda s: (s.usual_pain, s.safe_max, s.acceptable_max))
    for start, end, (usual, safe_max, acceptable_max) in rules:
        for low, high, fill, _ in _pain_bands(safe_max, acceptable_max):
            drawing.insert(0, Rect(start, to_y(low), end - start, to_y(high) - to_y(low), fillColor=fill,
                                   strokeColor=None))
            if low > 0:  # the tints look alike in grey print: a rule marks where a band starts
                drawing.add(Line(start, to_y(low), end, to_y(low), strokeColor=BAND_EDGE, strokeWidth=0.8))
        if usual is not None:
            drawing.add(Line(start, to_y(usual), end, to_y(usual), strokeColor=colors.black, strokeWidth=1.3,
                             strokeDashArray=DASH_DOT))
    labels = [(to_y((low + high) / 2) - 4, label) for low, high, _, label in named]
    for y, label in _spread(labels, TEXT_SIZE + 3, BOTTOM, top - TEXT_SIZE):
        drawing.add(chart_text(LEFT + plot_width + 6, y, label))
    axis.draw(drawing, BOTTOM, top)
    # the next morning first: where both are equal the walk's dot shows inside the morning's open square
    _series(drawing, axis, to_y, [s.pain_next_morning for s in sessions], MORNING_COLOUR, DASHED, _open_square)
    _series(drawing, axis, to_y, [s.pain_during for s in sessions], DURING_COLOUR, None, _circle)
    drawing.add(chart_text(LEFT + plot_width / 2, 4, axis.title(), bold=True, anchor="middle"))
    return drawing


def pain_band_names(safe_max: int | None, acceptable_max: int | None) -> list[str]:
    """The bands as the chart names them: "safe 0-3", "acceptable 4-5", "too much 6-10"."""
    return [label for _, _, _, label in _pain_bands(safe_max, acceptable_max)]


def _pain_bands(safe_max: int | None, acceptable_max: int | None) -> list[tuple[float, float, object, str]]:
    """The plan's pain bands on a 0-10 scale (a band holds whole ratings, so it ends half a point above)."""
    if safe_max is None or acceptable_max is None:
        return []
    bands = [(0.0, min(safe_max + 0.5, 10), TRAFFIC["green"], f"safe 0-{safe_max}")]
    if acceptable_max > safe_max:
        span = f"{safe_max + 1}-{acceptable_max}" if acceptable_max > safe_max + 1 else f"{acceptable_max}"
        bands.append((safe_max + 0.5, min(acceptable_max + 0.5, 10), TRAFFIC["amber"], f"acceptable {span}"))
    if acceptable_max < 10:
        bands.append((acceptable_max + 0.5, 10.0, TRAFFIC["red"], f"too much {acceptable_max + 1}-10"
                      if acceptable_max < 9 else "too much 10"))
    return bands


def effort_chart(sessions: list[SessionPoint], width: float, height: float = 230) -> Drawing:
    """Effort (Borg RPE 6-20) per walk, against its own week's target as a band, as the window shows it (a light
    week's 9-11, a moderate week's 12-13: seen in review, the report showed the walks with no target at all)."""
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=TEXT_SIZE)
    drawing.add(chart_text(0, height - 14, "Effort per walk, Borg RPE 6-20", bold=True, size=TITLE_SIZE))
    entries = [(_line_sample(EFFORT_COLOUR, None, _diamond), "Effort of the walk (RPE)")]
    if any(s.target_rpe for s in sessions):
        entries.append((_box_sample(TARGET_FILL, TARGET_EDGE), "The week's target effort"))
    top = _legend(drawing, entries, height - TOP_TITLE) - 16
    plot_width, plot_height = width - LEFT - 8, top - BOTTOM
    axis = WalkDateAxis(sessions, LEFT, plot_width)
    to_y = _axes(drawing, LEFT, BOTTOM, plot_width, plot_height, low=6, high=20, step=2, title="RPE (6-20)")
    for low, high, (least, most) in day_spans(axis, LEFT, LEFT + plot_width, lambda s: s.target_rpe):
        # a band holds whole ratings: it reaches half a point beyond each end; ruled above and below for grey print
        bottom, top_edge = to_y(least - 0.5), to_y(most + 0.5)
        drawing.insert(0, Rect(low, bottom, high - low, top_edge - bottom, fillColor=TARGET_FILL, strokeColor=None))
        for y in (bottom, top_edge):
            drawing.add(Line(low, y, high, y, strokeColor=TARGET_EDGE, strokeWidth=0.8))
    axis.draw(drawing, BOTTOM, top)
    _series(drawing, axis, to_y, [s.rpe for s in sessions], EFFORT_COLOUR, None, _diamond)
    drawing.add(chart_text(LEFT + plot_width / 2, 4, axis.title(), bold=True, anchor="middle"))
    return drawing
