"""The rows of a course of care, in the order walked: which walks make up each week, which weeks were missed, and which
lie ahead.

A row is a run of walks of one plan week with nothing else walked between them, a week's worth (its planned sessions) at
a time: a week walked again later (after "step back"), or more times than planned (after "hold"), is a row of its own
("again", counted under its version), and so are the walks after a step-back that stays at its week (week 1, which has
no earlier week, or a week that walked the same as the week before: walked again at that week's effort where it was
lighter, "eased"), after a break of BREAK_DAYS or more, and after a screening block; a walk more than planned within a
week of the row's first walk (or of its first after a week or more without one) is an extra walk of that row, unless the
rules held the row's walks to be walked again (too painful, too hard) or they were the lighter walks and went well. A
row goes on under a plan version saved before the week's walks are done (one week, judged together under the newest
version of its walks); a week already done is not continued by walks under another version (a re-based version's week 1
is not version 1's week 1 again). A week never walked under its version that the walks skipped over is missed, under the
version of the walk after. The newest version's weeks after the latest row are ahead: from the week the suggestion
points to (a week held or stepped back to shows again, "again"), the following week while the week in progress goes on
(progress.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import BaseModel

from core.plan.adjustment import BREAK_DAYS, NextWeekSuggestion, suggest_next_week
from core.plan.engine import Plan, Week
from core.plan.session_log import SessionLog
from core.plan.step_back import eased_week, step_back_week

WeekStatus = Literal["done", "in progress", "missed", "ahead"]
IN_PROGRESS_DAYS = 7  # a week of walking: after that a week with missing walks counts as walked as it is


class LoggedSession(BaseModel):
    """A session with the plan version it was walked under; ``order`` breaks ties on one day (the record id)."""

    plan_version: int
    log: SessionLog
    order: int = 0


class Row(NamedTuple):
    """A row of the course: its version and week, which time the week is walked under that version (1, or 2 for
    "again"), its sessions in date order (none: missed, or ahead), whether it lies ahead, and whether its walks
    brought the pain rules' step-back before its planned walks were done (the week ends there: never "in
    progress")."""

    version: int
    week: int
    attempt: int
    walks: list[LoggedSession]
    ahead: bool = False
    stopped: bool = False
    advised_back: int = 0  # the walks after which the step-back was advised, though the week's walks went on (0: none)
    back_at_end: int = 0  # all its planned walks done, and they advise a step back: after how many walks (0: none)
    amber_at_end: int | None = None  # all its planned walks done, held by pain in the amber band: its highest
    held_at_end: str = ""  # all its planned walks done, held by the rules for another reason: the suggestion's why
    eased: bool = False  # walked again at the week before's lighter effort after a step back (step_back.eased_week)


def walked_rows(ordered: list[LoggedSession], plans: dict[int, Plan], usual: dict[int, int | None]) -> list[Row]:
    """The walks (in date order) as rows, with the weeks skipped between them as missed rows, in the order walked;
    ``usual``: each version's usual pain (the profile's for plans saved before their pain rules recorded it). Seen in
    review: walks grouped by (version, week) and cut into the week's planned sessions pooled a painful walk of week 4
    with a later retry, and split week 3 in two when version 2 was saved after its first walk."""
    weeks: list[list[LoggedSession]] = []  # each a week's walks: one row
    eased: list[bool] = []  # each row's: walked at the week before's lighter effort
    for item in ordered:
        current = weeks[-1] if weeks else []
        same_week = bool(current) and current[-1].log.week == item.log.week
        stopped = same_week and _stopped(current, plans, usual, eased[-1])
        goes_on = same_week and not stopped and not _begun_again(current[-1], item, plans)
        if goes_on and len(current) < planned_sessions(plans, current[-1]) and (
                current[-1].plan_version == item.plan_version or len(current) < planned_sessions(plans, item)):
            current.append(item)
        elif goes_on and current[-1].plan_version == item.plan_version and _within_a_week(current, item) \
                and not _row_ended(current, plans, usual, eased[-1]):
            current.append(item)  # a walk more than planned in the same days, not the week walked again
        else:
            # walked at the lighter effort after a step back that stays at the week, until such walks go well (then
            # the week is walked at its own effort); under a version saved since too, where its week has that form
            weeks.append([item])
            eased.append(same_week and (stopped or eased[-1] and not _went_well(current, plans, usual))
                         and eased_week(plans[item.plan_version], item.log.week) is not None)
    walked_weeks = {(item.plan_version, item.log.week) for item in ordered}
    rows: list[Row] = []
    attempts: dict[tuple[int, int], int] = {}
    left_off = 0
    for walks, easier in zip(weeks, eased):
        version, week = judged_under(walks), walks[-1].log.week
        rows += [Row(version, number, 1, []) for number in range(left_off + 1, week)  # skipped over, never walked
                 if number <= len(plans[version].weeks) and (version, number) not in walked_weeks]
        attempts[version, week] = attempts.get((version, week), 0) + 1
        at_end = _advice_at_end(walks, plans[version], usual[version], easier)
        held = at_end is not None and at_end.action == "hold"
        amber = _amber_pain(walks, plans[version]) if held else None
        rows.append(Row(version, week, attempts[version, week], walks,
                        stopped=brought_step_back(walks, plans[version], usual[version], easier),
                        advised_back=_advised_back(walks, plans, usual, easier),
                        back_at_end=_back_at_end(walks, plans[version], usual[version], easier)
                        if at_end is not None and at_end.action == "step-back" else 0, amber_at_end=amber,
                        held_at_end=at_end.reason if held and amber is None and week < len(plans[version].weeks)
                        else "", eased=easier))  # the last week's hold is the plan's end: "keep this level and review"
        left_off = week
    return rows


