"""A patient's course of care at a glance, drawn by the progress view and report: planned against walked minutes week by
week, adherence, effort and pain against usual pain, version changes and the engine's suggestion for the next week.

Rows are weeks in the order walked (core/plan/course_rows.py): a run of walks of one week, a week's worth at a time, so
a repeated week (after "hold" or "step back") is a row of its own with its own planned minutes; weeks the walks skipped
over are missed, and the newest version's weeks from where the suggestion points are ahead. Planned figures come from
the plan as the patient has it (the clinician's overrides applied) under the version of the row's last walk. Adherence
is walked minutes over planned minutes, capped at 100 % per row so a long week does not hide a missed one. The latest
row counts once it is complete or a week has passed since its last walk (before that it is "in progress" and left out of
the overall figure). The next-week suggestion judges the latest row's walks under their own version's rules; the week it
points to is taken from the newest version, the plan in force (a blocked newest version holds; one that ends before the
walks' week says so; other pain rules are named as those the next walks are judged by).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

from pydantic import BaseModel, computed_field

from core.plan.adjustment import (GAP_DAYS, BeyondPlan, NextWeekSuggestion, beyond_plan, paused_by_screening,
                                  said_after_break, said_beyond_or_twice)
from core.plan.course_suggestion import step_back_still_due, step_back_taken, suggestion_for
from core.plan.course_rows import (LoggedSession, Row, WalkingBreak, WeekStatus, ahead_rows, asked_week,
                                   continuing_week, cut_by_block, label_of, planned_week, status_of, stops_walking,
                                   walked_rows, walking_breaks)
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride, effective_plan
from core.plan.prescription import prescription_in_words
from core.plan.profile import PatientProfile
from core.plan.session_log import morning_to_come, top_pain_in_words
from core.plan.version_changes import VersionChange, version_changes


class VersionInCourse(BaseModel):
    """One plan version as the course of care sees it."""

    version: int
    plan_id: int
    saved_at: str
    saved_by: str
    profile: PatientProfile
    plan: Plan  # as the engine computed it when saved
    overrides: list[WeekOverride]
    reason: str = ""  # why the clinician saved it, in their words ("" where none was given)


class WeekProgress(BaseModel):
    week: int
    attempt: int = 1  # 2 for a week walked again, 3 the time after (the charts mark it; the label says it)
    status: WeekStatus
    plan_version: int  # whose figures are planned here
    planned_sessions: int
    planned_minutes: float  # walking minutes that week (sessions x minutes)
    walked_sessions: int
    sessions_done: int  # walks of at least the planned minutes
    walked_minutes: float
    adherence_pct: float | None  # None before the week has a session and while it is still ahead
    walked_from: dt.date | None = None  # its first walk's date, and its last's (seen in review: rows walked again
    walked_to: dt.date | None = None  # after holds and breaks could not be matched to the calendar)
    mean_rpe: float | None
    highest_pain_during: int | None
    highest_pain_next_morning: int | None
    pain_during_not_recorded: int = 0  # the week's walks with no pain during (a top pain of the others only), and
    pain_next_morning_not_recorded: int = 0  # those with none the next morning (not a walk of today's: not yet)
    pain_next_morning_to_come: int = 0  # those of today's with none: their next morning is still to come
    stiffer_mornings: int | None = None  # walks followed by a stiffer morning than usual; None: none recorded
    # the highest heart rate logged that week, beside the week's target range where the plan sets one (seen in review:
    # logged heart rates reached no table nor the report for the referring physician)
    highest_heart_rate: int | None = None
    target_hr: tuple[int, int] | None = None
    stopped_of: int | None = None  # a week stopped on the step-back advice: the walks its plan had (planned_sessions
    # and planned_minutes are then those before the stop, the ones that count); or by a screening block (stopped_by)
    stopped_by: Literal["pain rules", "screening"] | None = None  # None: not stopped (seen in review: the JSON said
    # "pain rules" beside every week)
    beyond_plan: BeyondPlan | None = None  # walked beyond its planned minutes (more than its version's two-week cap)
    # the walks after which the pain rules advised a step back, where the patient walked on at this week or a harder
    # one instead (seen in review: the advice vanished once the week's last walk was logged)
    step_back_not_taken_after: int | None = None
    # the pain that held the week (amber) where the walking went on to a later week of its version instead (seen in
    # review: pain 5 with usual pain 4 said "Hold", the patient walked the next week, and nothing said so)
    hold_not_kept_pain: int | None = None
    # the rules' other reason to hold the week, where the walking went on to a later week of its version (seen in
    # review: a pulse above the week's range, or walks missed, and the next week walked with nothing said)
    hold_not_kept: str | None = None

    @computed_field
    @property
    def again(self) -> bool:
        return self.attempt > 1

    @computed_field
    @property
    def label(self) -> str:
        """"3", "3 (again)" for a repeated week, "3 (3rd time)" after that (in the JSON too)."""
        return label_of(self.week, self.attempt)

    @property
    def heart_rate_shown(self) -> str | None:
        """"128 (107-123)": the week's highest heart rate beside its target range; None when none is logged."""
        if self.highest_heart_rate is None:
            return None
        target = f" ({self.target_hr[0]}-{self.target_hr[1]})" if self.target_hr else ""
        return f"{self.highest_heart_rate}{target}"

    @computed_field
    @property
    def pain_during_shown(self) -> str | None:
        """The week's top pain during walking as the window, the command and the report say it (None: no walks)."""
        return top_pain_in_words(self.highest_pain_during, self.pain_during_not_recorded, self.walked_sessions)

    @computed_field
    @property
    def pain_next_morning_shown(self) -> str | None:
        """The week's top pain the next morning, likewise."""
        return top_pain_in_words(self.highest_pain_next_morning, self.pain_next_morning_not_recorded,
                                 self.walked_sessions, self.pain_next_morning_to_come)

    @property
    def heart_rate_above_target(self) -> bool:
        return bool(self.target_hr and self.highest_heart_rate and self.highest_heart_rate > self.target_hr[1])

    @property
    def planned_walks(self) -> str:
        """"3", or "1 of 3" for a week stopped on the step-back advice after one walk."""
        return f"{self.planned_sessions} of {self.stopped_of}" if self.stopped_of else str(self.planned_sessions)


