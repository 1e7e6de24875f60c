"""A patient's course of care for the progress tests: plan versions of one patient, and walks logged from START."""

from __future__ import annotations

import datetime as dt

from core.plan.engine import compute_plan
from core.plan.progress import LoggedSession, VersionInCourse
from core.plan.session_log import SessionLog
from tests.plan.profiles import profile

START = dt.date(2026, 9, 1)
PATIENT = profile(baseline_walk_min=10)


def version(number: int, *, overrides=(), **changes) -> VersionInCourse:
    patient = PATIENT.model_copy(update=changes)
    return VersionInCourse(version=number, plan_id=number, saved_at=f"2026-09-{number:02d}T10:00:00+00:00",
                           saved_by="Dr A", profile=patient, plan=compute_plan(patient, []), overrides=list(overrides))


V1 = version(1)


def walks(week: int, days: list[int], *, plan_version: int = 1, pain: int | None = 2, morning: int | None = 2,
          minutes: float | None = None) -> list[LoggedSession]:
    planned = V1.plan.weeks[week - 1].main_min if minutes is None else minutes
    return [LoggedSession(plan_version=plan_version, order=day, log=SessionLog(
        date=START + dt.timedelta(days=day), week=week, minutes=planned, rpe=12, pain_during=pain,
        pain_next_morning=morning, stiffer_next_morning=False)) for day in days]
