"""The course of care's progress (core/plan/progress.py): rows as walked, adherence, and the next-week
suggestion judged on the latest walks, pointing into the plan in force."""

from __future__ import annotations

import datetime as dt

from core.plan.adjustment import ACTION_WORDS
from core.plan.overrides import WeekOverride
from core.plan.adherence import adherence_in_words
from core.plan.progress import LoggedSession, course_progress
from core.plan.session_log import SessionLog
from tests.plan.course import START, V1, version, walks


def test_a_repeated_week_is_its_own_row_and_the_latest_walks_are_judged() -> None:
    """Week 3 went badly (pain 8: step back), week 2 was repeated well: judge the repeat, not week 3."""
    sessions = (walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14], pain=8)
                + walks(2, [16, 18, 20]))
    progress = course_progress([V1], sessions, today=START + dt.timedelta(days=21))
    assert [w.label for w in progress.weeks[:5]] == ["1", "2", "3", "2 (again)", "3 (again)"]  # in the order walked
    assert progress.current_week == 2 and progress.suggestion.action == "progress"
    assert progress.suggestion.next_week.week == 3


def test_the_week_it_points_to_comes_from_the_plan_in_force() -> None:
    v2 = version(2, overrides=[WeekOverride(week=3, main_min=7)])
    sessions = walks(1, [0, 2, 4]) + walks(2, [7, 9, 11])
    progress = course_progress([V1, v2], sessions, today=START + dt.timedelta(days=12))
    assert progress.suggestion.action == "progress" and progress.current_version == 1
    target = progress.suggestion.next_week
    assert (target.week, target.main_min) == (3, 7) and "plan version 2, the plan in force" in progress.suggestion.reason


def test_a_week_the_clinician_lengthened_by_hand_is_walked_as_changed() -> None:
    """Seen in review: version 2 raised week 2 by hand from 11 to 13 min; the walks were sent back to week 1 as if
    the version had been based again on a longer walk, and version 2's week 1 showed ahead after version 1's."""
    longer = V1.plan.weeks[1].main_min + 2
    v2 = version(2, overrides=[WeekOverride(week=2, main_min=longer)])
    progress = course_progress([V1, v2], walks(1, [0, 2, 4]), today=START + dt.timedelta(days=5))
    target = progress.suggestion.next_week
    assert (target.week, target.main_min) == (2, longer) and "is walked from its week" not in progress.suggestion.reason
    assert [(w.plan_version, w.week) for w in progress.weeks][:3] == [(1, 1), (2, 2), (2, 3)]


def test_a_blocked_newest_version_pauses_the_walks_and_says_why() -> None:
    """Seen in review: "Next week: Hold" under a version blocked by screening read as "walk this week again"."""
    blocked = version(2, contraindications=["unstable-angina"])
    assert blocked.plan.blocked
    progress = course_progress([V1, blocked], walks(1, [0, 2, 4]), today=START + dt.timedelta(days=5))
    suggestion = progress.suggestion
    assert suggestion.action == "pause" and suggestion.next_week is None
    assert ACTION_WORDS[suggestion.action] == "No walks until screening is resolved"
    assert "Plan version 2, saved after these walks, is blocked by screening." in suggestion.reason
    assert "unstable angina" in suggestion.reason.lower() and "To go ahead: Exercise waits" in suggestion.reason


def test_a_new_version_starting_again_at_week_1_is_judged_on_its_own_walks() -> None:
    v2 = version(2, weeks=8)
    sessions = walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(1, [14, 16, 18], plan_version=2)
    progress = course_progress([V1, v2], sessions, today=START + dt.timedelta(days=19))
    assert (progress.current_week, progress.current_version) == (1, 2)
    assert progress.suggestion.next_week.week == 2
    rows = [(w.plan_version, w.week, w.walked_sessions) for w in progress.weeks if w.walked_sessions]
    assert rows == [(1, 1, 3), (1, 2, 3), (2, 1, 3)]  # never pooled across versions; in the order walked
    assert [(w.plan_version, w.week) for w in progress.weeks if w.status == "ahead"] == [(2, n) for n in range(2, 9)]


