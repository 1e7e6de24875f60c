"""The progress charts follow the course as the rows read it: a week walked again is named so, no line runs across
a break in walking, and a walk's pain during shows where it equals the next morning's."""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.shapes import Circle, PolyLine, Rect, String

from core.handout.fonts import register_fonts
from core.handout.progress_charts import DURING_COLOUR, MORNING_COLOUR, minutes_chart, pain_chart
from core.handout.progress_report import render_progress_report
from core.plan.course_rows import label_of
from core.plan.progress import course_progress
from core.settings import Settings
from tests.handout.helpers import flat, pdf_text
from tests.plan.test_progress import START, V1, walks


def texts(drawing) -> list[str]:
    return [item.text for item in drawing.contents if isinstance(item, String)]


def test_a_week_walked_again_is_named_so_on_both_charts() -> None:
    """Seen in review: after a step-back at week 1 the minutes chart read "1 1 2" and the pain chart "week 1" over
    both the painful walk and the retry, nothing to say which was which."""
    register_fonts()
    progress = course_progress([V1], walks(1, [0], pain=8) + walks(1, [2, 4, 6]) + walks(2, [9, 11, 13]),
                               today=START + dt.timedelta(days=14))
    assert [label_of(s.week, s.attempt) for s in progress.sessions] == ["1"] + ["1 (again)"] * 3 + ["2"] * 3
    over_walks = texts(pain_chart(progress.sessions, width=450))
    assert "week 1 (again)" in over_walks and "week 2" in over_walks, over_walks
    under_weeks = texts(minutes_chart(progress.weeks, progress.current_week, 450))
    assert under_weeks.count("again") == 1 and under_weeks.count("1") >= 2, under_weeks


def test_a_week_walked_a_third_time_is_named_apart_from_the_second() -> None:
    """Seen in review: two rows read "2 (again)", and the report's pain and effort charts drew their six walks as one
    span with one label; the heart-rate line said "week 2 (again)" twice."""
    register_fonts()
    progress = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(1, [9, 11, 13])
                               + walks(2, [16], pain=8) + walks(1, [18, 20, 22]) + walks(2, [25, 27]),
                               today=START + dt.timedelta(days=28))
    assert [w.label for w in progress.weeks if w.walked_sessions] == [
        "1", "2", "1 (again)", "2 (again)", "1 (3rd time)", "2 (3rd time)"]
    over_walks = texts(pain_chart(progress.sessions, width=900))
    assert over_walks.count("week 1 (3rd time)") == 1 and over_walks.count("week 1 (again)") == 1, over_walks
    under_weeks = texts(minutes_chart(progress.weeks, progress.current_week, 900))  # "again" under a 3rd time, before
    assert under_weeks.count("again") == 2 and under_weeks.count("3rd time") == 2, under_weeks
    assert [label_of(2, attempt) for attempt in (1, 2, 4, 11, 22)] == [
        "2", "2 (again)", "2 (4th time)", "2 (11th time)", "2 (22nd time)"]


def test_no_line_runs_across_a_break_and_the_report_says_so() -> None:
    """Seen in review: 45 days without a walk drawn as one segment of the line, as if walked through."""
    register_fonts()
    progress = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [49, 51, 53]), today=START + dt.timedelta(days=54))
    lines = [item for item in pain_chart(progress.sessions, width=450).contents if isinstance(item, PolyLine)]
    assert len([line for line in lines if line.strokeColor == DURING_COLOUR]) == 2  # before the break and after
    assert all(len(line.points) == 6 for line in lines)  # three walks each side: never a point across the gap
    joined = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]), today=START + dt.timedelta(days=12))
    assert len([item for item in pain_chart(joined.sessions, width=450).contents
                if isinstance(item, PolyLine) and item.strokeColor == DURING_COLOUR]) == 1
    settings = Settings(clinic_name="Riverside Rehab", clinician_name="Dr Grace Okafor", contact_phone="555 0100")
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=settings, note="",
                                                         date=START + dt.timedelta(days=54)))))
    assert ("On the pain and effort charts no line is drawn across a break in walking (2026-09-05 to 2026-10-20, "
            "45 days).") in text
    assert "no line is drawn" not in flat(" ".join(pdf_text(render_progress_report(
        joined, settings=settings, note="", date=START + dt.timedelta(days=12)))))


def test_pain_during_is_drawn_over_an_equal_next_morning_pain() -> None:
    """Seen in review: with pain during equal to the next morning's, the during dots hid under the squares."""
    register_fonts()
    progress = course_progress([V1], walks(1, [0, 2, 4]), today=START + dt.timedelta(days=6))
    contents = pain_chart(progress.sessions, width=450).contents
    squares = [i for i, item in enumerate(contents) if isinstance(item, Rect) and item.strokeColor == MORNING_COLOUR
               and item.fillColor is not None and item.width == 8]
    dots = [i for i, item in enumerate(contents) if isinstance(item, Circle) and item.fillColor == DURING_COLOUR]
    assert len(squares) == 4 and len(dots) == 4  # the legend's samples first
    assert min(dots[1:]) > max(squares[1:])


