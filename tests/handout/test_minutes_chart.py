"""The handout's chart of weekly minutes: left to right, or mirrored for a right-to-left handout, whose tables
are mirrored too (week 1 and the minutes axis on the right)."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Line, Rect, String

from core.handout.chart import weekly_minutes_chart
from core.handout.fonts import register_fonts

MINUTES = [24.0, 30.0, 33.0]


def _bars(drawing) -> list[float]:
    return [shape.x for shape in drawing.contents if isinstance(shape, Rect)]


def _week_labels(drawing) -> dict[str, float]:
    return {shape.text: shape.x for shape in drawing.contents if isinstance(shape, String) and shape.textAnchor == "middle"}


def _value_axis_x(drawing) -> float:
    return next(shape.x1 for shape in drawing.contents if isinstance(shape, Line) and shape.x1 == shape.x2)


@pytest.mark.parametrize("right_to_left", [False, True])
def test_week_one_and_the_minutes_axis_are_on_the_side_a_reader_starts_from(right_to_left) -> None:
    register_fonts()
    drawing = weekly_minutes_chart(MINUTES, 400, right_to_left=right_to_left)
    bars, labels, axis = _bars(drawing), _week_labels(drawing), _value_axis_x(drawing)
    assert len(bars) == 3 and set(labels) == {"1", "2", "3"}
    if right_to_left:
        assert bars[0] > bars[1] > bars[2] and labels["1"] > labels["3"] and axis > max(bars)
    else:
        assert bars[0] < bars[1] < bars[2] and labels["1"] < labels["3"] and axis < min(bars)
    assert all(0 <= x <= 400 for x in [*bars, *labels.values(), axis])
