"""The progress charts with one point per session (ui/views/charts.py draws their axes and legends): effort per
session against the moderate target, and pain during and the next morning against the patient's usual pain."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from core.plan.adjustment import GAP_DAYS
from core.plan.progress import SessionPoint
from core.plan.session_log import recorded
from ui.views.charts import (
    EFFORT, PAIN_DURING, PAIN_MORNING, REFERENCE, TARGET_FILL, TOO_MUCH_FILL, Chart, LegendItem, draw_marker,
)

BREAK_FILL = QBrush(QColor("#8A8A8A"), Qt.BrushStyle.BDiagPattern)  # hatched: seen in grey print and by any eye
AFTER_A_BREAK = "after a break in walking, "  # read out where the charts leave a hatched slot


class SessionChart(Chart):
    """One point per session, oldest first; dates below, plan-version changes marked by a dashed line."""

    RIGHT = 58  # room for a reference line's name; the same in every session chart, so their dates line up

    def __init__(self, title: str, y_label: str, parent: QWidget | None = None) -> None:
        super().__init__(title, y_label, "session date (v = plan version)", parent)
        self.sessions: list[SessionPoint] = []
        self._places: list[int] = []  # each session's slot: a break in walking takes one more, left empty
        self.empty_text = "No session logged yet."

    def has_data(self) -> bool:
        return bool(self.sessions)

    def _place(self, sessions: list[SessionPoint]) -> None:
        """The sessions, each in its slot: one a session, and an empty, hatched one before the first walk after a
        break (seen in review: a 10-day break was one session's step, the line's gap there unseen, under a legend
        saying a break leaves one)."""
        self.sessions, self._places, place = list(sessions), [], -1
        for session in self.sessions:
            place += 2 if session.after_break else 1
            self._places.append(place)

    def slot_width(self, area: QRectF) -> float:
        return area.width() / (self._places[-1] + 1)

    def x_at(self, index: int, area: QRectF, shift: float = 0.0) -> float:
        slot = self.slot_width(area)
        return area.left() + slot * (self._places[index] + 0.5) + min(slot * shift, 8.0)

    def break_legend(self) -> list[LegendItem]:
        return [LegendItem(f"a break in walking ({GAP_DAYS} days or more)", brush=BREAK_FILL)] \
            if any(s.after_break for s in self.sessions) else []

    def draw_breaks(self, painter: QPainter, area: QRectF) -> None:
        slot = self.slot_width(area)
        for index, session in enumerate(self.sessions):
            if session.after_break:
                painter.fillRect(QRectF(self.x_at(index, area) - slot * 1.5, area.top(), slot, area.height()),
                                 BREAK_FILL)

    def draw_sessions_axis(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        slot = self.slot_width(area)
        every = max(1, math.ceil((metrics.horizontalAdvance("00-00") + 8) / slot))
        previous = None
        for index, session in enumerate(self.sessions):
            x = self.x_at(index, area)
            if index % every == 0:
                self.label_below(painter, x, area, session.date.strftime("%m-%d"), width=slot * every)
            if session.plan_version != previous:
                if previous is not None:
                    boundary = x - slot / 2
                    painter.setPen(QPen(REFERENCE, 1, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(boundary, area.top()), QPointF(boundary, area.bottom()))
                self.label_below(painter, x, area, f"v{session.plan_version}", line=1, width=max(slot, 24))
                previous = session.plan_version

    def draw_series(self, painter: QPainter, area: QRectF, values: list[float | None], colour: QColor,
                    style: Qt.PenStyle, marker: str, shift: float = 0.0) -> None:
        """A line through the recorded values; a value not recorded leaves a gap, never a zero, and so does a break
        in walking (the report's charts stop their lines there too). ``shift`` moves the marks a little to the right
        (a fraction of a session's width), so equal values stay visible."""
        path, points = self.line(area, values, shift)
        painter.setPen(QPen(colour, 2, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for point in points:
            draw_marker(painter, point, marker, colour)

    def line(self, area: QRectF, values: list[float | None], shift: float = 0.0) -> tuple[QPainterPath, list[QPointF]]:
        """The series' line (a subpath for each run of recorded values between breaks) and its points."""
        path, drawing = QPainterPath(), False
        points = []
        for index, value in enumerate(values):
            if self.sessions[index].after_break:
                drawing = False
            if value is None:
                drawing = False
                continue
            point = QPointF(self.x_at(index, area, shift), self.y_at(value, area))
            points.append(point)
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        return path, points


class EffortChart(SessionChart):
    """Effort (Borg RPE 6-20) per session, each against its own week's target as a band: a light week's 9-11,
    a moderate week's 12-13 (one band for the plan's moderate target showed a light week's 12 on target)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Effort per session (Borg RPE)", "RPE 6-20", parent)

    def set_sessions(self, sessions: list[SessionPoint]) -> None:
        self._place(sessions)
        self.setAccessibleDescription("; ".join(
            f"{AFTER_A_BREAK if s.after_break else ''}{s.date.isoformat()}: RPE {s.rpe}"
            + (f" (target {s.target_rpe[0]}-{s.target_rpe[1]})" if s.target_rpe else "") for s in self.sessions))
        self.shown_anew()

    def legend(self) -> list[LegendItem]:
        items = [LegendItem("effort (RPE)", pen=QPen(EFFORT, 2), marker="diamond")]
        if any(s.target_rpe for s in self.sessions):
            items.append(LegendItem("the week's target", brush=QBrush(TARGET_FILL)))
        return items + self.break_legend()

    def y_range(self) -> tuple[float, float, float]:
        return 6.0, 20.0, 2.0

    def plot(self, painter: QPainter, area: QRectF) -> None:
        slot = self.slot_width(area)
        self.draw_breaks(painter, area)
        for index, session in enumerate(self.sessions):
            if session.target_rpe:  # a band holds whole ratings: it reaches half a point beyond each end
                top, bottom = self.y_at(session.target_rpe[1] + 0.5, area), self.y_at(session.target_rpe[0] - 0.5, area)
                left = self.x_at(index, area) - slot / 2
                painter.fillRect(QRectF(left, top, slot, bottom - top), TARGET_FILL)
        self.draw_sessions_axis(painter, area)
        self.draw_series(painter, area, [s.rpe for s in self.sessions], EFFORT, Qt.PenStyle.SolidLine, "diamond")


class PainChart(SessionChart):
    """Pain during walking (solid, round marks) and the next morning (dashed, square marks) per session, each
    against its own plan version's usual pain (dotted line) and acceptable top (above it shaded): seen in review,
    walks under version 1 were drawn against version 2's, so a pain that was too much then read as acceptable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Pain per session against usual pain", "pain 0-10", parent)

    def set_sessions(self, sessions: list[SessionPoint]) -> None:
        self._place(sessions)

        def said(value: int | None) -> str:
            return recorded(value) + ("/10" if value is not None else "")

        parts, usual = [], None
        for s in self.sessions:  # the usual pain said where it starts and where a plan version changes it
            if s.usual_pain is not None and s.usual_pain != usual:
                parts.append(f"usual pain {s.usual_pain}/10 from here")
                usual = s.usual_pain
            parts.append(f"{AFTER_A_BREAK if s.after_break else ''}{s.date.isoformat()}: during {said(s.pain_during)}, "
                         f"next morning {said(s.pain_next_morning)}")
        self.setAccessibleDescription("; ".join(parts))
        self.shown_anew()

    def _one(self, name: str) -> int | None | str:
        """The sessions' one value of ``name``, or "varies" when their plan versions differ in it."""
        values = {getattr(s, name) for s in self.sessions}
        return values.pop() if len(values) == 1 else "varies" if values - {None} else None

    def legend(self) -> list[LegendItem]:
        items = [LegendItem("during", pen=QPen(PAIN_DURING, 2), marker="circle"),
                 LegendItem("next morning (above usual: step back)", pen=QPen(PAIN_MORNING, 2, Qt.PenStyle.DashLine),
                            marker="square")]
        usual, top = self._one("usual_pain"), self._one("acceptable_max")
        if usual is not None:
            items.append(LegendItem("usual pain (each plan version's)" if usual == "varies" else
                                    f"usual pain {usual}/10", pen=QPen(REFERENCE, 1.6, Qt.PenStyle.DotLine)))
        if top == "varies" or (top is not None and top < 10):
            items.append(LegendItem("too much (each plan version's)" if top == "varies" else
                                    f"too much: above {top}", brush=QBrush(TOO_MUCH_FILL)))
        return [*items, LegendItem("gap = not recorded"), *self.break_legend()]

    def y_range(self) -> tuple[float, float, float]:
        return 0.0, 10.0, 2.0

    def plot(self, painter: QPainter, area: QRectF) -> None:
        slot = self.slot_width(area)
        self.draw_breaks(painter, area)
        for index, session in enumerate(self.sessions):
            left = self.x_at(index, area) - slot / 2
            if session.acceptable_max is not None and session.acceptable_max < 10:  # a band holds whole ratings: it
                line = self.y_at(session.acceptable_max + 0.5, area)  # starts half a point above the acceptable top
                painter.fillRect(QRectF(left, area.top(), slot, line - area.top()), TOO_MUCH_FILL)
            if session.usual_pain is not None:
                y = self.y_at(session.usual_pain, area)
                painter.setPen(QPen(REFERENCE, 1.6, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(left, y), QPointF(left + slot, y))
        latest = self.sessions[-1].usual_pain
        if latest is not None:  # named in the margin at the latest walk's
            self.name_in_margin(painter, area, latest, f"usual {latest}")
        self.draw_sessions_axis(painter, area)
        self.draw_series(painter, area, [s.pain_during for s in self.sessions], PAIN_DURING, Qt.PenStyle.SolidLine,
                         "circle")
        self.draw_series(painter, area, [s.pain_next_morning for s in self.sessions], PAIN_MORNING,
                         Qt.PenStyle.DashLine, "square", shift=0.2)