def test_the_windows_session_charts_stop_their_lines_at_a_break_too(qtbot) -> None:
    from PySide6.QtCore import QRectF

    from ui.views.session_charts import EffortChart, PainChart

    progress = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [49, 51, 53]), today=START + dt.timedelta(days=54))
    assert [s.after_break for s in progress.sessions] == [False] * 3 + [True, False, False]
    for chart, values in ((PainChart(), [s.pain_during for s in progress.sessions]),
                          (EffortChart(), [s.rpe for s in progress.sessions])):
        qtbot.addWidget(chart)
        chart.set_sessions(progress.sessions)
        path, points = chart.line(QRectF(0, 0, 500, 200), values)
        assert len(points) == 6 and [len(run) for run in path.toSubpathPolygons()] == [3, 3]  # the break, no line
        # and an empty slot of its own (seen in review: a 10-day break one session's step, its gap unseen)
        step = points[2].x() - points[1].x()
        assert abs(points[3].x() - points[2].x() - 2 * step) < 0.01 and abs(points[5].x() - points[4].x() - step) < 0.01
        joined, _ = chart.line(QRectF(0, 0, 500, 200), values[:3])
        assert [len(run) for run in joined.toSubpathPolygons()] == [3]
    pain = PainChart()
    pain.set_sessions(progress.sessions)
    labels = [item.label for item in pain.legend()]
    assert "gap = not recorded" in labels and "a break in walking (7 days or more)" in labels
    effort = EffortChart()
    effort.set_sessions(progress.sessions[:3])  # no break: not in the legend
    assert not [item for item in effort.legend() if "break" in item.label]


def test_the_weeks_ahead_name_a_week_to_walk_again() -> None:
    """Seen in review: after a step back the report said "Weeks 2 to 12 are still ahead", week 2 walked already."""
    register_fonts()
    progress = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7]) + walks(2, [9], pain=8),
                               today=START + dt.timedelta(days=10))
    settings = Settings(clinic_name="Riverside Rehab", clinician_name="Dr Grace Okafor", contact_phone="555 0100")
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=settings, note="",
                                                         date=START + dt.timedelta(days=10)))))
    ahead = [week.label for week in progress.weeks if week.status == "ahead"]
    assert ahead[0] == "1 (again)" and "Weeks 1 (again) to 12 are still ahead" in text, ahead


def test_the_windows_minutes_chart_numbers_every_week_that_fits_and_keys_only_figures_it_draws(qtbot) -> None:
    """Seen in review: with weeks walked again, the window's chart numbered every other row ("1, 2, 1" under five
    walked weeks), and keyed "% = adherence that week" over bars too narrow for any figure."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from ui.views.charts import WeeklyMinutesChart

    progress = course_progress([V1], walks(1, [0], pain=8) + walks(1, [2, 4, 6]) + walks(2, [9, 11, 13]),
                               today=START + dt.timedelta(days=14))
    chart = WeeklyMinutesChart()
    qtbot.addWidget(chart)
    chart.set_weeks(progress.weeks)
    rows = len(progress.weeks)
    metrics = QFontMetricsF(chart.font())
    narrow = QRectF(0, 0, rows * metrics.horizontalAdvance("26") * 1.6, 100)  # "26" * 1.8 numbered every other
    numbered = chart._numbered(narrow, narrow.width() / rows, metrics)
    assert numbered == set(range(rows)) - ({rows - 2} if progress.weeks[-1].week >= 10 else set()), numbered
    chart.resize(int(rows * metrics.horizontalAdvance("100%") * 0.8) + chart.LEFT + chart.RIGHT, 200)
    assert "% = adherence that week" not in [item.label for item in chart.legend()]
    chart.resize(int(rows * metrics.horizontalAdvance("100%") * 1.5) + chart.LEFT + chart.RIGHT, 200)
    assert "% = adherence that week" in [item.label for item in chart.legend()]


def test_the_windows_pain_chart_keeps_room_for_its_plot_under_a_legend_of_several_rows(qtbot) -> None:
    """Seen in review: under a legend of five items, wrapped, the pain chart's 0-10 had about 30 pixels."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from ui.views.session_charts import PainChart

    progress = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [49, 51, 53]), today=START + dt.timedelta(days=54))
    holder = QWidget()
    qtbot.addWidget(holder)
    pain = PainChart()
    QVBoxLayout(holder).addWidget(pain)
    pain.set_sessions(progress.sessions)
    holder.resize(340, 100)  # as small as it lets itself be
    holder.show()
    qtbot.waitExposed(holder)
    assert len({row for *_, row in pain._legend_places()}) >= 4
    qtbot.waitUntil(lambda: pain.height() >= pain.minimumSizeHint().height())  # laid out again at its width
    heights, drawn = [], pain.plot
    pain.plot = lambda painter, area: (heights.append(area.height()), drawn(painter, area))
    pain.grab()
    assert heights and heights[0] >= 6 * pain.line_height()
