"""The rows of a course of care, in the order walked: which walks make up each week, which weeks were missed,
and which lie ahead.

A row is a run of walks of one plan week with nothing else walked between them, a week's worth (its planned
sessions) at a time: a week walked again later (after "step back"), or more times than planned (after "hold"),
is a row of its own ("again"). A run keeps going when a plan version is saved in the middle of the week (the
week's walks are one week, judged together under the version in force at its last walk). A week never walked
under its version that the walks skipped over is missed, under the version of the walk after the gap. The
newest version's weeks after the latest row are ahead: from the week the suggestion points to (a week held or
stepped back to shows again, "again"), the following week while the week in progress goes on (progress.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import BaseModel

from core.plan.engine import Plan
from core.plan.session_log import SessionLog

WeekStatus = Literal["done", "in progress", "missed", "ahead"]
IN_PROGRESS_DAYS = 7  # a week of walking: after that a week with missing walks counts as walked as it is


class LoggedSession(BaseModel):
    """A session with the plan version it was walked under; ``order`` breaks ties on one day (the record id)."""

    plan_version: int
    log: SessionLog
    order: int = 0


class Row(NamedTuple):
    """A row of the course: its version and week, which time the week is walked (1, or 2 for "again"), and its
    sessions in date order (none: missed, or ahead)."""

    version: int
    week: int
    attempt: int
    walks: list[LoggedSession]
    ahead: bool = False


def walked_rows(ordered: list[LoggedSession], plans: dict[int, Plan]) -> list[Row]:
    """The walks (in date order) as rows, with the weeks skipped between them as missed rows, in the order walked.
    Seen in review: walks grouped by (version, week) and cut into the week's planned sessions pooled a painful
    walk of week 4 with a later retry, and split week 3 in two when version 2 was saved after its first walk."""
    runs: list[list[LoggedSession]] = []
    for item in ordered:
        if runs and runs[-1][-1].log.week == item.log.week:
            runs[-1].append(item)
        else:
            runs.append([item])
    walked_weeks = {(item.plan_version, item.log.week) for item in ordered}
    rows: list[Row] = []
    attempts: dict[tuple[int, int], int] = {}
    left_off = 0
    for run in runs:
        version, week = run[-1].plan_version, run[-1].log.week
        rows += [Row(version, number, 1, []) for number in range(left_off + 1, week)  # skipped over, never walked
                 if number <= len(plans[version].weeks) and (version, number) not in walked_weeks]
        weeks = plans[version].weeks
        per_week = weeks[week - 1].sessions if 1 <= week <= len(weeks) else len(run)
        for start in range(0, len(run), per_week):
            attempts[version, week] = attempts.get((version, week), 0) + 1
            rows.append(Row(version, week, attempts[version, week], run[start:start + per_week]))
        left_off = week
    return rows


def ahead_rows(walked: list[Row], plan: Plan, version: int, first: int) -> list[Row]:
    """The newest plan's weeks from week ``first`` on, numbered as walked again where they were walked before."""
    attempts: dict[int, int] = {}
    for row in walked:
        if row.version == version and row.walks:
            attempts[row.week] = max(attempts.get(row.week, 0), row.attempt)
    return [Row(version, week.week, attempts.get(week.week, 0) + 1, [], ahead=True)
            for week in plan.weeks if week.week >= first]


def status_of(row: Row, plans: dict[int, Plan], latest: LoggedSession | None, today: dt.date | None) -> WeekStatus:
    """``today``: None counts the latest row as in progress until it is complete."""
    if not row.walks:
        return "ahead" if row.ahead else "missed"
    plan_weeks = plans[row.version].weeks
    planned_sessions = plan_weeks[min(row.week, len(plan_weeks)) - 1].sessions if plan_weeks else 0
    recent = today is None or (today - row.walks[-1].log.date).days < IN_PROGRESS_DAYS
    latest_row = latest is not None and row.walks[-1] is latest
    return "in progress" if latest_row and len(row.walks) < planned_sessions and recent else "done"


def continuing_week(walked_under: Plan, saved_since: Plan, number: int) -> int:
    """The week of ``saved_since`` to walk next where ``walked_under`` points to its week ``number``: the same week
    unless its walks are longer, as in a plan based again on what the patient walks now, whose weeks start again
    low (seen in review: week 7 of a plan re-based on 16 min was 26.5 min, after 16.5 min walks); then its last
    week whose walks are no longer. Both are the engine's plans, before the clinician's changes: a week changed by
    hand is meant as it is (seen in review: week 2 raised by hand from 11 to 13 min sent the walks back to week 1).
    A ``number`` past the end of ``saved_since`` is returned as it is: that plan has no such week."""
    if number > len(saved_since.weeks):
        return number
    wanted = walked_under.weeks[min(number, len(walked_under.weeks)) - 1].main_min
    same = saved_since.weeks[number - 1]
    if same.main_min <= wanted + 1e-9:
        return same.week
    shorter = [week for week in saved_since.weeks if week.main_min <= wanted + 1e-9]
    return shorter[-1].week if shorter else saved_since.weeks[0].week
