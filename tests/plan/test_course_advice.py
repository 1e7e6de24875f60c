"""What progress tells the clinician about the pain rules' advice: a step back advised and not taken, whether it
came part-way through a week or with its last walk (core/plan/course_rows.py, core/plan/progress.py)."""

from __future__ import annotations

import datetime as dt

from core.plan.adherence import adherence_in_words
from core.plan.progress import course_progress
from tests.plan.test_progress import START, V1, version, walks


def test_a_step_back_advised_and_not_taken_is_said_after_the_week_goes_on() -> None:
    """Seen in review: "Week 4 was stopped after 2 of its 3 walks, as the pain rules advised a step back" vanished
    once the patient walked week 4's third walk anyway; the row read done, 3 of 3, 100 %."""
    walked_on = walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [11], pain=8) + walks(2, [12])
    progress = course_progress([V1], walked_on, today=START + dt.timedelta(days=20))
    assert progress.weeks[1].step_back_not_taken_after is None  # 3 planned walks, the painful one the last of them
    walked_on = walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(2, [9, 11])
    progress = course_progress([V1], walked_on, today=START + dt.timedelta(days=20))
    week = progress.weeks[1]
    assert (week.label, week.walked_sessions, week.step_back_not_taken_after) == ("2", 3, 1)
    assert ("Week 2: the pain rules advised a step back after walk 1 of the week, and the walking went on without one: "
            "ask the patient how the pain was") in adherence_in_words(progress)
    harder = walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(3, [9, 11, 13])  # on at a harder week instead
    said = adherence_in_words(course_progress([V1], harder, today=START + dt.timedelta(days=30)))
    assert "Week 2: the pain rules advised a step back after walk 1 of the week" in said
    followed = walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(1, [9, 11, 13])
    assert "advised a step back after" not in adherence_in_words(
        course_progress([V1], followed, today=START + dt.timedelta(days=30)))


def test_a_step_back_advised_by_a_weeks_last_walk_and_not_taken_is_said() -> None:
    """Seen in review: pain 8 at week 2's last walk, then week 3 walked anyway, read as done and 100 %."""
    harder = walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [11], pain=8) + walks(3, [14, 16, 18])
    said = adherence_in_words(course_progress([V1], harder, today=START + dt.timedelta(days=30)))
    assert "Week 2: the pain rules advised a step back after walk 3 of the week, and the walking went on" in said
    back = walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [11], pain=8) + walks(1, [14, 16, 18])
    assert "advised a step back" not in adherence_in_words(
        course_progress([V1], back, today=START + dt.timedelta(days=30)))


def test_walks_under_a_version_saved_since_are_the_clinicians_answer_not_the_advice_ignored() -> None:
    """Seen in review: a painful walk of week 2 under version 1, then week 2's walks under version 2 (saved after
    it), read as the step back not taken."""
    v2 = version(2)
    answered = walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(2, [9, 11], plan_version=2)
    said = adherence_in_words(course_progress([V1, v2], answered, today=START + dt.timedelta(days=20)))
    assert "advised a step back" not in said


def test_a_week_numbered_again_by_a_later_version_is_named_with_its_version() -> None:
    """Seen in testing: "Week 2: ... advised a step back after 2 of its walks" and "week 2, after 1 of 3 walks; week
    2, after 1 of 3 walks" in the report, where version 2 numbered its weeks again from 1."""
    v2 = version(2).model_copy(update={"saved_at": "2026-09-20T10:00:00+00:00"})
    course = (walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(2, [9, 11])
              + walks(1, [20, 22, 24], plan_version=2) + walks(2, [27, 29, 31], plan_version=2))
    said = adherence_in_words(course_progress([V1, v2], course, today=START + dt.timedelta(days=33)))
    assert "Week 2 of plan version 1: the pain rules advised a step back after walk 1 of the week" in said
    alone = adherence_in_words(course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(2, [9, 11]),
                                               today=START + dt.timedelta(days=12)))
    assert "Week 2: the pain rules" in alone  # one version: no need to say which


