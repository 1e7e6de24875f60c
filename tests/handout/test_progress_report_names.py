"""The progress report's plan versions: who saved each, with every word of the name whole on its line. Seen in
review: "Dr Maximiliana P / apadopoulou-Va / nderberghe" in a column of fixed width."""

from __future__ import annotations

from core.handout.progress_report import render_progress_report
from tests.handout.helpers import pdf_text
from tests.handout.test_progress_report import DATE, SETTINGS, course

LONG = "Dr Maximiliana Papadopoulou-Vanderberghe"


def test_a_long_name_and_the_dates_are_broken_only_between_words() -> None:
    progress = course()
    progress = progress.model_copy(update={"versions": [version.model_copy(update={"saved_by": LONG})
                                                        for version in progress.versions]})
    first_page = pdf_text(render_progress_report(progress, settings=SETTINGS, note="", date=DATE))[0]
    lines = [line.strip() for line in first_page.splitlines()]
    assert sum("Papadopoulou-Vanderberghe" in line for line in lines) == 2, first_page
    assert "2026-09-01" in first_page and "2026-09-15" in first_page  # the days saved on, whole