def test_missed_weeks_count_and_a_week_in_progress_waits() -> None:
    sessions = walks(1, [0, 2, 4]) + walks(3, [14])  # week 2 missed, week 3 just begun
    today = START + dt.timedelta(days=15)
    progress = course_progress([V1], sessions, today=today)
    status = {w.week: w.status for w in progress.weeks[:4]}
    assert status == {1: "done", 2: "missed", 3: "in progress", 4: "ahead"}
    week_1, week_2 = progress.weeks[0], progress.weeks[1]
    assert progress.adherence_pct == round(week_1.walked_minutes / (week_1.planned_minutes + week_2.planned_minutes)
                                           * 100, 1)
    later = course_progress([V1], sessions, today=today + dt.timedelta(days=10))  # no walk for a week and more
    assert later.weeks[2].status == "done" and later.adherence_pct < progress.adherence_pct
    # Said with the counted weeks named, and the week in progress apart from them.
    assert adherence_in_words(progress) == (
        f"Adherence, weeks 1 to 2: {round(progress.adherence_pct, 1):g}% of the planned walking minutes. "
        "No walk logged between the walks of 2026-09-05 and 2026-09-15 (10 days apart)"
        ". Week 3 is in progress (1 of 3 walks so far) and counts once complete "
        "(4 sessions logged).")  # a gap of a week or more is named; week 2 is counted missed, so not "a break"
    assert adherence_in_words(course_progress([V1], [])) == (
        "Adherence: not yet known, no walk is logged yet (0 sessions logged).")
    first_walk = course_progress([V1], walks(1, [0]), today=START)
    assert adherence_in_words(first_walk).startswith(
        "Overall adherence: none counted yet, as no week is done or missed. Week 1 is in progress (1 of 3 walks so "
        "far)")


def test_a_pain_not_recorded_is_never_zero() -> None:
    progress = course_progress([V1], walks(1, [0, 2, 4], pain=None, morning=None), today=START)
    week = progress.weeks[0]
    assert (week.highest_pain_during, week.highest_pain_next_morning) == (None, None)
    assert progress.suggestion.action == "hold" and "not recorded" in progress.suggestion.reason


def test_a_week_in_progress_is_not_judged_short_but_its_pain_rules_act_at_once() -> None:
    """Seen in review: "Week 7 is in progress (2 of 3 walks so far)" beside "Hold: 2 of 3 planned sessions
    reached 16.5 minutes: repeat this week", and "Next week: Hold" after the first walk of week 1."""
    first_walk = course_progress([V1], walks(1, [0]), today=START)
    assert first_walk.suggestion.action == "hold"
    assert "Week 1 is in progress, 1 of 3 walks so far: finish its walks" in first_walk.suggestion.reason
    assert "repeat this week" not in first_walk.suggestion.reason
    painful = course_progress([V1], walks(1, [0], pain=8), today=START)
    assert painful.suggestion.action == "step-back"  # pain above the rules: said at once, mid-week
    stopped = course_progress([V1], walks(1, [0]), today=START + dt.timedelta(days=20))  # the week ended short
    assert "repeat this week" in stopped.suggestion.reason
    # seen in review: after a step back, "Week 1 is in progress, 1 of 3 walks so far", as if the walks before it
    # had not counted; the week walked again is named so
    retry = course_progress([V1], walks(1, [0]) + walks(1, [2], morning=6) + walks(1, [4]),
                            today=START + dt.timedelta(days=5))
    assert retry.suggestion.reason.startswith("Week 1 (again) is in progress, its walks counted anew as it is walked "
                                              "again: 1 of 3 walks so far; finish its walks")