def _begun_again(before: LoggedSession, walk: LoggedSession, plans: dict[int, Plan]) -> bool:
    """``walk`` begins its week again rather than going on with the walk ``before``: after BREAK_DAYS or more without
    a walk (the suggestion's own rule: such a week is walked again before moving on), or after a version saved between
    them was blocked by screening (no walks until it was resolved). Seen in review: two walks of week 5, nineteen days
    without one, then week 5 walked in full read as one week of five walks "beyond the plan"; and two walks of week 3
    before a screening block and two after the clearance as the week done, "move on to week 4"."""
    return (walk.log.date - before.log.date).days >= BREAK_DAYS or \
        _blocked_between(plans, before.plan_version, walk.plan_version)


def stops_walking(plan: Plan) -> bool:
    """A plan blocked by screening (or with no walking week): no walks under it until it is resolved."""
    return plan.blocked or not plan.weeks


def _blocked_between(plans: dict[int, Plan], after: int, until: int) -> bool:
    """A version numbered after ``after``, up to ``until``, stops the walking (stops_walking)."""
    return any(stops_walking(plans[number]) for number in range(after + 1, until + 1) if number in plans)


def judged_under(walks: list[LoggedSession]) -> int:
    """The version a row's walks are judged under: the newest of theirs, the clinician's latest word on the week
    (a version saved before the week's walks are done). Seen in review: a walk logged under version 1 after one
    under version 2 judged the version 2 walk's pain against version 1's usual pain, and advised a step back."""
    return max(item.plan_version for item in walks)


def _stopped(walks: list[LoggedSession], plans: dict[int, Plan], usual: dict[int, int | None], eased: bool) -> bool:
    """The walks so far brought a step-back that stays at their week (week 1, or a week that walked the same as the
    week before), part-way through it or with its last walk: the walks after it are the week walked again, a row of
    their own (seen in review: the retry walks joined the painful walk's row, and after a full week, counted as extra
    walks "beyond the plan"). After a step-back to the week before, more walks of the same week go on in its row, the
    advice not taken."""
    version, week = judged_under(walks), walks[-1].log.week
    plan, usual_pain = plans[version], usual[version]
    if step_back_week(plan, week) != week:
        return False
    if brought_step_back(walks, plan, usual_pain, eased):  # part-way: the week's end is not judged as well
        return True
    at_end = _advice_at_end(walks, plan, usual_pain, eased)
    return at_end is not None and at_end.action == "step-back"


def _row_ended(walks: list[LoggedSession], plans: dict[int, Plan], usual: dict[int, int | None],
               eased: bool) -> bool:
    """A week whose planned walks are done ends there, the walks after it the week again rather than more of its
    walks: where the rules hold it for its walks themselves (pain, effort or pulse too high), and where it was walked
    at the lighter effort and went well (the week is then walked at its own effort). Seen in review: a pulse above
    the range held week 1, the patient walked it again from two days later, and the first of those walks read as a
    fourth of week 1, "beyond the plan", and its row "1 (again)" as two walks of three."""
    at_end = _judged_at_end(walks, plans, usual, eased)
    return at_end is not None and (at_end.walk_again or eased and at_end.action == "progress")


