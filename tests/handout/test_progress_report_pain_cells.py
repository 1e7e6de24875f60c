"""A week's highest pain in the progress report's table, "3", "1 not recorded", "1 not yet", one part a line: at
11 pt "recorded;" is wider than the column, and a helper found the word split in it ("3; 1 not r" / "ecorded;")."""

from __future__ import annotations

import pytest

from core.handout.progress_report import render_progress_report
from core.plan.engine import compute_plan
from core.plan.progress import VersionInCourse, course_progress
from core.settings import Settings
from tests.handout.helpers import example, pdf_text
from tests.handout.test_progress_report import DATE, _walk


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_word_of_a_weeks_highest_pain_is_split(paper) -> None:
    profile = example("diabetic-neuropathy")
    versions = [VersionInCourse(version=1, plan_id=1, saved_at="2026-09-01T10:00:00", saved_by="Dr Grace Okafor",
                                profile=profile, plan=compute_plan(profile, []), overrides=[])]
    walks = [_walk(20, 1, 8, 11, 3, 3, stiffer=False), _walk(22, 1, 8, 12, 4, None),
             _walk(25, 1, 8, 12, 3, None)]  # the last walked on the report's day: its next morning has not come
    progress = course_progress(versions, walks, today=DATE)
    assert progress.weeks[0].pain_next_morning_shown == "3; 1 not recorded; 1 not yet"
    text = pdf_text(render_progress_report(progress, settings=Settings(), note="", date=DATE, paper=paper))[0]
    assert "1 not recorded" in text and "1 not yet" in text, text
    assert "not r\n" not in text and "\necorded" not in text, text