def test_a_version_based_again_on_what_the_patient_walks_now_is_walked_on_without_a_jump() -> None:
    """Seen in review: in week 7 the clinician saved version 2 with "continuous walking today" raised from 10 to
    16 min; its week 7 was 26.5 min, and the suggestion said "Then: week 7, 3 days of 26.5 min walks" after walks
    of 16.5 min. The walks go on at the new version's last week no longer than the week they pointed to."""
    sessions = [item for week in range(1, 7) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    rebased = version(2, baseline_walk_min=16)
    progress = course_progress([V1, rebased], sessions, today=START + dt.timedelta(days=40))
    wanted = V1.plan.weeks[6]  # week 6 done: week 7 of version 1 is next
    target = progress.suggestion.next_week
    assert rebased.plan.weeks[6].main_min > wanted.main_min  # the same week number would be a jump
    assert target.main_min <= max(wanted.main_min, rebased.plan.weeks[0].main_min) and target.week < 7
    assert f"Version 2 is walked from its week {target.week}" in progress.suggestion.reason
    unchanged = course_progress([V1, version(2, weeks=11)], sessions, today=START + dt.timedelta(days=40))
    assert unchanged.suggestion.next_week.week == 7  # a version that does not start again lower goes on as numbered


def test_the_course_of_a_version_based_again_on_what_the_patient_walks_now_reads_in_order() -> None:
    """Seen in review: after version 2, based again on 16 min, was saved in week 7, its weeks 1-7 were hidden
    behind version 1's, version 1's rows and version 2's interleaved by week number, and adherence said "weeks 1
    to 7" of two versions' weeks."""
    sessions = [item for week in range(1, 7) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    rebased = version(2, baseline_walk_min=16)
    saved = course_progress([V1, rebased], sessions, today=START + dt.timedelta(days=40))
    start = saved.suggestion.next_week.week
    assert [(w.plan_version, w.week, w.status) for w in saved.weeks] == (
        [(1, n, "done") for n in range(1, 7)] + [(2, n, "ahead") for n in range(start, 13)])
    assert saved.next_walk_week == start
    later = sessions + walks(start, [42, 44, 46], plan_version=2, minutes=rebased.plan.weeks[start - 1].main_min) \
        + walks(start + 2, [56], plan_version=2, minutes=rebased.plan.weeks[start + 1].main_min)
    walked_on = course_progress([V1, rebased], later, today=START + dt.timedelta(days=57))
    assert [(w.plan_version, w.week, w.status) for w in walked_on.weeks] == (
        [(1, n, "done") for n in range(1, 7)] + [(2, start, "done"), (2, start + 1, "missed"),
                                                 (2, start + 2, "in progress")]
        + [(2, n, "ahead") for n in range(start + 3, 13)])
    assert adherence_in_words(walked_on).startswith(
        f"Adherence, weeks 1 to 6 of plan version 1 and weeks {start} to {start + 1} of plan version 2: ")


def test_a_week_missed_before_a_new_version_stays_under_the_version_it_was_missed_in() -> None:
    """Seen in review: week 4, missed under version 1, showed as "v2, 61.5 min, 0 %" once version 2 was saved, in
    the progress report for the referring physician too, and overall adherence fell from 64.3 to 59.6 %."""
    sessions = [item for week in (1, 2, 3, 5, 6, 7) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    alone = course_progress([V1], sessions, today=START + dt.timedelta(days=50))
    both = course_progress([V1, version(2, baseline_walk_min=16)], sessions, today=START + dt.timedelta(days=50))
    [missed] = [week for week in both.weeks if week.status == "missed"]
    assert (missed.week, missed.plan_version, missed.planned_minutes) == (4, 1, V1.plan.weeks[3].weekly_main_min)
    assert both.adherence_pct == alone.adherence_pct


def test_each_walk_carries_its_own_weeks_effort_target() -> None:
    """Seen in review: the effort chart shaded the plan's moderate 12-13 for every walk, so a light week's 12
    looked on target while the suggestion beside it said the walk was too hard."""
    from core.plan import guidelines as g

    starts_light = version(1, baseline_walk_min=g.LIGHT_START_BELOW_MIN - 1)
    light = next(week for week in starts_light.plan.weeks if week.band == "light")
    moderate = next(week for week in starts_light.plan.weeks if week.band == "moderate")
    sessions = [LoggedSession(plan_version=1, order=day, log=SessionLog(
        date=START + dt.timedelta(days=day), week=week.week, minutes=week.main_min, rpe=12, pain_during=2,
        pain_next_morning=2)) for day, week in ((0, light), (30, moderate))]
    progress = course_progress([starts_light], sessions, today=START)
    assert [point.target_rpe for point in progress.sessions] == [tuple(light.rpe), tuple(moderate.rpe)]
    assert light.rpe != moderate.rpe


def test_a_changed_number_in_the_version_history_reads_as_the_form_shows_it() -> None:
    """Seen in review: "Continuous walking today (min): 10.0 -> 16.0" in the window and the report."""
    progress = course_progress([V1, version(2, baseline_walk_min=16)], [], today=START)
    lines = [line for change in progress.versions for line in change.changes]
    assert any(line.endswith(": 10 -> 16") for line in lines), lines


def test_a_corrected_name_is_in_the_version_history() -> None:
    """Seen in review: a version that changed "محمد علي" to "Mohammed Ali" listed only the age it also changed."""
    progress = course_progress([version(1, name="محمد علي"), version(2, name="Mohammed Ali")], [], today=START)
    assert progress.versions[1].changes == ["Name: محمد علي -> Mohammed Ali"]


def test_a_week_walked_again_after_a_step_back_is_its_own_row_in_the_order_walked() -> None:
    """Seen in review: walks grouped by week and cut into threes pooled a painful walk of week 4 with two of its
    retry, so the retry's third walk showed "4 (again), in progress, 1 of 3" and the suggestion said "repeat this
    week"; and the abandoned week 4 was listed after the repeat of week 3."""
    sessions = (walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14, 16, 18]) + walks(4, [21], pain=8)
                + walks(3, [23, 25, 27]) + walks(4, [28, 30, 32]))
    progress = course_progress([V1], sessions, today=START + dt.timedelta(days=45))
    assert [(w.label, w.walked_sessions, w.status) for w in progress.weeks[:7]] == [
        ("1", 3, "done"), ("2", 3, "done"), ("3", 3, "done"), ("4", 1, "done"), ("3 (again)", 3, "done"),
        ("4 (again)", 3, "done"), ("5", 0, "ahead")]
    assert progress.suggestion.action == "progress" and progress.suggestion.next_week.week == 5


def test_a_version_saved_in_the_middle_of_a_week_keeps_the_week_whole() -> None:
    """Seen in review: version 2 saved after week 3's first walk split it into "v1 week 3, 1 walk, 33 %" and "v2
    week 3, 2 walks", and the suggestion said "repeat this week" after all three walks."""
    v2 = version(2, overrides=[WeekOverride(week=8, main_min=14)])
    sessions = walks(1, [0, 2, 4]) + walks(2, [7, 9, 11]) + walks(3, [14]) + walks(3, [16, 18], plan_version=2)
    progress = course_progress([V1, v2], sessions, today=START + dt.timedelta(days=30))
    assert [(w.plan_version, w.week, w.walked_sessions) for w in progress.weeks[:3]] == [
        (1, 1, 3), (1, 2, 3), (2, 3, 3)]
    assert progress.adherence_pct == 100 and progress.suggestion.action == "progress"


def test_the_rows_ahead_begin_where_the_suggestion_points_in_a_version_saved_since() -> None:
    """Seen in review: with week 7 in progress when version 2 (based again on 16 min) was saved, the suggestion
    and the session form pointed to version 2's week 1, the rows ahead began at its week 2."""
    sessions = [item for week in range(1, 7) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    progress = course_progress([V1, version(2, baseline_walk_min=16)], sessions + walks(7, [42]),
                               today=START + dt.timedelta(days=43))
    first_ahead = next(w for w in progress.weeks if w.status == "ahead")
    assert (first_ahead.plan_version, first_ahead.week) == (2, progress.suggestion.next_week.week) == (2, 1)


def test_a_version_saved_since_that_ends_before_the_walks_week_says_so() -> None:
    """Seen in review: version 2 of 6 weeks, saved after week 8 went well, gave "progress" to its week 6 (15 min
    after 18 min walks), and showed week 6 again ahead."""
    sessions = [item for week in range(1, 9) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    progress = course_progress([V1, version(2, weeks=6)], sessions, today=START + dt.timedelta(days=55))
    assert progress.suggestion.action == "hold" and progress.suggestion.next_week is None
    assert "Plan version 2, the plan in force, ends at week 6, before week 9" in progress.suggestion.reason
    assert not [w for w in progress.weeks if w.status == "ahead"] and progress.next_walk_week == 6


def test_a_week_walked_under_an_older_version_later_is_not_also_missed() -> None:
    """Seen in review: a walk of week 6 logged under version 1 after version 2's week 5 made week 5 "missed" under
    version 1 as well as done under version 2 (adherence 84.3 % instead of 100 %)."""
    v2 = version(2, overrides=[WeekOverride(week=8, main_min=14)])
    sessions = [item for week in range(1, 5) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    sessions += walks(5, [28, 30, 32], plan_version=2) + walks(6, [35, 37, 39])
    progress = course_progress([V1, v2], sessions, today=START + dt.timedelta(days=40))
    assert not [w for w in progress.weeks if w.status == "missed"] and progress.adherence_pct == 100
    assert [(w.plan_version, w.week) for w in progress.weeks[3:6]] == [(1, 4), (2, 5), (1, 6)]  # in date order


def test_adherence_names_every_version_of_a_stretch_of_weeks() -> None:
    rebased = version(2, baseline_walk_min=16)
    sessions = [item for week in range(1, 7) for item in walks(week, [7 * (week - 1) + d for d in (0, 2, 4)])]
    for week, under in ((1, 2), (2, 2), (3, 2), (4, 3), (5, 3)):
        sessions += walks(week, [35 + 7 * week + d for d in (0, 2, 4)], plan_version=under,
                          minutes=rebased.plan.weeks[week - 1].main_min)
    progress = course_progress([V1, rebased, version(3, baseline_walk_min=16, weeks=11)], sessions,
                               today=START + dt.timedelta(days=90))
    assert adherence_in_words(progress).startswith(
        "Adherence, weeks 1 to 6 of plan version 1 and weeks 1 to 5 of plan versions 2 and 3: ")


def test_a_week_to_repeat_shows_again_ahead_but_not_while_it_is_still_being_walked() -> None:
    ended_short = course_progress([V1], walks(1, [0, 2]), today=START + dt.timedelta(days=12))
    assert ended_short.suggestion.action == "hold"  # 2 of 3 walks, and the week is over: repeat it
    assert [(w.label, w.status) for w in ended_short.weeks[:3]] == [("1", "done"), ("1 (again)", "ahead"),
                                                                   ("2", "ahead")]
    going_on = course_progress([V1], walks(1, [0, 2]), today=START + dt.timedelta(days=3))
    assert [(w.label, w.status) for w in going_on.weeks[:2]] == [("1", "in progress"), ("2", "ahead")]


def test_a_week_done_under_one_version_is_not_continued_by_walks_under_another() -> None:
    """Seen in review: three walks of week 1 under version 1, then three of version 2's week 1 (based again on 16
    min), made "v2 week 1" and "v2 week 1 (again)": version 1's 10 min walks judged against version 2's 48 planned
    minutes (81.2 %)."""
    rebased = version(2, baseline_walk_min=16)
    sessions = walks(1, [0, 2, 4]) + walks(1, [7, 9, 11], plan_version=2, minutes=rebased.plan.weeks[0].main_min)
    progress = course_progress([V1, rebased], sessions, today=START + dt.timedelta(days=12))
    assert [(w.plan_version, w.label, w.walked_sessions) for w in progress.weeks[:2]] == [(1, "1", 3), (2, "1", 3)]
    assert progress.adherence_pct == 100


def test_a_walk_more_than_planned_in_the_same_days_is_an_extra_walk_not_the_week_again() -> None:
    """Seen in review: four walks of a three-walk week 1 (days 0-3), then week 2, read as "1 (again)" with one walk
    of three, and the adherence fell to 78 % though every planned walk was done and one more."""
    progress = course_progress([V1], walks(1, [0, 1, 2, 3]) + walks(2, [7, 9, 11]), today=START + dt.timedelta(days=20))
    assert [(w.label, w.walked_sessions, w.adherence_pct) for w in progress.weeks if w.walked_sessions] == [
        ("1", 4, 100.0), ("2", 3, 100.0)]
    assert progress.adherence_pct == 100.0
    again = course_progress([V1], walks(1, [0, 2, 4]) + walks(1, [8, 10, 12]), today=START + dt.timedelta(days=20))
    assert [w.label for w in again.weeks if w.walked_sessions] == ["1", "1 (again)"]  # a week later: walked again
    # a late diary entry a week before the week's three walks: still one week, done (seen in review: "1 (again)")
    diary = course_progress([V1], walks(1, [0, 7, 9, 11]), today=START + dt.timedelta(days=12))
    assert [(w.label, w.walked_sessions) for w in diary.weeks if w.walked_sessions] == [("1", 4)]
    assert diary.suggestion.action == "progress" and diary.adherence_pct == 100.0


def test_a_break_in_walking_is_said_and_the_week_is_walked_again_before_moving_on() -> None:
    """Seen in review: week 1 walked in full, then nothing for twelve weeks: "Adherence 100 %" and "Progress ... move
    on to week 2", and after a six-week gap "weeks 1 to 2: 100 %" with no word of the break."""
    gone = course_progress([V1], walks(1, [0, 2, 4]), today=START + dt.timedelta(days=90))
    assert gone.suggestion.action == "hold" and gone.suggestion.next_week.week == 1
    assert ("No walk is logged for 86 days, since 2026-09-05: after a break of 14 days or more, walk week 1 again "
            "before moving on (a product default, not from a trial). Ask the patient about the break before the next "
            "walk.") == gone.suggestion.reason  # asked whatever the advice, as docs/plan.md says
    assert "No walk logged since 2026-09-05 (86 days to 2026-11-30)" in adherence_in_words(gone)
    back = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [49, 51, 53]), today=START + dt.timedelta(days=54))
    assert back.suggestion.action == "progress"
    assert ("No walk logged between the walks of 2026-09-05 and 2026-10-20 (45 days apart)"
            ": a break, not counted as missed weeks, as the "
            "plan's weeks go on from the walks") in adherence_in_words(back)
    recent = course_progress([V1], walks(1, [0, 2, 4]), today=START + dt.timedelta(days=17))
    assert recent.suggestion.action == "progress"  # 13 days: not yet a break that holds the week, but named
    assert "No walk logged since 2026-09-05 (13 days to 2026-09-18)" in adherence_in_words(recent)
    # seen in review: ten days without a walk read as 100 % adherence with nothing said; a week or more is named
    ten = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [14, 16, 18]), today=START + dt.timedelta(days=19))
    assert ("No walk logged between the walks of 2026-09-05 and 2026-09-15 (10 days apart)"
            ": a break, not counted as missed weeks, as the "
            "plan's weeks go on from the walks") in adherence_in_words(ten)
    # a week skipped elsewhere in the course does not take the words from a gap that skipped none (seen in review)
    skipped_earlier = course_progress([V1], walks(1, [0, 2, 4]) + walks(3, [7, 9, 11]) + walks(4, [21, 23, 25]),
                                      today=START + dt.timedelta(days=26))
    assert ("No walk logged between the walks of 2026-09-12 and 2026-09-22 (10 days apart)"
            ": a break, not counted as missed weeks"
            in adherence_in_words(skipped_earlier))
    usual = course_progress([V1], walks(1, [0, 2, 4]) + walks(2, [9, 11, 13]), today=START + dt.timedelta(days=14))
    assert not usual.breaks  # five days between weeks: the usual rhythm, nothing said