def _went_well(lighter: list[LoggedSession], plans: dict[int, Plan], usual: dict[int, int | None]) -> bool:
    """The walks at the lighter effort went well: the week is then walked at its own effort."""
    at_end = _judged_at_end(lighter, plans, usual, True)
    return at_end is not None and at_end.action == "progress"


def _judged_at_end(walks: list[LoggedSession], plans: dict[int, Plan], usual: dict[int, int | None],
                   eased: bool) -> NextWeekSuggestion | None:
    """_advice_at_end under the version the walks are judged under."""
    version = judged_under(walks)
    return _advice_at_end(walks, plans[version], usual[version], eased)


def _back_at_end(walks: list[LoggedSession], plan: Plan, usual_pain: int | None, eased: bool) -> int:
    """After how many walks a week whose planned walks are done was advised a step back: the first count of its walks
    from its planned ones on that does (seen in review: "advised a step back after walk 4", a walk more than planned
    after the third walk's stiffer morning had brought it)."""
    planned = plan.weeks[walks[-1].log.week - 1].sessions
    return next(count for count in range(planned, len(walks) + 1)
                if (advice := _advice_at_end(walks[:count], plan, usual_pain, eased)) and advice.action == "step-back")


def _advised_back(walks: list[LoggedSession], plans: dict[int, Plan], usual: dict[int, int | None],
                  eased: bool) -> int:
    """After how many of a week's walks its pain rules advised a step back, where walks under the same version went on
    at the week (0: none). Walks under a version saved since are the clinician's answer, not the advice ignored."""
    for count in range(1, len(walks)):
        version = walks[count - 1].plan_version
        if any(item.plan_version == version for item in walks[count:]) and brought_step_back(
                [item for item in walks[:count] if item.plan_version == version], plans[version], usual[version],
                eased):
            return count
    return 0


def _advice_at_end(walks: list[LoggedSession], plan: Plan, usual_pain: int | None,
                   eased: bool = False) -> NextWeekSuggestion | None:
    """What the rules advise once all the week's planned walks are done (None: not all done). A step back there is
    said where the walking went on (seen in review: pain 8 at week 2's last walk, then week 3 walked anyway, read as
    done and 100 %, with nothing said), and so is a hold, on amber pain (_amber_pain) or for another reason (a pulse
    above the week's range, say)."""
    week = walks[-1].log.week
    if not 1 <= week <= len(plan.weeks) or len(walks) < plan.weeks[week - 1].sessions:
        return None
    return suggest_next_week(plan, week, [item.log for item in walks], usual_pain=usual_pain, stiffness_asked=False,
                             eased=eased, read_notes=False)


def _amber_pain(walks: list[LoggedSession], plan: Plan) -> int | None:
    """The highest pain during walking in the amber band ("OK, but do not add more. Stay at the same week", as the
    handout tells the patient), of a week whose walks the rules hold."""
    safe = plan.rules.pain.safe_max
    return max((item.log.pain_during for item in walks if item.log.pain_during is not None
                and item.log.pain_during > safe), default=None)


def brought_step_back(walks: list[LoggedSession], plan: Plan, usual_pain: int | None, eased: bool = False) -> bool:
    """Whether a week's walks brought the pain rules' step-back before its planned walks were done."""
    week = walks[-1].log.week
    if not 1 <= week <= len(plan.weeks) or len(walks) >= plan.weeks[week - 1].sessions:
        return False
    judged = suggest_next_week(plan, week, [item.log for item in walks], usual_pain=usual_pain, in_progress=True,
                               eased=eased, read_notes=False)
    return judged.action == "step-back"


class WalkingBreak(NamedTuple):
    """Days with no walk: from the walk before (``since``) to the walk after (``until``; None: up to today)."""

    since: dt.date
    until: dt.date | None
    days: int


def walking_breaks(ordered: list[LoggedSession], today: dt.date | None, least: int) -> list[WalkingBreak]:
    """The gaps of ``least`` days or more between walks (in date order), and since the latest walk to ``today``."""
    dates = [item.log.date for item in ordered]
    found = [WalkingBreak(before, after, (after - before).days) for before, after in zip(dates, dates[1:])
             if (after - before).days >= least]
    if dates and today is not None and (today - dates[-1]).days >= least:
        found.append(WalkingBreak(dates[-1], None, (today - dates[-1]).days))
    return found


