"""The progress report's three charts, drawn as vectors with plain reportlab shapes (no images):
planned against walked minutes week by week, pain per walk against the usual pain and the plan's pain
bands, and effort per walk. Every series differs in shape or dash as well as colour, so the charts
still read when printed in black and white. Only figures from ``Progress`` are drawn.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.handout.chart import AXIS_COLOUR
from core.handout.fonts import BOLD, REGULAR
from core.handout.language import ENGLISH_MONTHS
from core.handout.renderer import TRAFFIC
from core.plan.course_rows import label_of, time_of
from core.plan.progress import SessionPoint, WeekProgress

TEXT_SIZE = 11
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
MONTHS = tuple(month[:3] for month in ENGLISH_MONTHS)  # "Jan" ... "Dec": not the locale's

# Space around the plot area, in points.
LEFT, BOTTOM, TOP_TITLE, LEGEND_ROW = 58, 46, 20, 19


def _text(x: float, y: float, text: str, *, bold: bool = False, anchor: str = "start", size: float = TEXT_SIZE,
          colour=colors.black) -> String:
    return String(x, y, text, fontName=BOLD if bold else REGULAR, fontSize=size, textAnchor=anchor, fillColor=colour)


def _width(text: str, bold: bool = False, size: float = TEXT_SIZE) -> float:
    return stringWidth(text, BOLD if bold else REGULAR, size)


def _step(top: float, ticks: int = 6) -> float:
    """A round step for an axis from 0 to ``top`` with at most ``ticks`` steps."""
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 90, 120, 180, 240, 300, 600):
        if top / step <= ticks:
            return step
    return math.ceil(top / ticks)


def date_label(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


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
        needed = 32 + _width(label) + 18
        if x > LEFT and x + needed > drawing.width:
            x, y = LEFT, y - LEGEND_ROW
        draw(drawing, x, y + 4)
        drawing.add(_text(x + 32, y, label))
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
        drawing.add(_text(left - 7, y - 4, labels(value), anchor="end"))
        value += step
    drawing.add(Line(left, bottom, left, bottom + height, strokeColor=AXIS_COLOUR))
    drawing.add(Line(left, bottom, left + width, bottom, strokeColor=AXIS_COLOUR))
    rotated = Group(_text(0, 0, title, bold=True, anchor="middle"))
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
    drawing.add(_text(0, height - 14, "Planned and walked minutes, week by week", bold=True, size=TITLE_SIZE))
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
                      if _width(text) <= room), "")
        if label:
            drawing.add(_text(x + 3, top + 3, label, colour=AXIS_COLOUR))
            taken = x + 3 + _width(label) + 8
    ahead = [i for i, w in enumerate(weeks) if w.status == "ahead"]
    if ahead:
        start = LEFT + slot * ahead[0]
        drawing.insert(0, Rect(start, BOTTOM + 0.5, LEFT + plot_width - start, plot_height - 0.5,
                               fillColor=AHEAD_FILL, strokeColor=None))  # behind the grid lines
        label = "not yet walked" if current_week is not None else "no walks logged yet"
        if _width(label) + 8 <= LEFT + plot_width - max(start, taken):
            drawing.add(_text(LEFT + plot_width - 4, top + 3, label, anchor="end", colour=AXIS_COLOUR))
    label_every = max(1, math.ceil((_width("26") + 6) / slot))
    for index, week in enumerate(weeks):
        x = LEFT + slot * index
        bar = slot * 0.36
        drawing.add(Rect(x + slot * 0.12, BOTTOM, bar, to_y(week.planned_minutes) - BOTTOM, fillColor=PLANNED_FILL,
                         strokeColor=WALKED_FILL, strokeWidth=0.8))
        if index not in ahead and week.walked_minutes > 0:
            drawing.add(Rect(x + slot * 0.52, BOTTOM, bar, to_y(week.walked_minutes) - BOTTOM, fillColor=WALKED_FILL,
                             strokeColor=WALKED_FILL, strokeWidth=0.8))
        if index % label_every == 0:
            drawing.add(_text(x + slot / 2, BOTTOM - 16, str(week.week), anchor="middle"))
            # a week walked again, under its number (seen in review: "1 1 2 2", nothing to say which is which; then
            # "again" under a week's third time): "3rd" where "3rd time" has no room
            if again := next((words for words in (time_of(week.attempt), time_of(week.attempt).split(" ")[0])
                              if _width(words, size=AGAIN_SIZE) <= slot * label_every), ""):
                drawing.add(_text(x + slot / 2, BOTTOM - 27, again, anchor="middle", size=AGAIN_SIZE))
    drawing.add(_text(LEFT + plot_width / 2, 2, "Week of the plan", bold=True, anchor="middle"))
    return drawing


def _version_starts(weeks: list[WeekProgress]) -> list[tuple[int, int]]:
    """(index, plan version) of each row where a version's weeks begin: the week numbers start again after a
    version based again on what the patient walks now, and the chart says whose weeks they are."""
    return [(index, week.plan_version) for index, week in enumerate(weeks)
            if index == 0 or week.plan_version != weeks[index - 1].plan_version]


# -- (b) pain and (c) effort per walk ------------------------------------------------------------------

class _DateAxis:
    """x positions of the walks by their date, with the weeks of the plan marked above the plot."""

    def __init__(self, sessions: list[SessionPoint], left: float, width: float) -> None:
        self.sessions, self.left, self.width = sessions, left, width
        self.first, self.last = sessions[0].date, sessions[-1].date
        self.days = max((self.last - self.first).days, 1)
        self.walk_days = list(dict.fromkeys(s.date for s in sessions))  # each day with walks, once, in order
        self.pad = min(18.0, width * 0.05)
        self.day_xs = [self.x(day) for day in self.walk_days]
        self.walk_xs = self._walks_side_by_side()

    def x(self, day: dt.date) -> float:
        if self.first == self.last:
            return self.left + self.width / 2
        return self.left + self.pad + (self.width - 2 * self.pad) * (day - self.first).days / self.days

    def _walks_side_by_side(self) -> list[float]:
        """Each walk's x: its day's, the walks of one day set a few points apart around it, in the order walked
        (on one x, a second walk's markers hid the first's), never reaching halfway to the next walk day."""
        gaps = [b - a for a, b in zip(self.day_xs, self.day_xs[1:])]
        xs: list[float] = []
        for index, (day, x) in enumerate(zip(self.walk_days, self.day_xs)):
            count = sum(1 for session in self.sessions if session.date == day)
            room = min(gaps[max(index - 1, 0):index + 1], default=self.width / 2)  # to the nearer neighbour
            edge = min(x - self.left, self.left + self.width - x)  # the first and last days: not onto the axes
            apart = min(9.0, room / count, 2 * edge / count)  # under half the room (and the edge) on each side
            xs += [x + (walk - (count - 1) / 2) * apart for walk in range(count)]
        return xs

    def draw(self, drawing: Drawing, bottom: float, top: float) -> None:
        """Date labels under the axis (as many as fit), week boundaries and week numbers above the plot."""
        days = self.walk_days
        shown: list[tuple[float, float]] = []  # the first and last dates first, then those that fit between
        for day in [days[0], days[-1]] + days[1:-1]:
            x, label = self.x(day), date_label(day)
            half = _width(label) / 2
            if any(x - half < end + 6 and x + half > start - 6 for start, end in shown):
                continue
            shown.append((x - half, x + half))
            drawing.add(Line(x, bottom - 4, x, bottom, strokeColor=AXIS_COLOUR))
            drawing.add(_text(x, bottom - 16, label, anchor="middle"))
        spans: list[list] = []  # (plan version, week, attempt), first x, last x: each time a week is walked a span
        for session, x in zip(self.sessions, self.walk_xs):
            if spans and spans[-1][0] == (session.plan_version, session.week, session.attempt):
                spans[-1][2] = x
            else:
                spans.append([(session.plan_version, session.week, session.attempt), x, x])
        versions = len({version for (version, _, _), _, _ in spans})
        for index, ((version, number, attempt), start, end) in enumerate(spans):
            low = self.left if index == 0 else (spans[index - 1][2] + start) / 2
            high = self.left + self.width if index == len(spans) - 1 else (end + spans[index + 1][1]) / 2
            if index:
                drawing.add(Line(low, bottom, low, top + 14, strokeColor=AXIS_COLOUR, strokeWidth=0.6,
                                 strokeDashArray=[1, 2]))
            # a version's weeks start again at 1 when it is based on what the patient walks now: where a version's
            # walks begin, the label says whose weeks they are, as the minutes chart does
            starts = versions > 1 and (index == 0 or spans[index - 1][0][0] != version)
            week = label_of(number, attempt)
            labels = ((f"version {version}, week {week}", f"v{version} week {week}", f"v{version}: {week}",
                       f"v{version}: {number}", str(number))
                      if starts else (f"week {week}", week, f"{number} again" if attempt == 2 else
                                      f"{number} ×{attempt}", str(number)))
            for label in labels:
                if _width(label) + 4 <= high - low:
                    drawing.add(_text((low + high) / 2, top + 3, label, anchor="middle", colour=AXIS_COLOUR))
                    break

    def title(self) -> str:
        if self.first == self.last:
            return f"Date of the walk ({self.first.isoformat()})"
        return f"Date of the walk ({self.first.isoformat()} to {self.last.isoformat()})"


def _series(drawing: Drawing, axis: _DateAxis, to_y: Callable[[float], float], values: list[int | None], colour,
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
    drawing.add(_text(0, height - 14, "Pain per walk, 0-10", bold=True, size=TITLE_SIZE))
    entries = [(_line_sample(DURING_COLOUR, None, _circle), "Pain during the walk"),
               (_line_sample(MORNING_COLOUR, DASHED, _open_square), "Pain the next morning (above usual: step back)")]
    usuals = {s.usual_pain for s in sessions} - {None}
    if usuals:
        entries.append((_line_sample(colors.black, DASH_DOT, None, width=1.3),
                        f"Usual pain ({usuals.pop()}/10)" if len(usuals) == 1 else "Usual pain (each plan version's)"))
    top = _legend(drawing, entries, height - TOP_TITLE) - 16  # room for the week numbers
    latest = sessions[-1]
    named = _pain_bands(latest.safe_max, latest.acceptable_max)
    right = max((_width(label) for _, _, _, label in named), default=0) + 14
    plot_width, plot_height = width - LEFT - right, top - BOTTOM
    axis = _DateAxis(sessions, LEFT, plot_width)
    to_y = _axes(drawing, LEFT, BOTTOM, plot_width, plot_height, low=0, high=10, step=1, title="Pain (0-10)",
                 labels=lambda v: f"{v:g}" if v % 2 == 0 else "")
    rules = _day_spans(axis, LEFT, LEFT + plot_width, lambda s: (s.usual_pain, s.safe_max, s.acceptable_max))
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
        drawing.add(_text(LEFT + plot_width + 6, y, label))
    axis.draw(drawing, BOTTOM, top)
    # the next morning first: where both are equal the walk's dot shows inside the morning's open square
    _series(drawing, axis, to_y, [s.pain_next_morning for s in sessions], MORNING_COLOUR, DASHED, _open_square)
    _series(drawing, axis, to_y, [s.pain_during for s in sessions], DURING_COLOUR, None, _circle)
    drawing.add(_text(LEFT + plot_width / 2, 4, axis.title(), bold=True, anchor="middle"))
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
    drawing.add(_text(0, height - 14, "Effort per walk, Borg RPE 6-20", bold=True, size=TITLE_SIZE))
    entries = [(_line_sample(EFFORT_COLOUR, None, _diamond), "Effort of the walk (RPE)")]
    if any(s.target_rpe for s in sessions):
        entries.append((_box_sample(TARGET_FILL, TARGET_EDGE), "The week's target effort"))
    top = _legend(drawing, entries, height - TOP_TITLE) - 16
    plot_width, plot_height = width - LEFT - 8, top - BOTTOM
    axis = _DateAxis(sessions, LEFT, plot_width)
    to_y = _axes(drawing, LEFT, BOTTOM, plot_width, plot_height, low=6, high=20, step=2, title="RPE (6-20)")
    for low, high, (least, most) in _day_spans(axis, LEFT, LEFT + plot_width, lambda s: s.target_rpe):
        # a band holds whole ratings: it reaches half a point beyond each end; ruled above and below for grey print
        bottom, top_edge = to_y(least - 0.5), to_y(most + 0.5)
        drawing.insert(0, Rect(low, bottom, high - low, top_edge - bottom, fillColor=TARGET_FILL, strokeColor=None))
        for y in (bottom, top_edge):
            drawing.add(Line(low, y, high, y, strokeColor=TARGET_EDGE, strokeWidth=0.8))
    axis.draw(drawing, BOTTOM, top)
    _series(drawing, axis, to_y, [s.rpe for s in sessions], EFFORT_COLOUR, None, _diamond)
    drawing.add(_text(LEFT + plot_width / 2, 4, axis.title(), bold=True, anchor="middle"))
    return drawing


def _day_spans(axis: _DateAxis, left: float, right: float, key: Callable[[SessionPoint], tuple | None]
               ) -> list[tuple[float, float, tuple]]:
    """(from x, to x, value) for each run of walk days with one ``key`` value (not None), each day reaching halfway
    to its neighbours (the walks of one day sit around their day's x; the day's last walk gives its value)."""
    values = {session.date: key(session) for session in axis.sessions}
    days, xs = axis.walk_days, axis.day_xs
    spans: list[tuple[float, float, tuple]] = []
    for index, day in enumerate(days):
        low = left if index == 0 else (xs[index - 1] + xs[index]) / 2
        high = right if index == len(days) - 1 else (xs[index] + xs[index + 1]) / 2
        value = values[day]
        if value is None:
            continue
        if spans and spans[-1][2] == tuple(value) and abs(spans[-1][1] - low) < 1e-6:
            spans[-1] = (spans[-1][0], high, spans[-1][2])
        else:
            spans.append((low, high, tuple(value)))
    return spans
