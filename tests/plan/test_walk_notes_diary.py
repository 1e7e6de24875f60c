"""A paper diary entered after the first plan was saved: its weeks count from its first walk (seen by a clinic's
tester: week 2, walked three weeks after the diary's first walk, was told "Week 2 begins 1 week after the first plan
was saved ...: check the week")."""

from __future__ import annotations

import datetime as dt

from tests.plan.test_walk_notes import BEGAN, HISTORY, walk


def test_the_weeks_count_from_a_diary_walk_before_the_first_plan() -> None:
    diary = [walk(1, 1, -19), walk(2, 1, -17), walk(3, 2, -12)]
    today = walk(4, 2, 0)  # week 2 on the day the plan was saved, its first walk 19 days before
    assert [note for note in today.notes_in(HISTORY, [*diary, today]) if "check the week" in note] == []


def test_a_week_too_soon_after_the_diary_began_is_still_questioned_from_it() -> None:
    diary = [walk(1, 1, -3)]
    early = walk(2, 3, 0)  # week 3 three days after the first walk
    notes = [note for note in early.notes_in(HISTORY, [*diary, early]) if "begins" in note]
    first = (BEGAN - dt.timedelta(days=3)).isoformat()
    assert notes == [f"Week 3 begins 2 weeks after the first walk ({first}), on "
                     f"{(BEGAN + dt.timedelta(days=11)).isoformat()} at the earliest, and the walk is dated "
                     f"{BEGAN.isoformat()}: check the week (walked sooner than that, the minutes rise faster than the "
                     "plan's weekly steps)."]


def test_without_a_walk_before_the_plan_the_weeks_count_from_the_day_it_was_saved() -> None:
    early = walk(1, 2, 3)
    assert any(f"Week 2 begins 1 week after the first plan was saved ({BEGAN.isoformat()})" in note
               for note in early.notes_in(HISTORY, [early]))


def test_a_walk_older_than_the_longest_plan_is_asked_for_its_year_and_does_not_start_the_weeks() -> None:
    """Seen in review: last year's date typed in January, within the year the records take, put week 1 a year back,
    and no later walk was asked to check its week."""
    typo = walk(1, 1, -300)  # 300 days before the 12-week plan was saved
    notes = typo.notes_in(HISTORY, [typo])
    assert notes[0].endswith("It is 300 days before it, longer than this patient's longest plan: check the year.")
    early = walk(2, 3, 0)  # week 3 on the day the plan was saved
    assert any("Week 3 begins 2 weeks after the first plan was saved" in note
               for note in early.notes_in(HISTORY, [typo, early]))