def test_a_weeks_highest_heart_rate_is_shown_beside_its_target() -> None:
    """Seen in review: the heart rates a patient logged reached no table, command or report."""
    first = walks(1, [0, 2, 4])
    first[1] = first[1].model_copy(update={"log": first[1].log.model_copy(update={"heart_rate": 131})})
    progress = course_progress([V1], first + walks(2, [7]), today=START + dt.timedelta(days=8))
    week_1, week_2 = progress.weeks[:2]
    target = V1.plan.weeks[0].target_hr
    assert (week_1.highest_heart_rate, week_1.target_hr) == (131, tuple(target))
    assert week_1.heart_rate_shown == f"131 ({target[0]}-{target[1]})" and week_1.heart_rate_above_target
    assert week_2.highest_heart_rate is None and week_2.heart_rate_shown is None


def test_a_walk_under_an_older_version_after_one_under_the_newer_is_judged_under_the_newer() -> None:
    """Seen in review: a walk logged under version 1 (usual pain 4) after one under version 2 (usual pain 5) in the
    same week judged the version 2 walk's next-morning pain of 5 against version 1's usual 4: "step back"."""
    v1, v2 = version(1, pain_nrs=4), version(2, pain_nrs=5)
    sessions = (walks(1, [0, 2, 4], pain=3, morning=4) + walks(2, [7], plan_version=2, pain=5, morning=5)
                + walks(2, [9], pain=None, morning=None))
    progress = course_progress([v1, v2], sessions, today=START + dt.timedelta(days=10))
    assert [(w.plan_version, w.week, w.walked_sessions) for w in progress.weeks[:2]] == [(1, 1, 3), (2, 2, 2)]
    assert progress.suggestion.action == "hold" and "2 of 3 walks so far" in progress.suggestion.reason
    assert progress.current_version == 2  # as the report and the window name it: "judged from week 2 (version 2)"



