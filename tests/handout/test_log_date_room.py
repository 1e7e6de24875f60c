"""The walking log's Date column has room for a date written by hand. Seen in review: in standard print it was 16 mm
wide, the narrowest of all, beside a Speed column of 40 mm for numbers such as "3.5"."""

from __future__ import annotations

import pytest

import core.handout.renderer as renderer
from core.handout.walking_log import ROOM_FOR_A_DATE, walking_log_table
from tests.handout.test_languages import PROFILES, _handout


@pytest.mark.parametrize("size", ["large", "standard"])
@pytest.mark.parametrize("tag", ["en", "vi", "zh-Hans"])  # where the column headings leave the room
def test_the_date_column_has_room_for_a_date(monkeypatch, tag, size) -> None:
    widths: list[list[float]] = []

    def watched(*args, **kwargs):
        table = walking_log_table(*args, **kwargs)
        widths.append(table._colWidths)
        return table

    monkeypatch.setattr(renderer, "walking_log_table", watched)
    handout = _handout(PROFILES["diabetic"], tag).model_copy(update={"print_size": size})
    renderer.HandoutRenderer().render(handout)
    date, *others = widths[0]
    assert date >= ROOM_FOR_A_DATE - 0.5 and date >= sorted(others)[len(others) // 2], widths[0]
