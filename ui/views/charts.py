"""The progress charts, drawn with QPainter (the app ships without QtCharts): the chart every one of them is
(title, legend, axes, markers, colours) and planned against walked minutes week by week. The charts of effort
and pain per session are ui/views/session_charts.py.

Each series differs by more than colour (hatched or solid bars; solid or dashed lines with round or
square marks; a dotted reference line), each chart has a title, a legend and labelled axes, and its
figures are also given as text in the accessible description. The figures come from core
(core/plan/progress.py); the charts only place them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.plan.course_rows import time_of
from core.plan.progress import WeekProgress

PLANNED = QColor("#4A6F96")
WALKED = QColor("#1F3B5C")
PAIN_DURING = QColor("#B3261E")
PAIN_MORNING = QColor("#5E2D91")
EFFORT = QColor("#1F5C3A")
REFERENCE = QColor("#202020")
TARGET_FILL = QColor(31, 92, 58, 40)
TOO_MUCH_FILL = QColor(179, 38, 30, 28)
GRID = QColor(128, 128, 128, 60)
AHEAD_FILL = QColor(128, 128, 128, 36)  # the weeks not yet walked, as the report's chart shades them


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` steps over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


@dataclass(frozen=True)
class LegendItem:
    label: str
    pen: QPen | None = None  # a line sample
    brush: QBrush | None = None  # a box sample
    marker: str | None = None  # "circle", "square", "diamond"


def draw_marker(painter: QPainter, centre: QPointF, kind: str, colour: QColor, size: float = 4.5) -> None:
    painter.save()
    painter.setPen(QPen(colour, 1.6))
    if kind == "circle":
        painter.setBrush(colour)
        painter.drawEllipse(centre, size, size)
    elif kind == "square":
        painter.setBrush(QColor("white"))  # hollow: told apart from the round marks without colour
        painter.drawRect(QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size))
    elif kind == "diamond":
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - size - 1), QPointF(centre.x() + size + 1, centre.y()),
                                       QPointF(centre.x(), centre.y() + size + 1), QPointF(centre.x() - size - 1, centre.y())]))
    painter.restore()


class Chart(QWidget):
    """Title, legend, axes and an empty-state sentence; a subclass draws its data in ``plot``."""

    LEFT, RIGHT = 46, 16  # below the plot: two lines of labels and the axis title, each a line of the font

    def __init__(self, title: str, y_label: str, x_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.y_label, self.x_label = title, y_label, x_label
        self.empty_text = "Nothing to chart yet."
        self._legend_rows = 0  # as last laid out: the least height follows it (minimumSizeHint)
        self.setMinimumWidth(320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)
        # a Tab stop, framed while it has the focus: the view scrolls to it and its figures are read out (seen by a
        # keyboard-only tester: no key reached the pain chart below the fold at 125 %)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    # -- what a subclass provides --------------------------------------------------------------------

    def has_data(self) -> bool:
        return False

    def legend(self) -> list[LegendItem]:
        return []

    def y_range(self) -> tuple[float, float, float]:
        """(bottom, top, step) of the value axis."""
        return 0.0, 1.0, 1.0

    def plot(self, painter: QPainter, area: QRectF) -> None: ...

    # -- drawing -------------------------------------------------------------------------------------

    @property
    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    _range: tuple[float, float, float] | None = None  # y_range while a paint lasts (read for every point)

    def y_at(self, value: float, area: QRectF) -> float:
        bottom, top, _ = self._range or self.y_range()
        return area.bottom() - (value - bottom) / ((top - bottom) or 1) * area.height()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.setPen(self.text_colour)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        metrics = QFontMetricsF(bold)
        painter.drawText(QRectF(8, 4, self.width() - 16, metrics.height()), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        top = 6 + metrics.height()
        if not self.has_data():
            painter.drawText(QRectF(0, top, self.width(), self.height() - top), Qt.AlignmentFlag.AlignCenter,
                             self.empty_text)
            return
        top = self._draw_legend(painter, top) + 8
        line = self.line_height()
        area = QRectF(self.LEFT, top, self.width() - self.LEFT - self.RIGHT, self.height() - top - 3 * line - 5)
        if area.height() < 30 or area.width() < 60:
            return
        self._draw_value_axis(painter, area)
        self._range = self.y_range()  # seen in a profile: a 500-walk course's range found again for each point
        try:
            self.plot(painter, area)
        finally:
            self._range = None
        painter.setPen(self.text_colour)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawText(QRectF(area.left(), self.height() - line - 2, area.width(), line), Qt.AlignmentFlag.AlignCenter,
                         self.x_label)

    def shown_anew(self) -> None:
        """New data: drawn again, and the least height asked for again (its legend may have more rows)."""
        self.updateGeometry()
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Room for the title, the legend as it wraps at this width, a plot of six lines of text at least and the
        labels under it (seen in review: under a five-line legend, the pain chart's 0-10 had about 30 pixels)."""
        line = self.line_height()
        bold = QFont(self.font())
        bold.setBold(True)
        self._legend_rows = len({row for *_, row in self._legend_places()})
        legend = self._legend_rows * (line + 2) + 8 if self.has_data() else 0
        return QSize(320, max(170, round(6 + QFontMetricsF(bold).height() + legend + 6 * line + 3 * line + 5)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if len({row for *_, row in self._legend_places()}) != self._legend_rows:  # wraps anew at this width
            self.updateGeometry()

    def line_height(self) -> float:
        """A line of the chart's font: labels and margins follow it, so nothing is clipped at 125 or 150 %."""
        return QFontMetricsF(self.font()).height()

    def _legend_places(self) -> list[tuple[LegendItem, float, float, int]]:
        """Each legend item with its x, width and row, wrapped at the chart's width."""
        metrics = QFontMetricsF(self.font())
        x, row, places = 10.0, 0, []
        for item in self.legend():
            width = 26 + metrics.horizontalAdvance(item.label) + 14
            if x + width > self.width() - 8 and x > 10:
                x, row = 10.0, row + 1
            places.append((item, x, width, row))
            x += width
        return places

    def _draw_legend(self, painter: QPainter, top: float) -> float:
        metrics = QFontMetricsF(self.font())
        row = top
        for item, x, width, number in self._legend_places():
            row = top + number * (metrics.height() + 2)
            middle = row + metrics.height() / 2
            if item.brush is not None:
                painter.setPen(QPen(self.text_colour, 1))
                painter.setBrush(item.brush)
                painter.drawRect(QRectF(x, middle - 5, 20, 10))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            if item.pen is not None:
                painter.setPen(item.pen)
                painter.drawLine(QPointF(x, middle), QPointF(x + 20, middle))
            if item.marker is not None:
                draw_marker(painter, QPointF(x + 10, middle), item.marker, item.pen.color() if item.pen else WALKED, 3.5)
            painter.setPen(self.text_colour)
            painter.drawText(QRectF(x + 26, row, width, metrics.height()), Qt.AlignmentFlag.AlignLeft, item.label)
        return row + metrics.height()

    def _draw_value_axis(self, painter: QPainter, area: QRectF) -> None:
        bottom, top, step = self.y_range()
        line = self.line_height()
        painter.setPen(self.text_colour)
        painter.drawLine(area.bottomLeft(), area.topLeft())
        spacing = area.height() * step / ((top - bottom) or 1)
        every = max(1, math.ceil(line * 1.1 / spacing)) if spacing > 0 else 1  # numbers never touch: every other, say
        value, index = bottom, 0
        while value <= top + 1e-9:
            y = self.y_at(value, area)
            painter.setPen(GRID)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(self.text_colour)
            painter.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y))
            if index % every == 0:
                painter.drawText(QRectF(0, y - line / 2, area.left() - 6, line),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
            value, index = value + step, index + 1
        centre, length = self.y_label_span(area)
        painter.save()
        painter.translate(line / 2 + 2, centre)
        painter.rotate(-90)
        painter.drawText(QRectF(-length / 2, -line / 2, length, line), Qt.AlignmentFlag.AlignCenter, self.y_label)
        painter.restore()

    def y_label_span(self, area: QRectF) -> tuple[float, float]:
        """(centre, length) of the value axis's title: along the plot, or past it when the plot is shorter than
        the words (at 150 %, say), but never past the chart."""
        length = min(max(area.height(), QFontMetricsF(self.font()).horizontalAdvance(self.y_label) + 4), self.height())
        return min(max(area.center().y(), length / 2), self.height() - length / 2), length

    def label_below(self, painter: QPainter, x: float, area: QRectF, text: str, line: int = 0, width: float = 60) -> None:
        painter.setPen(self.text_colour)
        height = self.line_height()
        painter.drawText(QRectF(x - width / 2, area.bottom() + 3 + line * height, width, height),
                         Qt.AlignmentFlag.AlignCenter, text)

    def name_in_margin(self, painter: QPainter, area: QRectF, value: float, label: str) -> None:
        """``label`` in the margin to the right of the plot, at ``value``'s height."""
        y = self.y_at(value, area)
        painter.setPen(self.text_colour)
        line = self.line_height()
        painter.drawText(QRectF(area.right() + 4, y - line / 2, self.width() - area.right() - 4, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)


class WeeklyMinutesChart(Chart):
    """Planned (hatched) against walked (solid) minutes per week, each week's adherence above its bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Minutes per week: planned against walked", "minutes a week", "plan week (v = plan version)",
                         parent)
        self.weeks: list[WeekProgress] = []

    def set_weeks(self, weeks: list[WeekProgress]) -> None:
        self.weeks = list(weeks)
        self.setAccessibleDescription("; ".join(
            f"week {w.label}: planned {w.planned_minutes:g} min, "
            + ("not yet walked" if w.status == "ahead" else f"walked {w.walked_minutes:g} min")
            + ("" if w.adherence_pct is None else f", {w.adherence_pct:g} %") for w in self.weeks))
        self.shown_anew()

    def has_data(self) -> bool:
        return bool(self.weeks)

    def legend(self) -> list[LegendItem]:
        return [LegendItem("planned", brush=QBrush(PLANNED, Qt.BrushStyle.BDiagPattern)),
                LegendItem("walked", brush=QBrush(WALKED)),
                # only where the figures fit over the bars (seen in review: the key, and no figure on the chart)
                *([LegendItem("% = adherence that week")] if self._percent_fits(self._slot(self.width() - self.LEFT
                                                                                         - self.RIGHT)) else [])]

    def _slot(self, width: float) -> float:
        return width / max(len(self.weeks), 1)

    def _percent_fits(self, slot: float) -> bool:
        return QFontMetricsF(self.font()).horizontalAdvance("100%") <= slot + 2

    def y_range(self) -> tuple[float, float, float]:
        most = max(max(w.planned_minutes, w.walked_minutes) for w in self.weeks) if self.weeks else 1
        step = nice_step(most)
        return 0.0, math.ceil(most * 1.12 / step) * step, step  # room above for the adherence figures

    def plot(self, painter: QPainter, area: QRectF) -> None:
        slot = self._slot(area.width())
        bar = max(2.0, min(slot * 0.36, 28))
        metrics = QFontMetricsF(self.font())
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 1.5))
        small_height = QFontMetricsF(small).height()
        numbered = self._numbered(area, slot, metrics)
        self._shade_ahead(painter, area, slot, small)
        previous_version, marks = None, []  # (centre, "v2" where a version's weeks begin, "again" if numbered)
        for index, week in enumerate(self.weeks):
            centre = area.left() + slot * (index + 0.5)
            planned_top = self.y_at(week.planned_minutes, area)
            painter.setPen(QPen(PLANNED, 1.2))
            painter.setBrush(QBrush(PLANNED, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(centre - bar - 1, planned_top, bar, area.bottom() - planned_top))
            if week.walked_sessions:
                walked_top = self.y_at(week.walked_minutes, area)
                painter.setPen(QPen(WALKED, 1.2))
                painter.setBrush(QBrush(WALKED))
                painter.drawRect(QRectF(centre + 1, walked_top, bar, area.bottom() - walked_top))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if week.adherence_pct is not None:
                text = f"{week.adherence_pct:.0f}%"
                if self._percent_fits(slot):
                    painter.setFont(small)
                    painter.setPen(self.text_colour)
                    top = min(planned_top, self.y_at(week.walked_minutes, area))
                    painter.drawText(QRectF(centre - slot / 2 - 4, top - small_height - 1, slot + 8, small_height),
                                     Qt.AlignmentFlag.AlignCenter, text)
                    painter.setFont(self.font())
            marks.append((centre, f"v{week.plan_version}" if week.plan_version != previous_version else "",
                          time_of(week.attempt) if index in numbered else ""))
            previous_version = week.plan_version
        placed = self._marks_placed(marks)
        for index in sorted(numbered):
            centre, _, again = marks[index]
            if again and index != len(self.weeks) - 1 and not placed.get(index, (0, 0, ""))[2].endswith(again):
                continue  # a week walked again, its "again" with no room: its number alone read as its first time
            self.label_below(painter, centre, area, str(self.weeks[index].week), width=slot * 3)  # (seen by a helper)
        for index, (left, right, text) in placed.items():
            if text:
                self.label_below(painter, (left + right) / 2, area, text, line=1, width=right - left)

    def _shade_ahead(self, painter: QPainter, area: QRectF, slot: float, small: QFont) -> None:
        """The weeks not yet walked, shaded and named, as the report's chart shows them (seen in a clinician's try:
        weeks ahead, with no walked bar, looked like weeks missed)."""
        first = next((index for index, week in enumerate(self.weeks) if week.status == "ahead"), None)
        if first is None:
            return
        band = QRectF(area.left() + slot * first, area.top(), slot * (len(self.weeks) - first), area.height())
        painter.fillRect(band, AHEAD_FILL)
        label = "not yet walked" if first else "no walks logged yet"
        if QFontMetricsF(small).horizontalAdvance(label) + 8 <= band.width():
            painter.setFont(small)
            painter.setPen(self.text_colour)
            painter.drawText(band.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
            painter.setFont(self.font())

    def _numbered(self, area: QRectF, slot: float, metrics: QFontMetricsF) -> set[int]:
        """The rows whose week number is drawn: each whose number clears the last drawn (seen in review: every other
        row numbered under a course of weeks walked again read "1, 2, 1" under five walked weeks), and the last row,
        in place of any number it would touch."""
        gap = metrics.horizontalAdvance("26") * 0.8  # week numbers never touch
        spans = [(area.left() + slot * (index + 0.5), metrics.horizontalAdvance(str(week.week)) / 2)
                 for index, week in enumerate(self.weeks)]
        numbered: list[int] = []
        for index, (centre, half) in enumerate(spans):
            if not numbered or centre - half - gap >= sum(spans[numbered[-1]]):
                numbered.append(index)
        last = len(spans) - 1
        if numbered[-1] != last:
            centre, half = spans[last]
            numbered = [index for index in numbered if sum(spans[index]) + gap <= centre - half] + [last]
        return set(numbered)

    def _marks_placed(self, marks: list[tuple[float, str, str]]) -> dict[int, tuple[float, float, str]]:
        """Under the week numbers: where a version's weeks begin ("v2"), then a week walked again ("again", "v2
        again", "3rd time") where it clears every other (seen in review: "1 1 2 2" without them, and "againagain"
        side by side), as {row: (left, right, text)}. Every version's start is placed first: an "again" never takes
        its room."""
        metrics = QFontMetricsF(self.font())
        spans: dict[int, tuple[float, float, str]] = {}

        def room(index: int, text: str) -> tuple[float, float, str] | None:
            centre, half = marks[index][0], (metrics.horizontalAdvance(text) + 6) / 2
            clear = all(centre + half <= left or centre - half >= right
                        for other, (left, right, _) in spans.items() if other != index)
            return (centre - half, centre + half, text) if clear else None

        for index, (_, version, _) in enumerate(marks):
            if version:
                spans[index] = room(index, version) or spans.get(index) or (marks[index][0], marks[index][0], "")
        for index, (_, version, again) in enumerate(marks):
            if again and (placed := room(index, f"{version} {again}".strip())):
                spans[index] = placed
        return spans