def test_a_course_whose_only_plan_is_blocked_says_so_before_any_walk() -> None:
    """Seen in review: `progress` for a patient whose plan was saved blocked showed an empty table and "no walk is
    logged yet", and nothing of the block, which `plan` and `sessions add` both say."""
    blocked = version(1, contraindications=["unstable-angina"])
    progress = course_progress([blocked], [])
    assert progress.suggestion.action == "pause" and progress.suggestion.next_week is None
    assert progress.suggestion.reason.startswith("Plan version 1 is blocked by screening. ")
    assert "To go ahead:" in progress.suggestion.reason
    assert course_progress([V1], []).suggestion is None  # a plan that goes ahead: nothing to say before a walk


def test_walks_judged_under_an_earlier_version_name_the_pain_rules_the_next_walks_are_judged_by() -> None:
    """Seen in review: version 3 raised the usual pain from 5 to 6, after week 2's walks at 6/10 under version 1;
    the suggestion said to hold "until it stays at 5/10 or less" beside version 3's handout: "0 to 6: keep going".
    Here: usual pain 3, walks at 4/10, then version 2 with usual pain 5."""
    sessions = walks(1, [0, 2, 4]) + walks(2, [7, 9, 11], pain=4, morning=3)
    before = course_progress([V1], sessions, today=START + dt.timedelta(days=12)).suggestion
    assert before.action == "hold" and "pain rules" not in before.reason
    v2 = version(2, pain_nrs=5)
    suggestion = course_progress([V1, v2], sessions, today=START + dt.timedelta(days=12)).suggestion
    assert suggestion.action == "hold" and suggestion.reason.startswith(before.reason)
    assert ("Version 2, the plan in force, has other pain rules (usual pain 5/10, safe up to 5/10, acceptable up to "
            "7/10): the walks from now on are judged by them.") in suggestion.reason
    same = course_progress([V1, version(2, weeks=10)], sessions, today=START + dt.timedelta(days=12)).suggestion
    assert "pain rules" not in same.reason  # the same pain rules: nothing to say
    # a plan saved before its pain rules kept the usual pain judges against the profile's: the same, unsaid too
    rules = V1.plan.rules.model_copy(update={"pain": V1.plan.rules.pain.model_copy(update={"usual_pain": None})})
    older = V1.model_copy(update={"plan": V1.plan.model_copy(update={"rules": rules})})
    assert "pain rules" not in course_progress([older, version(2, weeks=10)], sessions,
                                               today=START + dt.timedelta(days=12)).suggestion.reason


def test_the_mean_effort_is_rounded_half_up() -> None:
    """Seen in review: efforts of 12, 12, 13 and 12 (a mean of 12.25) read "12.2" in the report."""
    week = walks(1, [0, 1, 2, 3])
    week[2] = week[2].model_copy(update={"log": week[2].log.model_copy(update={"rpe": 13})})
    assert course_progress([V1], week, today=START + dt.timedelta(days=5)).weeks[0].mean_rpe == 12.3
