"""The window's minutes chart shades the weeks not yet walked, as the report's chart does. Seen in a clinician's try:
the weeks ahead, with no walked bar beside their planned one, looked like weeks missed."""

from __future__ import annotations

from core.plan.progress import WeekProgress
from ui.views.charts import WeeklyMinutesChart


def _week(number: int, status: str) -> WeekProgress:
    walked = status == "done"
    return WeekProgress(week=number, attempt=1, status=status, plan_version=1, planned_sessions=3, planned_minutes=30,
                        walked_sessions=3 if walked else 0, sessions_done=3 if walked else 0,
                        walked_minutes=30 if walked else 0, adherence_pct=100 if walked else None,
                        mean_rpe=12 if walked else None, highest_pain_during=2 if walked else None,
                        highest_pain_next_morning=2 if walked else None)


def test_the_weeks_ahead_are_shaded_and_said_so(qtbot) -> None:
    chart = WeeklyMinutesChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_weeks([_week(1, "done"), _week(2, "missed"), _week(3, "ahead"), _week(4, "ahead")])
    image = chart.grab().toImage()
    top = 70  # above every bar (30 of at least 33.6 minutes), below the legend
    missed, ahead = image.pixelColor(int(chart.width() * 0.45), top), image.pixelColor(int(chart.width() * 0.8), top)
    assert missed != ahead  # the missed week on the background, the weeks ahead shaded
    assert "week 3: planned 30 min, not yet walked" in chart.accessibleDescription()
    assert "week 2: planned 30 min, walked 0 min" in chart.accessibleDescription()
