"""A week stopped on the pain rules' step-back advice (core/plan/progress.py): what it counts, and what a walk after
it at the same, an easier or a harder week means."""

from __future__ import annotations

import datetime as dt

from core.plan.adherence import adherence_in_words
from core.plan.progress import course_progress
from tests.plan.course import START, V1, version, walks


def test_a_week_stopped_on_the_step_back_advice_counts_only_its_walks_before_the_stop() -> None:
    """Seen in review: week 3 stopped after a walk at pain 8, as the rules advised, counted its two other walks as
    missed (adherence 66.7 %) though the patient did as the plan said."""
    sessions = (walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14], pain=8)
                + walks(2, [16, 18, 20]))
    progress = course_progress([V1], sessions, today=START + dt.timedelta(days=30))
    stopped = progress.weeks[2]
    assert (stopped.label, stopped.stopped_of, stopped.planned_walks) == ("3", 3, "1 of 3")
    assert stopped.planned_minutes == V1.plan.weeks[2].main_min and stopped.adherence_pct == 100
    assert progress.adherence_pct == 100
    assert ("Week 3 was stopped after 1 of its 3 walks, as the pain rules advised a step back: its other walks are "
            "not counted as missed") in adherence_in_words(progress)


def test_a_week_cut_short_with_no_step_back_still_counts_its_missing_walks() -> None:
    sessions = walks(1, [0, 2, 4]) + walks(2, [7], pain=5) + walks(3, [14, 16, 18])  # pain 5: hold, not step back
    progress = course_progress([V1], sessions, today=START + dt.timedelta(days=30))
    short = progress.weeks[1]
    assert short.stopped_of is None and short.planned_walks == "3" and short.adherence_pct < 34
    assert "was stopped" not in adherence_in_words(progress)


def test_a_week_stopped_by_the_step_back_is_not_in_progress() -> None:
    """Seen in review: the day after a walk at pain 8 the week read "in progress (1 of 3 walks so far), counts once
    complete" beside "Next week: Step back": the clinician was told to finish a week the rules had stopped."""
    sessions = walks(1, [0, 2, 4]) + walks(2, [7], pain=8)
    progress = course_progress([V1], sessions, today=START + dt.timedelta(days=8))
    stopped = progress.weeks[1]
    assert (stopped.status, stopped.planned_walks, stopped.adherence_pct) == ("done", "1 of 3", 100)
    assert "in progress" not in adherence_in_words(progress) and progress.suggestion.action == "step-back"
    assert progress.next_walk_week == 1


def test_a_stopped_week_walked_on_at_a_harder_week_is_not_credited() -> None:
    sessions = walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(3, [9, 11, 13])
    progress = course_progress([V1], sessions, today=START + dt.timedelta(days=30))
    ignored = progress.weeks[1]
    assert ignored.stopped_of is None and ignored.planned_walks == "3" and ignored.adherence_pct < 34
    assert "was stopped" not in adherence_in_words(progress)


def test_a_step_back_into_a_version_based_on_a_longer_walk_says_its_walks_are_longer() -> None:
    """Seen in review: after a painful week 2, a version based on a 20 min walk was saved; "Step back" then pointed
    to its week 1, longer than the week 1 the pain rules stepped back to, and the reason did not say so."""
    sessions = walks(1, [0, 2, 4]) + walks(2, [7], pain=8)
    longer = version(2, baseline_walk_min=20)
    progress = course_progress([V1, longer], sessions, today=START + dt.timedelta(days=8))
    suggestion = progress.suggestion
    assert suggestion.action == "step-back" and suggestion.next_week.week == 1
    assert suggestion.next_week.main_min > V1.plan.weeks[0].main_min
    assert (f"Its week 1, {suggestion.next_week.main_min:g} min walks, is already longer than the "
            f"{V1.plan.weeks[0].main_min:g} min these walks pointed to (version 2 was based on a longer walk): "
            "check it with the patient before they walk it.") in suggestion.reason
    same = course_progress([V1, version(2, weeks=11)], sessions, today=START + dt.timedelta(days=8))
    assert "already longer" not in same.suggestion.reason


def test_a_week_held_by_amber_pain_and_walked_on_from_is_said() -> None:
    """Seen in review: pain 5 during walking, above the safe 3 (usual pain 3), said "Hold"; the patient walked the next
    week anyway, and nothing said so, where a step back not taken is said."""
    held = walks(1, [0, 2], pain=2) + walks(1, [4], pain=5) + walks(2, [7, 9, 11])
    progress = course_progress([V1], held, today=START + dt.timedelta(days=12))
    assert [w.hold_not_kept_pain for w in progress.weeks[:2]] == [5, None]
    assert ("Week 1: pain reached 5/10 during walking, which holds the week, and the walking went on to a later week: "
            "ask the patient how the pain was") in adherence_in_words(progress)
    kept = course_progress([V1], walks(1, [0, 2], pain=2) + walks(1, [4], pain=5) + walks(1, [7, 9, 11]),
                           today=START + dt.timedelta(days=12))
    assert all(w.hold_not_kept_pain is None for w in kept.weeks)  # walked again, as the hold said
    calm = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]), today=START + dt.timedelta(days=12))
    assert all(w.hold_not_kept_pain is None for w in calm.weeks)



