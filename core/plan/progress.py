"""A patient's course of care at a glance: planned against walked minutes week by week, adherence,
effort and pain against the patient's usual pain, what changed between plan versions, and the
engine's suggestion for the coming week. The progress view and the progress report both draw this.

Planned figures come from the plan as the patient has it (the clinician's overrides applied): for a
week with sessions, the version those sessions were walked under (the newest of them); for a week
without, the newest version. Adherence is walked minutes over planned minutes, capped at 100 % per
week so a long week does not hide a missed one; sessions done counts walks of at least the planned
minutes.
"""

from __future__ import annotations

import datetime as dt
import statistics

from pydantic import BaseModel

from core.plan.adjustment import NextWeekSuggestion, suggest_next_week
from core.plan.compare import plan_differences
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride, effective_plan
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog


class VersionInCourse(BaseModel):
    """One plan version as the course of care sees it."""

    version: int
    plan_id: int
    saved_at: str
    saved_by: str
    profile: PatientProfile
    plan: Plan  # as the engine computed it when saved
    overrides: list[WeekOverride]


class VersionChange(BaseModel):
    version: int
    saved_on: dt.date
    saved_by: str
    changes: list[str]  # what differs from the version before, one plain line each ("first plan" for version 1)


class WeekProgress(BaseModel):
    week: int
    plan_version: int  # whose figures are planned here
    planned_sessions: int
    planned_minutes: float  # walking minutes that week (sessions x minutes)
    walked_sessions: int
    sessions_done: int  # walks of at least the planned minutes
    walked_minutes: float
    adherence_pct: float | None  # None before the week has a session and while it is still ahead
    mean_rpe: float | None
    highest_pain_during: int | None
    highest_pain_next_morning: int | None


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
    note: str


class Progress(BaseModel):
    patient_name: str
    etiology: str
    usual_pain: int | None  # the newest version's, as its pain rules record it
    safe_max: int | None
    acceptable_max: int | None
    versions: list[VersionChange]
    weeks: list[WeekProgress]
    sessions: list[SessionPoint]
    adherence_pct: float | None  # every week up to the last one walked
    current_week: int | None  # the latest week with a session
    suggestion: NextWeekSuggestion | None  # for the current week, under its version's plan


def as_patient_has_it(version: VersionInCourse) -> Plan:
    return effective_plan(version.plan, version.overrides, version.profile.max_sessions_per_week)


class LoggedSession(BaseModel):
    """A session with the plan version it was walked under (a records.SessionRecord fits)."""

    plan_version: int
    log: SessionLog


