"""The window's pain chart shades "too much" from half a point above the acceptable top, as the progress report's
chart does: a band holds whole ratings. Seen by a clinic's tester: an acceptable 6/10 next morning sat on the edge of
the shading, "too much: above 6", while the report drew it in the amber band."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from core.plan.progress import SessionPoint
from ui.views.session_charts import PainChart


def test_the_too_much_shading_starts_half_a_point_above_the_acceptable_top(qtbot) -> None:
    chart = PainChart()
    qtbot.addWidget(chart)
    chart.set_sessions([SessionPoint(date=dt.date(2026, 11, 2), week=1, plan_version=1, minutes=10, rpe=12,
                                     heart_rate=None, pain_during=None, pain_next_morning=None, note="",
                                     target_rpe=(12, 13), usual_pain=4, safe_max=4, acceptable_max=6)])
    image = QImage(200, 400, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    area = QRectF(0, 0, 200, 400)  # 40 pixels a point of pain
    chart.plot(painter, area)
    painter.end()
    white = QColor("white").rgb()
    x = 100
    assert image.pixel(x, round(chart.y_at(6.25, area))) == white  # 6 and a little above: acceptable, not shaded
    assert image.pixel(x, round(chart.y_at(6.75, area))) != white  # 7: too much
    assert image.pixel(x, round(chart.y_at(9.5, area))) != white