def test_a_week_held_for_another_reason_and_walked_on_from_is_said() -> None:
    """Seen in review: a pulse above week 1's range said "Hold ... slow the belt"; the patient walked week 2 anyway,
    and nothing said so (only a hold on amber pain was named)."""
    top = V1.plan.weeks[0].target_hr[1]
    fast = walks(1, [0, 2]) + [walks(1, [4])[0].model_copy(update={"log": walks(1, [4])[0].log.model_copy(
        update={"heart_rate": top + 10})})]
    progress = course_progress([V1], fast + walks(2, [7, 9, 11]), today=START + dt.timedelta(days=12))
    assert progress.weeks[0].hold_not_kept.startswith(f"Heart rate was {top + 10} bpm on 2026-09-05")
    assert progress.weeks[0].hold_not_kept_pain is None and progress.weeks[1].hold_not_kept is None
    assert (f"Week 1: its walks held the week (\u201cHeart rate was {top + 10} bpm on 2026-09-05, above this week's "
            ) in adherence_in_words(progress)
    assert "slow the belt.\u201d), and the walking went on to a later week: ask the patient how it went" in \
        adherence_in_words(progress)
    kept = course_progress([V1], fast + walks(1, [7, 9, 11]), today=START + dt.timedelta(days=12))
    assert all(w.hold_not_kept is None for w in kept.weeks)  # walked again, as the hold said
    last = len(V1.plan.weeks)  # the last week's hold is the plan's end, not a hold walked past
    to_the_end = [walk for week in range(1, last + 1) for walk in walks(week, [7 * week, 7 * week + 2, 7 * week + 4])]
    beyond = course_progress([V1], to_the_end + walks(last + 1, [7 * last + 7], minutes=V1.plan.weeks[-1].main_min),
                             today=START + dt.timedelta(days=100))
    assert all(w.hold_not_kept is None for w in beyond.weeks) and "held the week" not in adherence_in_words(beyond)

def test_a_step_back_not_taken_under_an_older_version_is_still_said() -> None:
    """Seen in review: week 2's walks under versions 2, 1 and 1, pain 8 on the last, then week 3 under version 1: the
    walks on under the older version were read as the clinician's answer (a version saved since), and nothing said."""
    v2 = version(2)
    sessions = (walks(1, [0, 2, 4]) + walks(2, [7], plan_version=2) + walks(2, [9]) + walks(2, [11], pain=8)
                + walks(3, [14, 16, 18]))
    progress = course_progress([V1, v2], sessions, today=START + dt.timedelta(days=19))
    assert [(w.plan_version, w.week, w.step_back_not_taken_after) for w in progress.weeks[:3]] == [
        (1, 1, None), (2, 2, 3), (1, 3, None)]


def test_a_week_walked_on_after_the_step_back_advice_is_not_said_to_be_stopped_on_it() -> None:
    """Seen in review: a walk at pain 6, another walk of the same week, then none: the report said both "stopped
    after 2 of its 3 walks, as the pain rules advised a step back" and "the walking went on without one", and counted
    the week as done to its plan (100 %)."""
    walked_on = walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14], pain=8) + walks(3, [16])
    for after in ([], walks(2, [21, 23, 25])):  # no walk since, or the step back walked later
        progress = course_progress([V1], walked_on + after, today=START + dt.timedelta(days=30))
        week = progress.weeks[2]
        assert (week.label, week.stopped_of, week.planned_walks, week.step_back_not_taken_after) == ("3", None, "3", 1)
        assert week.adherence_pct < 67
        said = adherence_in_words(progress)
        assert "was stopped" not in said
        assert "Week 3: the pain rules advised a step back after walk 1 of the week, and the walking went on" in said


def test_a_week_walked_on_from_before_its_walks_were_done_is_named_with_its_pain() -> None:
    """Seen in review: week 2 walked once at pain 5, which holds the week ("Stay at the same week"), then week 3
    walked; the report credited week 2 as done, and nothing said the week was left early or at what pain."""
    sessions = walks(1, [0, 2, 4]) + walks(2, [7], pain=5) + walks(3, [14, 16, 18])
    said = adherence_in_words(course_progress([V1], sessions, today=START + dt.timedelta(days=30)))
    assert ("Week 2: only 1 of its 3 walks before the walking went on to week 3, though pain reached 5/10 during "
            "walking, which holds the week: ask the patient how it went") in said
    painless = walks(1, [0, 2, 4]) + walks(2, [7, 9]) + walks(3, [14, 16, 18])
    said = adherence_in_words(course_progress([V1], painless, today=START + dt.timedelta(days=30)))
    assert "Week 2: only 2 of its 3 walks before the walking went on to week 3: ask the patient how it went" in said
    done = walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14, 16])  # week 3 in progress: not named
    said = adherence_in_words(course_progress([V1], done, today=START + dt.timedelta(days=17)))
    assert "went on to" not in said


def test_the_adherence_of_a_week_walked_again_says_it_counts_each_time() -> None:
    """Seen in review: "Adherence, week 1: 53.8 %" under week 1's row of 84.4 %: the figure of week 1 and its walk
    again together."""
    sessions = walks(1, [0, 2, 4]) + walks(2, [7], pain=8) + walks(1, [9, 11, 13]) + walks(2, [16])
    said = adherence_in_words(course_progress([V1], sessions, today=START + dt.timedelta(days=17)))
    assert said.startswith("Adherence, weeks 1 to 2, counting each time a week was walked: ")