class SessionPoint(BaseModel):
    """One walk, for the charts: what it was and when."""

    date: dt.date
    week: int
    plan_version: int
    minutes: float
    rpe: int
    heart_rate: int | None
    pain_during: int | None
    pain_next_morning: int | None
    stiffer_next_morning: bool | None = None  # seen in review: the JSON had every logged field but this one
    note: str
    target_rpe: tuple[int, int] | None = None  # its week's own effort target (light or moderate), as planned
    # the pain rules of its own plan version (a later version may have another usual pain, so other bands)
    usual_pain: int | None = None
    safe_max: int | None = None
    acceptable_max: int | None = None
    attempt: int = 1  # its row's: 2 and more for a week walked again
    after_break: bool = False  # the first walk after GAP_DAYS or more without one: the charts' lines stop there

    @computed_field
    @property
    def again(self) -> bool:  # in the JSON as before attempt was kept
        return self.attempt > 1


class Progress(BaseModel):
    patient_name: str
    etiology: str
    usual_pain: int | None  # the newest version's, as its pain rules record it
    safe_max: int | None
    acceptable_max: int | None
    versions: list[VersionChange]
    weeks: list[WeekProgress]
    sessions: list[SessionPoint]
    adherence_pct: float | None  # every row up to the latest, the latest once it is complete
    current_week: int | None  # the week of the latest session
    current_version: int | None  # the version the latest walks are judged under: the newest of the latest row's
    suggestion: NextWeekSuggestion | None  # from the latest row's walks; the week it points to from the plan in force
    plan_weeks: int  # the weeks of the plan in force (0: blocked by screening)
    breaks: list[WalkingBreak] = []  # GAP_DAYS or more without a walk: between walks, and up to today
    in_force: str = ""  # the plan in force's intensity and parts, in words (prescription.py)
    step_back_due_from: str | None = None  # the earlier week whose step back is still the advice (as rows name it)

    @property
    def judged_week(self) -> str | None:
        """The latest row walked, as the rows name it ("3", "1 (again)"): the walks the suggestion judges."""
        return next((week.label for week in reversed(self.weeks) if week.walked_sessions), None)

    @property
    def judged_from(self) -> str | None:
        """"week 3", or "weeks 2 and 3" where week 2's step back is still the advice (seen in review: the heading
        named week 3 alone, over a reason about week 2's walks)."""
        if self.judged_week is None:
            return None
        earlier = f"{self.step_back_due_from} and " if self.step_back_due_from else ""
        return f"week{'s' if earlier else ''} {earlier}{self.judged_week}"

    @property
    def next_walk_week(self) -> int:
        """The week a new walk is likely in: where the suggestion points in the plan in force, the week in progress
        while its walks go on, then the next week, the same again or an easier one (the latest week walked kept
        being offered after it was done: a walk saved as it was counted as that week walked again); after a version
        saved since, the week the suggestion goes on at in it. With no such week, the latest walked."""
        if self.suggestion and self.suggestion.next_week:
            return self.suggestion.next_week.week
        week = self.current_week or 1
        return min(week, self.plan_weeks) if self.plan_weeks else week  # a plan in force shorter than the walks


def as_patient_has_it(version: VersionInCourse) -> Plan:
    return effective_plan(version.plan, version.overrides, version.profile.max_sessions_per_week)


