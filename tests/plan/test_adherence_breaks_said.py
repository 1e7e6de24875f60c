"""The adherence figure says the breaks in walking it leaves out, in its own sentence: seen by a clinic's tester, the
bold "Adherence, weeks 1 to 5: 100% of the planned walking minutes" over a course with a 10-day break, said only in a
later sentence (15 of 18 walks over the calendar's weeks)."""

from __future__ import annotations

import datetime as dt

from core.plan.adherence import adherence_statements
from core.plan.progress import course_progress
from tests.plan.course import START, V1, walks


def test_a_break_not_counted_is_said_with_the_adherence() -> None:
    ten = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [14, 16, 18]), today=START + dt.timedelta(days=19))
    headline = adherence_statements(ten)[0]
    assert headline == ("Adherence, weeks 1 to 2: 100% of the planned walking minutes, over the weeks walked (not "
                        "counting the 10-day break in walking)")
    assert "(10 days apart): a break, not counted as missed weeks" in adherence_statements(ten)[1]
    two = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [14, 16, 18]) + walks(3, [30, 32, 34]),
                          today=START + dt.timedelta(days=35))
    assert adherence_statements(two)[0].endswith("over the weeks walked (not counting the 2 breaks in walking, of "
                                                 "10 and 12 days)")


def test_no_break_or_a_break_that_skips_a_week_adds_nothing() -> None:
    usual = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [9, 11, 13]), today=START + dt.timedelta(days=14))
    assert adherence_statements(usual)[0] == "Adherence, weeks 1 to 2: 100% of the planned walking minutes"
    skipped = course_progress([V1], walks(1, [0, 2, 4]) + walks(3, [14, 16, 18]), today=START + dt.timedelta(days=19))
    assert "not counted" not in adherence_statements(skipped)[0]  # week 2 counts as missed: in the figure already
