"""A mistyped year is refused by name (seen by a clinic's tester: 2010-06-01 was logged with a note only, then counted
in the course's adherence, "6012 days apart" from the next walk): no walk of a course is dated more than a year
before its first plan. A paper diary begun before the plan is kept, with its note."""

from __future__ import annotations

import datetime as dt

from tests.test_sessions_cli import json_of, patient  # noqa: F401 (the fixture)


def test_a_walk_years_before_the_course_is_refused_naming_the_date(run_main, patient) -> None:  # noqa: F811
    data, session_file = patient
    today = dt.date.today()
    from core.records.walk_dates import earliest_walk

    earliest = earliest_walk(today)  # a year before the plan, saved today
    result = run_main("sessions", "add", "1", session_file("typo", date="2010-06-01"), data_dir=data)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"typo.json: date: 2010-06-01 is more than a year before this patient's first plan was saved on "
        f"{today.isoformat()}, too early to be a walk of this course: check the year; allowed: from "
        f"{earliest.isoformat()} to today")
    assert json_of(run_main("sessions", "list", "1", "--format", "json", data_dir=data)) == []
    kept = run_main("sessions", "add", "1", session_file("first", date=earliest.isoformat()), data_dir=data)
    assert kept.returncode == 0 and "before the first plan was saved" in kept.stderr
    corrected = run_main("sessions", "edit", "1", session_file("year", date=(earliest - dt.timedelta(days=1))
                                                               .isoformat()), data_dir=data)
    assert corrected.returncode == 2 and "year.json: date: " in corrected.stderr
    assert "check the year" in corrected.stderr
    assert json_of(run_main("sessions", "list", "1", "--format", "json", data_dir=data))[0]["date"] == \
        earliest.isoformat()  # as it was


def test_the_window_refuses_it_on_the_date_and_keeps_the_log(qtbot, data_dir) -> None:
    from core.plan.session_log import SessionLog
    from tests.ui.course_helpers import saved_patient, walk

    window = saved_patient(qtbot, data_dir)
    window._on_sessions_log_requested(SessionLog(date=dt.date(2010, 6, 1), week=1, minutes=10, rpe=12))
    said = window.sessions.message.text()
    assert said.startswith("Not saved. Date: 2010-06-01 is more than") and "check the year" in said, said
    assert window._course.sessions == []
    window._on_sessions_log_requested(walk(2, 1))
    logged = window._course.sessions[0]
    window._on_sessions_correction_requested(logged.id, logged.as_logged().model_copy(
        update={"date": logged.date.replace(year=logged.date.year - 2)}))
    assert "check the year" in window.sessions.message.text()
    assert window._course.sessions[0].date == logged.date