def course_progress(versions: list[VersionInCourse], sessions: list[LoggedSession], *,
                    today: dt.date | None = None, units: str = "metric") -> Progress:
    """``versions`` oldest first (at least one); ``sessions`` any order; ``today`` decides whether the latest
    week is still in progress (None: it is, until complete) and whether a walk's next morning has come (its walks
    are not counted as next-morning pain not recorded); ``units``: the clinic's, for the speeds the version changes
    and the advice name."""
    if not versions:
        raise ValueError("a course of care has at least one plan version")
    plans = {version.version: as_patient_has_it(version) for version in versions}
    newest = versions[-1]
    ordered = sorted(sessions, key=lambda item: (item.log.date, item.order))
    rules = {version.version: _pain_rules(plans[version.version], version.profile) for version in versions}
    walked = walked_rows(ordered, plans, {number: rule["usual_pain"] for number, rule in rules.items()})
    latest = ordered[-1] if ordered else None
    in_progress = any(status_of(row, plans, latest, today) == "in progress" for row in walked)
    judged = next((index for index, row in enumerate(walked) if row.walks and row.walks[-1] is latest), None)
    judged_version = None if judged is None else walked[judged].version  # the newest of its walks (judged_under)
    suggestion = None if judged is None else suggestion_for(
        walked[judged], plans, versions, latest, in_progress=in_progress,
        days_since=(today - latest.log.date).days if today else 0, units=units)
    step_back_due_from = None
    if suggestion is not None and suggestion.action not in ("step-back", "pause"):
        still_due = step_back_still_due(walked[:judged], walked[judged], plans, versions, units)
        if still_due is not None:
            step_back_due_from, suggestion = still_due
    if judged is None and stops_walking(plans[newest.version]):  # seen in review: said
        suggestion = paused_by_screening(newest.version, plans[newest.version], after_walks=False)  # nowhere before
    rows = walked + ahead_rows(walked, plans[newest.version], newest.version,
                               _ahead_from(latest, judged_version, suggestion, in_progress, versions))
    walked_after = {id(row): next((later for later in walked[index + 1:] if later.walks), None)
                    for index, row in enumerate(walked)}
    weeks = [_week_row(row, plans, latest, today, walked_after.get(id(row))) for row in rows]
    if judged is not None and suggestion is not None:  # beyond its plan, or a walk logged twice: said once; a break
        logged = Counter((item.log.date, item.log.minutes) for item in walked[judged].walks)
        twins = sorted({day for (day, _), count in logged.items() if count > 1})
        suggestion = said_after_break(said_beyond_or_twice(suggestion, weeks[judged].beyond_plan, twins),
                                      ((today or latest.log.date) - latest.log.date).days, latest.log.date)
    row_of = {id(walk): row for row in walked for walk in row.walks}
    breaks = walking_breaks(ordered, today, GAP_DAYS)
    resumed = {id(next(item for item in ordered if item.log.date == gap.until)) for gap in breaks if gap.until}
    counted = [week for week in weeks if week.status in ("done", "missed")]
    planned_total = sum(week.planned_minutes for week in counted)
    adherence = None if not planned_total else round(
        sum(min(week.walked_minutes, week.planned_minutes) for week in counted) / planned_total * 100, 1)
    return Progress(
        patient_name=newest.profile.name, etiology=newest.profile.etiology, **rules[newest.version],
        versions=version_changes(versions, plans, units), weeks=weeks,
        sessions=[SessionPoint(date=item.log.date, week=item.log.week, plan_version=item.plan_version,
                               minutes=item.log.minutes, rpe=item.log.rpe, heart_rate=item.log.heart_rate,
                               pain_during=item.log.pain_during, pain_next_morning=item.log.pain_next_morning,
                               stiffer_next_morning=item.log.stiffer_next_morning, note=item.log.note,
                               target_rpe=getattr(asked_week(plans[item.plan_version], item.log.week,
                                                             row_of[id(item)].eased), "rpe", None),
                               attempt=row_of[id(item)].attempt, after_break=id(item) in resumed,
                               **rules[item.plan_version])
                  for item in ordered],
        adherence_pct=adherence, current_week=latest.log.week if latest else None, current_version=judged_version,
        suggestion=suggestion, plan_weeks=len(plans[newest.version].weeks),
        breaks=breaks, in_force=prescription_in_words(plans[newest.version]), step_back_due_from=step_back_due_from,
    )


def _pain_rules(plan: Plan, profile: PatientProfile) -> dict[str, int | None]:
    """A version's pain bands and the usual pain they are judged against (the profile's where a plan keeps none)."""
    numbers = plan.rules.pain.judged_against(profile.pain_nrs).numbers
    return dict(zip(("usual_pain", "safe_max", "acceptable_max"), numbers))