def _within_a_week(row: list[LoggedSession], walk: LoggedSession) -> bool:
    """``walk`` within a week of the row's days: of its first walk, or of the first after a week or more without one.
    Seen in review: a fourth walk of a three-walk week, two days after the third, made a row "1 (again)" of one walk
    in three, and the adherence fell (78 %) though every planned walk was done and one more; and so did a late diary
    entry dated a week before the week's other walks (the advice turned from "progress" to "finish its walks")."""
    start = row[0]
    for before, after in zip(row, row[1:]):
        if (after.log.date - before.log.date).days >= IN_PROGRESS_DAYS:
            start = after
    return (walk.log.date - start.log.date).days < IN_PROGRESS_DAYS


def cut_by_block(row: Row, walked_next: Row | None, plans: dict[int, Plan]) -> bool:
    """A week's walks ended by screening: a version saved after theirs was blocked before the next walk (or up to
    now). Seen in review: the walk the block prevented counted as missed, and the adherence fell (88.5 %), where a
    week stopped on the pain rules' advice counts only the walks before the stop."""
    return _blocked_between(plans, row.version, walked_next.walks[0].plan_version if walked_next else max(plans))


def planned_sessions(plans: dict[int, Plan], walk: LoggedSession) -> int:
    """The planned sessions of the week ``walk`` is in, under its version (a week beyond its plan: no limit)."""
    weeks = plans[walk.plan_version].weeks
    return weeks[walk.log.week - 1].sessions if 1 <= walk.log.week <= len(weeks) else 10**6


def ahead_rows(walked: list[Row], plan: Plan, version: int, first: int) -> list[Row]:
    """The newest plan's weeks from week ``first`` on, numbered as walked again where they were walked before under
    that version."""
    attempts: dict[int, int] = {}
    for row in walked:
        if row.version == version and row.walks:
            attempts[row.week] = max(attempts.get(row.week, 0), row.attempt)
    return [Row(version, week.week, attempts.get(week.week, 0) + 1, [], ahead=True)
            for week in plan.weeks if week.week >= first]


def status_of(row: Row, plans: dict[int, Plan], latest: LoggedSession | None, today: dt.date | None) -> WeekStatus:
    """``today``: None counts the latest row as in progress until it is complete. A version saved since the row's and
    blocked by screening ends it as walked (seen in review: "in progress" beside "no walks until screening is
    resolved"; the walks after the clearance begin the week again: _begun_again)."""
    if not row.walks:
        return "ahead" if row.ahead else "missed"
    planned = planned_week(plans[row.version], row.week)
    recent = today is None or (today - row.walks[-1].log.date).days < IN_PROGRESS_DAYS
    latest_row = latest is not None and row.walks[-1] is latest
    going_on = latest_row and planned and len(row.walks) < planned.sessions and recent and not row.stopped \
        and not cut_by_block(row, None, plans)
    return "in progress" if going_on else "done"


def asked_week(plan: Plan, week: int, eased: bool) -> Week | None:
    """A walk's week as it was asked for: the plan's (None beyond its end), at the week before's effort where its row
    was eased (Row.eased)."""
    return (eased and eased_week(plan, week)) or (plan.weeks[week - 1] if 1 <= week <= len(plan.weeks) else None)


def planned_week(plan: Plan, week: int) -> Week | None:
    """The plan's figures for a row's week: a week beyond the plan's end has its last week's (None: blocked)."""
    return plan.weeks[min(week, len(plan.weeks)) - 1] if plan.weeks else None


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


def label_of(week: int, attempt: int = 1) -> str:
    """A week as the rows and charts name it: "3", "3 (again)" for a week walked again, "3 (3rd time)" the time after
    (seen in review: two rows "2 (again)", and their walks drawn as one on the report's charts)."""
    return f"{week} ({time_of(attempt)})" if attempt > 1 else str(week)


def time_of(attempt: int) -> str:
    """Which time a week is walked, as said beside or under its number: "again", "3rd time" ("" the first time)."""
    if attempt <= 2:
        return "again" if attempt == 2 else ""
    suffix = "th" if 11 <= attempt % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(attempt % 10, "th")
    return f"{attempt}{suffix} time"
