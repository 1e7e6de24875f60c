"""The progress report in courses the first read did not cover: a blocked plan in force, a right-to-left name."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from core.handout.progress_report import render_progress_report
from core.plan.engine import compute_plan
from core.plan.progress import VersionInCourse, course_progress
from tests.handout.helpers import example, flat, pdf_text
from tests.handout.test_progress_report import DATE, SETTINGS, _walk, course


def test_a_blocked_plan_in_force_is_not_read_as_a_course_complete() -> None:
    """Seen in review: with version 3 blocked by screening, "Weeks covered: weeks 1 to 2 of 2"."""
    first = example("diabetic-neuropathy")
    blocked = first.model_copy(update={"contraindications": ["unstable-angina"]})
    versions = [VersionInCourse(version=number, plan_id=number, saved_at=f"2026-09-{day:02d}T10:00:00",
                                saved_by="Dr Grace Okafor", profile=patient, plan=compute_plan(patient, []),
                                overrides=[]) for number, day, patient in ((1, 1, first), (2, 15, blocked))]
    walks = [_walk(day, week, 9, 12, 2, 2) for day, week in ((2, 1), (4, 1), (6, 1), (9, 2), (11, 2), (13, 2))]
    text = flat(" ".join(pdf_text(render_progress_report(course_progress(versions, walks), settings=SETTINGS,
                                                         note="", date=DATE))))
    assert ("Weeks covered weeks 1 to 2 (plan version 2, the plan in force, is blocked by screening); 6 walks"
            in text), text[:600]
    assert "Silbernagel" not in text and "Caveat" not in text  # a screening block is not the pain model's advice
    alone = flat(" ".join(pdf_text(render_progress_report(course_progress(versions[1:], []), settings=SETTINGS,
                                                          note="", date=DATE))))  # blocked before any walk
    assert "Plan version 2 is blocked by screening." in alone and "None" not in alone and "first chart" not in alone


def test_a_right_to_left_name_keeps_the_footer_in_its_order() -> None:
    """Seen in review: an Arabic name's footer read "Progress report for 2026-09-25 ,فاطمة حداد"."""
    report = render_progress_report(course(name="فاطمة حداد"), settings=SETTINGS, note="", date=DATE)
    found: list[tuple[float, str]] = []  # (x, text) of the footer's pieces
    PdfReader(BytesIO(report)).pages[0].extract_text(visitor_text=lambda text, cm, tm, *_: tm[5] * cm[3] + cm[5] < 60
                                                     and found.append((tm[4] * cm[0] + cm[4], text)))
    arabic = [x for x, text in found if any("\u0600" <= c <= "\u06ff" or "\ufe70" <= c <= "\ufeff" for c in text)]
    assert max(arabic) < min(x for x, text in found if "2026-09-25" in text), found


def test_a_note_that_could_reorder_printed_text_is_refused_and_lines_are_kept() -> None:
    """The window's note went to the report unchecked: a direction override reorders the text printed after it."""
    import pytest

    from core.handout.export import HandoutError
    from core.workspace.course import progress_report_pdf

    with pytest.raises(HandoutError, match="the note must not contain right-to-left or left-to-right override"):
        progress_report_pdf(course(), SETTINGS, note="Walks \u202eslower", date=DATE)
    with pytest.raises(HandoutError, match="the note must not contain control characters other than line breaks and "
                                           "tabs"):  # a bell: not "such as line breaks or tabs", which it keeps
        progress_report_pdf(course(), SETTINGS, note="Walks\nwell\x07", date=DATE)
    text = flat(" ".join(pdf_text(progress_report_pdf(course(), SETTINGS, note="Line one\n\tLine two", date=DATE))))
    assert "Line one Line two" in text


def test_the_suggestion_names_a_week_walked_again_as_the_course_does() -> None:
    """Seen in review: "From the walks logged in week 1" for walks of "1 (again)", after a step back."""
    walks = [_walk(day, 1, 8, 11, 2, 2) for day in (2, 4, 6)] + [_walk(9, 2, 8.5, 12, 9, 3), _walk(11, 1, 8, 11, 2, 2)]
    text = flat(" ".join(pdf_text(render_progress_report(course(sessions=walks), settings=SETTINGS, note="",
                                                         date=DATE))))
    assert "From the walks logged in week 1 (again) (plan version 1)" in text, text


def test_a_report_dated_before_the_first_version_says_its_walks_came_from_a_diary() -> None:
    """Seen by a clinic's tester: "Report date 2026-11-20" above "Plan versions 1 (saved 2026-12-05)" read as a
    back-dated report."""
    import datetime as dt

    patient = example("diabetic-neuropathy")
    version = VersionInCourse(version=1, plan_id=1, saved_at="2026-09-20T10:00:00", saved_by="Dr Grace Okafor",
                              profile=patient, plan=compute_plan(patient, []), overrides=[])
    walks = [_walk(day, 1, 9, 12, 2, 2) for day in (2, 4, 6)]
    report_day = dt.date(2026, 9, 10)
    text = flat(" ".join(pdf_text(render_progress_report(course_progress([version], walks, today=report_day),
                                                         settings=SETTINGS, note="", date=report_day))))
    assert ("Plan versions 1 (saved 2026-09-20, after this report's date: the walks to 2026-09-10 were typed in from "
            "the patient's diary)") in text, text[:800]
    later = flat(" ".join(pdf_text(render_progress_report(course_progress([version], walks), settings=SETTINGS,
                                                          note="", date=DATE))))
    assert "Plan versions 1 (saved 2026-09-20) " in later
