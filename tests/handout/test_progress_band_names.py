"""The pain chart's caption names the version whose band names are on the right: the latest walk's, as the chart
draws them. Seen by a helper: a walk logged today under version 1 after one under version 2, and the caption said the
names were version 2's beside version 1's "too much 7-10"."""

from __future__ import annotations

from core.handout.progress_report import render_progress_report
from core.plan.engine import compute_plan
from core.plan.progress import VersionInCourse, course_progress
from tests.handout.helpers import example, flat, pdf_text
from tests.handout.test_progress_report import DATE, SETTINGS, _walk


def test_the_caption_names_the_latest_walks_version() -> None:
    first = example("diabetic-neuropathy", pain_nrs=4)
    second = first.model_copy(update={"pain_nrs": 6})
    versions = [VersionInCourse(version=number, plan_id=number, saved_at=f"2026-09-{day:02d}T10:00:00",
                                saved_by="Dr A", profile=profile, plan=compute_plan(profile, []), overrides=[])
                for number, day, profile in ((1, 1, first), (2, 8, second))]
    progress = course_progress(versions, [_walk(3, 1, 8, 12, 3, 3), _walk(20, 1, 9, 12, 4, 4, version=2),
                                          _walk(21, 1, 9, 12, 4, 4, version=1)])
    assert progress.sessions[-1].plan_version == 1
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=SETTINGS, note="", date=DATE))))
    assert "the band names on the right are those of version 1, the latest walk's." in text, text