def course_progress(versions: list[VersionInCourse], sessions: list[LoggedSession]) -> Progress:
    """``versions`` oldest first (at least one); ``sessions`` any order."""
    if not versions:
        raise ValueError("a course of care has at least one plan version")
    plans = {version.version: as_patient_has_it(version) for version in versions}
    newest = versions[-1]
    ordered = sorted(sessions, key=lambda item: (item.log.date, item.log.week))
    by_week: dict[int, list[LoggedSession]] = {}
    for item in ordered:
        by_week.setdefault(item.log.week, []).append(item)
    last_walked = max(by_week) if by_week else None
    weeks: list[WeekProgress] = []
    week_count = max(len(plans[newest.version].weeks), last_walked or 0)
    for number in range(1, week_count + 1):
        walked = by_week.get(number, [])
        version = max((item.plan_version for item in walked), default=newest.version)
        plan_weeks = plans[version].weeks
        if number > len(plan_weeks):
            continue  # walked under a version whose plan had this week, shown where that version is
        planned = plan_weeks[number - 1]
        walked_minutes = sum(item.log.minutes for item in walked)
        ahead = last_walked is None or number > last_walked
        adherence = None if ahead or not planned.weekly_main_min else round(
            min(walked_minutes / planned.weekly_main_min, 1.0) * 100, 1)
        during = [item.log.pain_during for item in walked if item.log.pain_during is not None]
        morning = [item.log.pain_next_morning for item in walked if item.log.pain_next_morning is not None]
        weeks.append(WeekProgress(
            week=number, plan_version=version, planned_sessions=planned.sessions,
            planned_minutes=planned.weekly_main_min, walked_sessions=len(walked),
            sessions_done=sum(1 for item in walked if item.log.minutes >= planned.main_min - 1e-9),
            walked_minutes=walked_minutes, adherence_pct=adherence,
            mean_rpe=round(statistics.fmean(item.log.rpe for item in walked), 1) if walked else None,
            highest_pain_during=max(during, default=None), highest_pain_next_morning=max(morning, default=None),
        ))
    counted = [week for week in weeks if week.adherence_pct is not None]
    planned_total = sum(week.planned_minutes for week in counted)
    adherence = None if not planned_total else round(
        sum(min(week.walked_minutes, week.planned_minutes) for week in counted) / planned_total * 100, 1)
    suggestion = None
    if last_walked is not None:
        version = max(item.plan_version for item in by_week[last_walked])
        plan = plans[version]
        if last_walked <= len(plan.weeks):
            profile = next(v.profile for v in versions if v.version == version)
            suggestion = suggest_next_week(plan, last_walked, [item.log for item in by_week[last_walked]],
                                           usual_pain=profile.pain_nrs)
    pain = plans[newest.version].rules.pain
    return Progress(
        patient_name=newest.profile.name, etiology=newest.profile.etiology,
        usual_pain=pain.usual_pain if pain.usual_pain is not None else newest.profile.pain_nrs,
        safe_max=pain.safe_max, acceptable_max=pain.acceptable_max,
        versions=_changes(versions, plans), weeks=weeks,
        sessions=[SessionPoint(date=item.log.date, week=item.log.week, plan_version=item.plan_version,
                               minutes=item.log.minutes, rpe=item.log.rpe, heart_rate=item.log.heart_rate,
                               pain_during=item.log.pain_during, pain_next_morning=item.log.pain_next_morning,
                               note=item.log.note) for item in ordered],
        adherence_pct=adherence, current_week=last_walked, suggestion=suggestion,
    )


def _changes(versions: list[VersionInCourse], plans: dict[int, Plan]) -> list[VersionChange]:
    out: list[VersionChange] = []
    for index, version in enumerate(versions):
        if index == 0:
            changes = ["first plan"]
        else:
            before = versions[index - 1]
            changes = _profile_changes(before.profile, version.profile) + plan_differences(
                plans[before.version], plans[version.version])
            changes += _override_changes(before.overrides, version.overrides)
            changes = changes or ["saved again with no change to the plan"]
        out.append(VersionChange(version=version.version, saved_on=dt.datetime.fromisoformat(version.saved_at).date(),
                                 saved_by=version.saved_by, changes=changes))
    return out


def _profile_changes(before: PatientProfile, after: PatientProfile) -> list[str]:
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return [f"Profile {field.replace('_', ' ')}: {_shown(old.get(field))} -> {_shown(new.get(field))}"
            for field in new if field != "name" and old.get(field) != new.get(field)]


def _override_changes(before: list[WeekOverride], after: list[WeekOverride]) -> list[str]:
    old = {o.week: o for o in before}
    new = {o.week: o for o in after}
    lines = []
    for week in sorted(set(old) | set(new)):
        if week not in new:
            lines.append(f"Week {week}: the clinician's change was removed")
        elif old.get(week) != new[week]:
            change = new[week]
            what = ", ".join(part for part in (
                f"{change.sessions} days" if change.sessions else "",
                f"{change.main_min:g} min walks" if change.main_min else "") if part)
            lines.append(f"Week {week} changed by the clinician: {what}" + (f" ({change.note})" if change.note else ""))
    return lines


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    return str(value)
