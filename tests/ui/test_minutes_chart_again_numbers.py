"""A week walked again, whose "again" finds no room under its number in a narrow minutes chart, has no number drawn
alone: seen by a helper, "2" under the bars of week 2 walked again read as week 2's first time."""

from __future__ import annotations

from core.plan.progress import WeekProgress
from ui.views.charts import WeeklyMinutesChart


def test_a_number_of_a_week_walked_again_is_drawn_only_with_its_again(qtbot) -> None:
    base = WeekProgress(week=1, attempt=1, status="done", plan_version=1, planned_sessions=3, planned_minutes=30,
                        walked_sessions=3, sessions_done=3, walked_minutes=30, adherence_pct=100, mean_rpe=12,
                        highest_pain_during=2, highest_pain_next_morning=2)
    course = [(1, 1), (2, 1), (1, 2), (1, 3), (2, 2)] + [(week, 1) for week in range(3, 13)]  # the helper's course
    chart = WeeklyMinutesChart()
    qtbot.addWidget(chart)
    chart.set_weeks([base.model_copy(update={"week": week, "attempt": attempt}) for week, attempt in course])
    drawn: list[tuple[float, str, int]] = []
    chart.label_below = lambda painter, x, area, text, line=0, width=60: drawn.append((round(x, 3), text, line))
    seen: list = []
    place = chart._marks_placed
    chart._marks_placed = lambda marks: seen.append(marks) or place(marks)
    alone = 0
    for width in (360, 400, 440, 480, 520, 600, 700):
        drawn.clear()
        seen.clear()
        chart.resize(width, 240)
        chart.grab()
        marks = {round(centre, 3): again for centre, _, again in seen[-1]}
        under = {x: text for x, text, line in drawn if line == 1}
        for x, _, line in drawn:
            if line == 0 and marks[x]:  # a number of a week walked again: its "again" or "3rd time" under it
                assert under.get(x, "").endswith(marks[x]), (width, drawn)
        alone += sum(1 for again in marks.values() if again and again not in under.values())
    assert alone, "no width left an again without room: the test tried nothing"
