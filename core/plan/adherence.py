"""Adherence as the window, the progress command and the progress report say it: over the weeks done or missed,
each week in progress or stopped by the step-back named apart, and each gap in walking of GAP_DAYS or more
(the weeks are counted by the walks, so a gap shows no missed week unless the walks skip one: said here instead)."""

from __future__ import annotations

import datetime as dt

from core.plan.course_rows import WalkingBreak
from core.plan.progress import Progress, WeekProgress
from core.words import counted, listed

STOPPED_BECAUSE = {"pain rules": "as the pain rules advised a step back", "screening": "when screening blocked the plan"}


def adherence_statements(progress: Progress) -> list[str]:
    """Adherence as the progress command and the progress report say it, one sentence each (no full stop): over the
    weeks done or missed, the notes on the weeks, then each week in progress named apart ("Adherence 100 %, up to week
    2" read as if week 2, at 63 % so far, were in it)."""
    figures, notes = adherence_parts(progress)
    return figures[:1] + notes + figures[1:]


def adherence_parts(progress: Progress) -> tuple[list[str], list[str]]:
    """The figures (over the weeks done or missed, then each week in progress) and the notes on the weeks (weeks
    stopped, breaks, walks beyond the plan, advice not followed), apart: the window lists the notes under its weeks."""
    counted = [week for week in progress.weeks if week.status in ("done", "missed")]
    if not counted:
        # not "not yet known" right under a week's "62.5 % so far": the overall figure waits for a whole week
        said = ["Overall adherence: none counted yet, as no week is done or missed"]
    else:
        # seen in review: "week 1: 53.8 %" under week 1's row of 84.4 %, the figure of week 1 and its walk again
        span = weeks_span(counted) + (", counting each time a week was walked" if any(week.attempt > 1
                                                                                      for week in counted) else "")
        share = ("not available (no planned minutes)" if progress.adherence_pct is None
                 else f"{round(progress.adherence_pct, 1):g}% of the planned walking minutes")
        if progress.adherence_pct is not None and any(week.walked_minutes > week.planned_minutes for week in counted):
            # seen in testing: "100 %" beside "67 % more than the 24 planned" read as a contradiction
            share += ", each week counted up to its plan (a week walked longer than planned counts as 100 %)"
        said = [f"Adherence, {span}: {share}" + _breaks_not_counted(progress)]
    def called(week: WeekProgress) -> str:
        return week_called(week, progress.weeks)

    said += [f"Week {called(week)} was stopped after {week.walked_sessions} of its {week.stopped_of} walks, "
             f"{STOPPED_BECAUSE[week.stopped_by]}: its other walks are not counted as missed"
             for week in counted if week.stopped_of]
    said += [f"No walk logged between the walks of {gap.since.isoformat()} and {gap.until.isoformat()} ({gap.days} "
             "days apart)"
             + ("" if _skips_a_week(progress, gap.since, gap.until) else
                ": a break, not counted as missed weeks, as the plan's weeks go on from the walks")
             if gap.until else f"No walk logged since {gap.since.isoformat()} ({gap.days} days to {_day_judged(gap)})"
             for gap in progress.breaks]
    said += [f"Week {called(week)} went beyond the plan: {week.beyond_plan.in_words()}"
             for week in progress.weeks if week.beyond_plan]
    said += [f"Week {called(week)}: the pain rules advised a step back after walk {week.step_back_not_taken_after} "
             "of the week, and the walking went on without one: ask the patient how the pain was"
             for week in progress.weeks if week.step_back_not_taken_after]
    said += [f"Week {called(week)}: pain reached {week.hold_not_kept_pain}/10 during walking, which holds the week, "
             "and the walking went on to a later week: ask the patient how the pain was"
             for week in progress.weeks if week.hold_not_kept_pain is not None]
    said += [f"Week {called(week)}: its walks held the week (\u201c{week.hold_not_kept}\u201d), and the walking went "
             "on to a later week: ask the patient how it went" for week in progress.weeks if week.hold_not_kept]
    said += [_left_short(progress, week, later, called(week)) for week, later in _left_short_weeks(progress)]
    return said[:1] + [f"Week {called(week)} is in progress ({week.walked_sessions} of {week.planned_sessions} walks "
                       "so far) and counts once complete" for week in progress.weeks if week.status == "in progress"], \
        said[1:]


def _breaks_not_counted(progress: Progress) -> str:
    """The breaks in walking the adherence leaves out, said with it: seen by a clinic's tester, "Adherence: 100 %"
    in bold over 8 days without a walk, said only in a later sentence (15 of 18 walks over the calendar weeks)."""
    days = [gap.days for gap in progress.breaks if gap.until and not _skips_a_week(progress, gap.since, gap.until)]
    if not days:
        return ""
    if len(days) == 1:
        return f", over the weeks walked (not counting the {days[0]}-day break in walking)"
    return f", over the weeks walked (not counting the {len(days)} breaks in walking, of {listed(days)} days)"