def test_a_step_back_advised_by_a_weeks_last_walk_is_the_advice_while_the_next_week_is_begun() -> None:
    """Seen in review: next-morning pain 7 (usual 4) after week 2's last walk, then one walk of week 3: "Hold. Week 3
    is in progress, 1 of 3 walks so far: finish its walks", and a new version's handout started the patient at week
    3. Once the harder week is walked in full, its own walks are judged."""
    flare = walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(2, [11], morning=6)
    progress = course_progress([V1], flare + walks(3, [14]), today=START + dt.timedelta(days=15))
    assert (progress.suggestion.action, progress.suggestion.next_week.week, progress.next_walk_week) == (
        "step-back", 1, 1)
    assert progress.suggestion.reason == (
        "Week 2's walks: pain the next morning after 2026-09-12 was 6/10, above the usual 3/10: step back to week 1's "
        "minutes. Week 3 was begun after them instead, 1 of 3 walks: ask the patient how the pain is before the next "
        "walk.")
    assert progress.judged_from == "weeks 2 and 3"  # the heading over that reason: "week 3" alone, before
    later = course_progress([V1], flare + walks(3, [14]), today=START + dt.timedelta(days=30))  # no longer in progress
    assert (later.suggestion.action, later.next_walk_week) == ("step-back", 1)
    assert [week.label for week in progress.weeks if week.status == "ahead"][:2] == ["1 (again)", "2 (again)"]
    walked_back = course_progress([V1], flare + walks(1, [14]), today=START + dt.timedelta(days=15))
    assert walked_back.suggestion.reason.startswith("Week 1 (again) is in progress")
    walked_through = course_progress([V1], flare + walks(3, [14, 16, 18]), today=START + dt.timedelta(days=19))
    assert (walked_through.suggestion.action, walked_through.suggestion.next_week.week) == ("progress", 4)
    assert (walked_through.judged_from, walked_back.judged_from) == ("week 3", "week 1 (again)")


def test_a_step_back_in_a_flat_stretch_is_the_week_walked_again_more_slowly() -> None:
    """Seen in review: with every week 3 walks of 30 min, pain 7 in week 4 read "step back to week 3's minutes" (the
    same walks); walking week 4 again, as the handout now says, is the step back taken, in a row of its own."""
    flat = version(1, baseline_walk_min=30, max_sessions_per_week=3)
    assert {(week.sessions, week.main_min) for week in flat.plan.weeks} == {(3, 30.0)}
    course = walks(1, [0, 2, 4], minutes=30) + walks(2, [7, 9, 11], minutes=30) + walks(3, [14, 16, 18], minutes=30)
    flare = course + walks(4, [21], pain=7, minutes=30)
    progress = course_progress([flat], flare, today=START + dt.timedelta(days=22))
    assert (progress.suggestion.action, progress.next_walk_week) == ("step-back", 4)
    again = course_progress([flat], flare + walks(4, [23, 25, 27], minutes=30), today=START + dt.timedelta(days=28))
    assert [week.label for week in again.weeks if week.walked_sessions][-2:] == ["4", "4 (again)"]
    assert "Week 4 was stopped after 1 of its 3 walks, as the pain rules advised a step back" in \
        adherence_in_words(again)  # taken: walked again, not walked on
    walked_on = course_progress([flat], flare + walks(5, [23, 25, 27], minutes=30), today=START + dt.timedelta(days=28))
    assert "Week 4: the pain rules advised a step back after walk 1 of the week" in adherence_in_words(walked_on)


def test_weeks_walked_before_stiffness_was_recorded_are_not_said_to_be_held_and_walked_on() -> None:
    """A stiffness not recorded holds the week the next walk is judged from; looking back at weeks walked on from, it
    is not said (seen in testing: a course logged before schema 12, no stiffness in any walk, read "Week N: its
    walks held the week ... and the walking went on" for every week)."""
    def unrecorded(logged):
        return [item.model_copy(update={"log": item.log.model_copy(update={"stiffer_next_morning": None})})
                for item in logged]

    course = unrecorded(walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14, 16, 18]))
    progress = course_progress([V1], course, today=START + dt.timedelta(days=19))
    assert "held the week" not in adherence_in_words(progress)
    assert progress.suggestion.action == "hold" and "stiffer is not recorded" in progress.suggestion.reason


def test_walks_after_a_full_week_that_stays_at_its_week_are_the_week_walked_again() -> None:
    """Seen in review: in a flat stretch, a step back advised by a week's last walk ("stay at week 4"), then week 4
    walked again: the first repeat walk joined the finished week as an extra walk, "beyond the plan"."""
    flat = version(1, baseline_walk_min=30, max_sessions_per_week=3)
    course = walks(1, [0, 2, 4], minutes=30) + walks(2, [7, 9, 11], minutes=30) + walks(3, [14, 16, 18], minutes=30)
    flare = course + walks(4, [21, 23], minutes=30) + walks(4, [25], morning=6, minutes=30)
    again = course_progress([flat], flare + walks(4, [27, 29, 31], minutes=30), today=START + dt.timedelta(days=32))
    walked = [week for week in again.weeks if week.walked_sessions]
    assert [(week.label, week.walked_sessions) for week in walked][-2:] == [("4", 3), ("4 (again)", 3)]
    assert walked[-2].beyond_plan is None and "advised a step back" not in adherence_in_words(again)