def _ahead_from(latest: LoggedSession | None, judged_version: int | None, suggestion: NextWeekSuggestion | None,
                in_progress: bool, versions: list[VersionInCourse]) -> int:
    """The newest version's first week ahead: the week the suggestion points to (a week held or stepped back to shows
    again, "again"; in a version saved since, its week by continuing_week), but the following week while the week
    in progress goes on (its remaining walks join its row). Seen in review: the suggestion pointed to version 2's
    week 1 after walks in week 7, the rows ahead began at its week 2."""
    if latest is None:
        return 1
    target = suggestion.next_week.week if suggestion is not None and suggestion.next_week is not None else None
    if target is not None:
        return target + 1 if in_progress and target == latest.log.week else target
    newest, after = versions[-1].plan, latest.log.week + 1
    walked_under = next(v.plan for v in versions if v.version == judged_version)
    if judged_version == versions[-1].version or not newest.weeks or after > len(walked_under.weeks):
        return after
    return continuing_week(walked_under, newest, after)


def _week_row(row: Row, plans: dict[int, Plan], latest: LoggedSession | None, today: dt.date | None,
              walked_next: Row | None) -> WeekProgress:
    """``walked_next``: the next row with walks, which shows whether a step-back was followed."""
    version, number, walked = row.version, row.week, row.walks
    planned = asked_week(plans[version], number, row.eased) or planned_week(plans[version], number)  # past the end
    planned_minutes = planned.weekly_main_min if planned else 0.0
    status = status_of(row, plans, latest, today)
    taken = step_back_taken(row, walked_next, plans)
    walked_past = walked_next is not None and walked_next.walks[0].plan_version <= version and walked_next.week > number
    by_block = status == "done" and planned and len(walked) < planned.sessions and cut_by_block(row, walked_next, plans)
    # a walk of the week after the advice is not the week stopped on it (seen in review: said to be both)
    stopped_of = planned.sessions if status == "done" and (
        row.stopped and taken and not row.advised_back or by_block) else None
    not_taken = row.advised_back or (0 if taken else len(walked) if row.stopped else row.back_at_end)
    if stopped_of:
        planned_minutes = planned.main_min * len(walked)
    walked_minutes = sum(item.log.minutes for item in walked)
    adherence = None if status == "ahead" or not planned_minutes else round(
        min(walked_minutes / planned_minutes, 1.0) * 100, 1)
    during = [item.log.pain_during for item in walked if item.log.pain_during is not None]
    morning = [item.log.pain_next_morning for item in walked if item.log.pain_next_morning is not None]
    stiffness = [item.log.stiffer_next_morning for item in walked if item.log.stiffer_next_morning is not None]
    return WeekProgress(
        week=number, attempt=row.attempt, status=status, plan_version=version,
        planned_sessions=len(walked) if stopped_of else planned.sessions if planned else 0,
        planned_minutes=planned_minutes,
        walked_sessions=len(walked),
        sessions_done=sum(1 for item in walked if planned and item.log.minutes >= planned.main_min - 1e-9),
        walked_minutes=walked_minutes, adherence_pct=adherence,
        walked_from=walked[0].log.date if walked else None, walked_to=walked[-1].log.date if walked else None,
        # to one decimal, half up from the whole ratings (seen in review: round() gave 12.2 for 12.25)
        mean_rpe=(20 * sum(item.log.rpe for item in walked) + len(walked)) // (2 * len(walked)) / 10 if walked
        else None,
        highest_pain_during=max(during, default=None), highest_pain_next_morning=max(morning, default=None),
        pain_during_not_recorded=len(walked) - len(during),
        pain_next_morning_not_recorded=sum(1 for item in walked if item.log.pain_next_morning is None
                                           and not morning_to_come(item.log.date, today)),
        pain_next_morning_to_come=sum(1 for item in walked if item.log.pain_next_morning is None
                                      and morning_to_come(item.log.date, today)),
        stiffer_mornings=sum(stiffness) if stiffness else None, stopped_of=stopped_of,
        stopped_by=None if not stopped_of else "screening" if by_block else "pain rules",
        highest_heart_rate=max((item.log.heart_rate for item in walked if item.log.heart_rate), default=None),
        target_hr=tuple(planned.target_hr) if planned and planned.target_hr else None,
        step_back_not_taken_after=not_taken or None,
        hold_not_kept_pain=row.amber_at_end if walked_past else None,
        hold_not_kept=row.held_at_end or None if walked_past else None,
        # not past the plan's end: all its walks make one row there, against the last week's minutes
        beyond_plan=beyond_plan(walked_minutes, planned_minutes, plans[version].rules.max_two_week_increase_pct)
        if number <= len(plans[version].weeks) else None,
    )