def _left_short_weeks(progress: Progress) -> list[tuple[WeekProgress, WeekProgress]]:
    """Weeks walked on from before their planned walks were done, under the same plan version, and not on any rule's
    advice (a step back, a pause by screening, and a step back not taken are said apart), each with the week walked
    next. Seen in review: a week walked again once, at pain the rules hold at, then the next week walked, and
    nothing said of either."""
    walked = [week for week in progress.weeks if week.walked_sessions]
    return [(week, later) for week, later in zip(walked, walked[1:])
            if week.status == "done" and week.walked_sessions < week.planned_sessions and not week.stopped_of
            and not week.step_back_not_taken_after and later.plan_version == week.plan_version
            and later.week > week.week]


def _left_short(progress: Progress, week: WeekProgress, later: WeekProgress, called: str) -> str:
    """What the clinician is told of a week walked on from early, and of pain during its walks above the green band
    (which holds the week, "OK, but do not add more. Stay at the same week", as the handout tells the patient)."""
    walks = [walk for walk in progress.sessions if walk.week == week.week and walk.attempt == week.attempt
             and week.walked_from <= walk.date <= week.walked_to]
    held = max((walk.pain_during for walk in walks if walk.pain_during is not None and walk.safe_max is not None
                and walk.pain_during > walk.safe_max), default=None)
    return (f"Week {called}: only {week.walked_sessions} of its {week.planned_sessions} walks before the walking went "
            f"on to week {later.label}" + (f", though pain reached {held}/10 during walking, which holds the week"
                                           if held is not None else "") + ": ask the patient how it went")


def _skips_a_week(progress: Progress, since: dt.date, until: dt.date) -> bool:
    """The walk after a gap is more than one week on from the walk before it, in the same plan version: the week
    between counts as missed, so the gap is not "a break, not counted as missed weeks" (seen in review)."""
    before = [walk for walk in progress.sessions if walk.date == since][-1]
    after = next(walk for walk in progress.sessions if walk.date == until)
    return after.plan_version == before.plan_version and after.week > before.week + 1


def week_called(week: WeekProgress, rows: list[WeekProgress]) -> str:
    """"2", or "2 of plan version 1" where a row of another version has the same label (a version based again on
    what the patient walks now numbers its weeks again): seen in testing, "week 2, after 1 of 3 walks; week 2, after
    1 of 3 walks" in the report for the referring physician."""
    twin = any((other.week, other.attempt) == (week.week, week.attempt) and other.plan_version != week.plan_version
               for other in rows)  # the same label (label_of), without making each row's
    return f"{week.label} of plan version {week.plan_version}" if twin else week.label


def week_runs(rows: list[WeekProgress]) -> list[tuple[list[int], int, int]]:
    """(plan versions, first week, last week) of rows in course order: one run, unless a later version starts
    again at a week no higher than the run before it ended (a version based again on what the patient walks now)."""
    runs: list[tuple[list[int], int, int]] = []
    for row in rows:
        if runs and (row.plan_version in runs[-1][0] or row.week > runs[-1][2]):
            versions, first, last = runs[-1]
            runs[-1] = (versions + [v for v in [row.plan_version] if v not in versions], first, max(last, row.week))
        else:
            runs.append(([row.plan_version], row.week, row.week))
    return runs


def weeks_span(rows: list[WeekProgress]) -> str:
    """"weeks 1 to 9"; where the numbering starts again, each run's weeks named apart with their versions ("weeks 1
    to 7 of plan version 1 and weeks 1 to 3 of plan version 2"), not "weeks 1 to 7" of two versions' weeks."""
    def weeks(first: int, last: int) -> str:
        return f"week {first}" if first == last else f"weeks {first} to {last}"

    def of(versions: list[int]) -> str:
        named = [str(v) for v in versions]
        return f"plan version {named[0]}" if len(named) == 1 else \
            f"plan versions {', '.join(named[:-1])} and {named[-1]}"
    runs = week_runs(rows)
    if len(runs) == 1:
        return weeks(*runs[0][1:])
    return " and ".join(f"{weeks(first, last)} of {of(versions)}" for versions, first, last in runs)


def adherence_in_words(progress: Progress) -> str:
    """The progress command's line: adherence_statements, with how many sessions are logged."""
    return _with_sessions_logged(progress, adherence_statements(progress))


def adherence_figures_and_notes(progress: Progress) -> tuple[str, list[str]]:
    """The window's line above its panes, the figures alone with how many sessions are logged, and the notes on the
    weeks it lists apart (adherence_parts, worked out once)."""
    figures, notes = adherence_parts(progress) if progress.sessions else ([], [])
    return _with_sessions_logged(progress, figures), notes


def _with_sessions_logged(progress: Progress, said: list[str]) -> str:
    logged = len(progress.sessions)
    logged_text = f"{counted(logged, 'session')} logged"
    if not logged:
        return f"Adherence: not yet known, no walk is logged yet ({logged_text})."
    return ". ".join(said) + f" ({logged_text})."


def _day_judged(gap: WalkingBreak) -> str:
    """The day an open gap runs to, the day the course is judged, as a date: a printed report is read on later days
    (seen in review: "9 days to today" in a course judged on a day of September)."""
    return (gap.since + dt.timedelta(days=gap.days)).isoformat()
