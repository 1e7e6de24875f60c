"""The progress report lists a walk of its own day apart from the walks whose pain was not recorded: its next morning
has not come (seen in review: "Pain the next morning not recorded: <the report's day>" beside a week's cell of
"not yet")."""

from __future__ import annotations

import datetime as dt

from core.handout.progress_report import render_progress_report
from tests.handout.helpers import flat, pdf_text
from tests.handout.test_progress_report import SETTINGS, _walk, course

WALKS = [_walk(20, 1, 8, 11, 3, None), _walk(22, 1, 8, 12, None, 4), _walk(25, 1, 8, 12, 4, None),
         _walk(26, 1, 8, 12, 4, None)]  # from a workstation whose clock runs ahead


def _report_text(date: dt.date) -> str:
    progress = course(sessions=WALKS)
    return flat(" ".join(pdf_text(render_progress_report(progress, settings=SETTINGS, note="", date=date))))


def test_the_walk_of_the_reports_day_is_not_yet_known_the_next_morning() -> None:
    text = _report_text(dt.date(2026, 9, 25))
    assert "Pain the next morning not recorded (no point on the chart): 2026-09-20." in text
    assert "Pain the next morning not yet known (its morning is still to come): 2026-09-25, 2026-09-26." in text
    assert "Pain during the walk not recorded (no point on the chart): 2026-09-22." in text


def test_once_their_mornings_have_come_they_are_not_recorded() -> None:
    text = _report_text(dt.date(2026, 9, 27))
    assert "Pain the next morning not recorded (no point on the chart): 2026-09-20, 2026-09-25, 2026-09-26." in text
    assert "not yet known" not in text
