"""A walk dated today has no next morning yet: its next-morning values are refused by name on the command line."""

from __future__ import annotations

import datetime as dt

from tests.test_sessions_cli import json_of, patient  # noqa: F401 (the fixture)


def test_a_walk_dated_today_has_no_next_morning_yet(run_main, patient) -> None:  # noqa: F811 (the fixture)
    """Seen in review: pain "the next morning" of a walk dated today was taken in, and the week's advice stepped back
    on a morning that had not come. Both next-morning fields are named, with the file's other problems; the same walk
    dated yesterday is logged."""
    data, session_file = patient
    today, yesterday = dt.date.today(), dt.date.today() - dt.timedelta(days=1)
    morning = {"pain_next_morning": 5, "stiffer_next_morning": True}
    result = run_main("sessions", "add", "1", session_file("a", date=today.isoformat(), **morning), data_dir=data)
    lines = result.stderr.splitlines()
    assert result.returncode == 2 and len(lines) == 2, result.stderr
    assert lines[0] == (f"a.json: pain_next_morning: the morning after this walk has not come yet (it is dated today, "
                        f"{today.isoformat()}); give the day it was walked if it was earlier, or leave it not recorded "
                        "and correct the session to add it tomorrow")
    assert lines[1].startswith("a.json: stiffer_next_morning: the morning after this walk has not come yet")
    both = run_main("sessions", "add", "1", session_file("b", date=today.isoformat(), pain_during=11,
                                                         pain_next_morning=4), data_dir=data)
    assert both.returncode == 2 and "pain_during: " in both.stderr and "pain_next_morning: the morning" in both.stderr
    assert json_of(run_main("sessions", "list", "1", "--format", "json", data_dir=data)) == []
    logged = run_main("sessions", "add", "1", session_file("c", date=yesterday.isoformat(), **morning), data_dir=data)
    assert logged.returncode == 0, logged.stderr
    unset = run_main("sessions", "add", "1", session_file("d", date=today.isoformat(), pain_next_morning=None,
                                                          stiffer_next_morning=None), data_dir=data)
    assert unset.returncode == 0, unset.stderr
