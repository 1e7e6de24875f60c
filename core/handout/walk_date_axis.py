"""The walks of a course along a calendar axis, for the progress report's pain and effort charts: each walk at its
date (the walks of one day side by side), the dates that fit under the axis, and the plan's weeks above the plot,
each time a week is walked a span of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.handout.chart import AXIS_COLOUR
from core.handout.fonts import BOLD, REGULAR
from core.handout.language import ENGLISH_MONTHS
from core.plan.course_rows import label_of
from core.plan.progress import SessionPoint

TEXT_SIZE = 11
MONTHS = tuple(month[:3] for month in ENGLISH_MONTHS)  # "Jan" ... "Dec": not the locale's


def chart_text(x: float, y: float, text: str, *, bold: bool = False, anchor: str = "start", size: float = TEXT_SIZE,
               colour=colors.black) -> String:
    return String(x, y, text, fontName=BOLD if bold else REGULAR, fontSize=size, textAnchor=anchor, fillColor=colour)


def text_width(text: str, bold: bool = False, size: float = TEXT_SIZE) -> float:
    return stringWidth(text, BOLD if bold else REGULAR, size)


def date_label(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


class WalkDateAxis:
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
            half = text_width(label) / 2
            if any(x - half < end + 6 and x + half > start - 6 for start, end in shown):
                continue
            shown.append((x - half, x + half))
            drawing.add(Line(x, bottom - 4, x, bottom, strokeColor=AXIS_COLOUR))
            drawing.add(chart_text(x, bottom - 16, label, anchor="middle"))
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
                if text_width(label) + 4 <= high - low:
                    drawing.add(chart_text((low + high) / 2, top + 3, label, anchor="middle", colour=AXIS_COLOUR))
                    break

    def title(self) -> str:
        if self.first == self.last:
            return f"Date of the walk ({self.first.isoformat()})"
        return f"Date of the walk ({self.first.isoformat()} to {self.last.isoformat()})"


def day_spans(axis: WalkDateAxis, left: float, right: float, key: Callable[[SessionPoint], tuple | None]
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
