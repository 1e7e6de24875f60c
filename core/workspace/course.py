"""A patient's course of care, for the window and the commands alike: the versions and sessions the
records hold, turned into the progress the view and the report draw (core/plan/progress.py)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from core.plan.adjustment import BREAK_DAYS, no_walk_for
from core.plan.course_rows import WalkingBreak
from core.plan.engine import Plan, Week
from core.plan.profile import PatientProfile
from core.plan.progress import (
    LoggedSession, Progress, VersionInCourse, as_patient_has_it, course_progress,
)
from core.plan.step_back import SLOW_THE_BELT, eased
from core.plan.walking import speed_in_units
from core.records.interface import PatientRecords
from core.records.models import PlanVersion, SessionRecord
from core.settings import Settings
from core.stamps import local_day
from core.workspace.draft import same_profile


def in_course(version: PlanVersion) -> VersionInCourse:
    return VersionInCourse(version=version.version, plan_id=version.id, saved_at=version.created_at,
                           saved_by=version.created_by, profile=version.profile, plan=version.plan,
                           overrides=version.overrides, reason=version.reason)


def progress_of(history: list[PlanVersion], sessions: list[SessionRecord], *, today: dt.date | None = None,
                units: str = "metric") -> Progress:
    """The course as it stood on ``today`` when given (a report dated 2026-11-30 counted a walk of 2026-12-01):
    walks dated after it, and versions saved after it, are not yet part of it; the first version always is, as a
    course typed in from paper has walks dated before its plan was saved. Without ``today``, the whole course (a
    walk from a workstation whose clock runs a little ahead included), judged today. The latest week still counts
    as in progress for a week after its last walk. ``units``: the clinic's (Settings), for the speeds the version
    changes and the advice name."""
    if today is not None:
        history = history[:1] + [version for version in history[1:] if local_day(version.created_at) <= today]
        numbers = {version.version for version in history}
        sessions = [session for session in sessions if session.date <= today and session.plan_version in numbers]
    return course_progress([in_course(version) for version in history],
                           [LoggedSession(plan_version=session.plan_version, log=session.as_logged(), order=session.id)
                            for session in sessions], today=today or dt.date.today(), units=units)


class CarryOn(NamedTuple):
    """Where a patient whose walks are logged carries on in a handout's plan: its ``week`` (None: no walk logged, a
    week past the plan's end, or a blocked plan; the handout then says none); ``longer``, for the clinician, where
    that week's walks are longer than the course pointed to before this plan ("": none); ``belt``, where the course
    advises slowing the belt and that week is not slower and easier: the week, the week walked, and its version;
    ``away``, the days since the latest walk up to today where they are a break the course asks about; ``again``, where
    the patient has walked ``week`` or a later week already (a hold, a step back, a plan begun again lower)."""

    week: int | None = None
    longer: str = ""
    belt: tuple[Week, Week, int] | None = None
    away: WalkingBreak | None = None
    again: bool = False

    def note(self, units: Literal["metric", "imperial"] = "metric") -> str:
        """What the clinician is told of this start, the speeds in the handout's ``units`` ("": nothing). A break is
        said first (seen by a helper: a handout made 115 days after the latest walk started the patient at their
        hardest week, and only step 6 and the progress command named the break)."""
        away = "" if self.away is None else (
            f"{no_walk_for(self.away.days, self.away.since)}: ask the patient about the break before they take this "
            f"handout home, which starts them at week {self.week}.")
        if self.belt is None:
            return " ".join(filter(None, [away, self.longer]))
        given, walked, version = self.belt

        def at(week: Week) -> str:
            slope = "flat" if week.grade_pct == 0 else f"at {week.grade_pct:g}% slope"  # as the week tables say it
            return f"{speed_in_units(week.speed_kmh, units)} {slope}"
        return " ".join(filter(None, [away, self.longer, (
            f"The patient's course advises slowing the belt after their last walks, but the handout's week "
            f"{given.week} ({at(given)}) is not slower and easier than week {walked.week} of plan version {version} "
            f"({at(walked)}), the week the advice asks to slow: save a version with a slower comfortable walking "
            "speed before the patient takes it home, or tell them the speed to walk at.")]))


def carrying_on(history: list[PlanVersion], sessions: list[SessionRecord], profile: PatientProfile,
                plan: Plan) -> CarryOn:
    """Where the patient carries on in ``plan`` (the plan a handout gives, as the patient has it): where progress
    points with that plan as the one in force, as it will be once saved (or as it is, for the version in force); a
    plan based again on what the patient walks now starts again low. No week before any walk, past the end of ``plan``,
    or for a blocked plan. Seen in review: a version saved at week 4 printed a handout from week 1, and nothing told
    the patient where to carry on; a plan re-based on 15 min walks after walks of 8.5 min printed its week 1, walks
    76 % longer, with nothing said until progress was read after the save. Week 1 is said too (seen in a try: a
    patient at week 3 given a version that starts them at week 1 again had a handout like a first one)."""
    if not history or not sessions or plan.blocked:
        return CarryOn()
    versions = [in_course(version) for version in history]
    logged = [LoggedSession(plan_version=session.plan_version, log=session.as_logged(), order=session.id)
              for session in sessions]
    new = not (same_profile(history[-1].profile, profile) and as_patient_has_it(versions[-1]) == plan)
    if new:
        versions.append(VersionInCourse(version=history[-1].version + 1, plan_id=0,
                                        saved_at=dt.datetime.now(dt.timezone.utc).isoformat(), saved_by="",
                                        profile=profile, plan=plan, overrides=[]))
    progress = course_progress(versions, logged, today=dt.date.today())
    week = progress.next_walk_week
    if not 1 <= week <= len(plan.weeks):
        return CarryOn()
    given = plan.weeks[week - 1]
    pointed = course_progress(versions[:-1], logged, today=dt.date.today()).suggestion if new else None
    wanted = pointed.next_week.main_min if pointed is not None and pointed.next_week is not None else None
    longer = "" if wanted is None or given.main_min <= wanted + 1e-9 else (
        f"The handout's week {week} has walks of {given.main_min:g} min, {given.main_min / wanted * 100 - 100:.0f} % "
        f"longer than the {wanted:g} min the patient's course points to now: check with the patient that they walk "
        "this long now.")
    away = next((gap for gap in progress.breaks if gap.until is None and gap.days >= BREAK_DAYS), None)
    return CarryOn(week, longer, _belt_to_slow(progress, versions, logged, given), away, _walked_again(progress, week))


def _walked_again(progress: Progress, week: int) -> bool:
    """Whether the patient has walked ``week`` already, or a later week, under any version: a hold, a step back, a
    plan begun again lower. Not a week half walked, unless walked before it (seen in review: the latest walk's week,
    compared with the start, said "again" of a week half walked; asked of the newest version's rows alone, whose
    attempts start anew, no new version's handout said it)."""
    return any(row.week > week or row.week == week and (row.status == "done" or row.again)
               for row in progress.weeks if row.status in ("done", "in progress"))


def _belt_to_slow(progress: Progress, versions: list[VersionInCourse], logged: list[LoggedSession],
                  given: Week) -> tuple[Week, Week, int] | None:
    """Where the course's advice (``progress``, with the handout's plan in force) slows the belt and ``given``, the
    week a handout gives, is not walked slower and easier than the week the advice points to in the version the latest
    walks are judged under (not in a version saved since, which may have slowed it already: seen in review): the two
    weeks, and that version. Seen in a try: pain 8/10 in week 1 gave "stay at week 1's minutes ... and slow the belt",
    and the handout printed week 1 at its 3.5 km/h."""
    under = progress.current_version
    if progress.suggestion is None or under is None or SLOW_THE_BELT not in progress.suggestion.reason:
        return None
    advice = course_progress([v for v in versions if v.version <= under],
                             [walk for walk in logged if walk.plan_version <= under], today=dt.date.today()).suggestion
    walked = advice.next_week if advice is not None else None
    return None if walked is None or eased(walked, given) is not False else (given, walked, under)


class DateOutsideCourse(ValueError):
    """A report's date before the course began, or after today."""


def patient_progress(records: PatientRecords, patient_id: int, *, today: dt.date | None = None,
                     units: str = "metric") -> Progress:
    """The patient's course as it stood on ``today`` (from the course's first day, its first version or walk, to
    this day; raises DateOutsideCourse otherwise), or as it stands now."""
    history = records.plan_history(patient_id)
    if not history:
        raise records.missing_patient(patient_id)
    sessions = records.sessions(patient_id)
    if today is not None:
        began, now = min([history[0].saved_on] + [session.date for session in sessions]), dt.date.today()
        if not began <= today <= now:  # seen in review: a report dated 2020 showed the plan of 2026 "in force"
            raise DateOutsideCourse(f"must be from {began.isoformat()}, the day the course began (its first plan "
                                    f"version or walk), to today, {now.isoformat()}")
    return progress_of(history, sessions, today=today, units=units)


def progress_report_pdf(progress: Progress, settings: Settings, *, note: str, date: dt.date,
                        paper: Literal["a4", "letter"] | None = None) -> bytes:
    """The progress report for the referring physician or the patient's file, as PDF bytes; raises
    HandoutError with a plain message (a character no shipped font can print, say)."""
    from core.handout.progress_report import render_progress_report  # reportlab: on demand
    from core.handout.export import HandoutError
    from core.plan.profile import checked_lines

    try:
        lines = checked_lines(note)  # once: the refusal in report_note_problem's words
    except ValueError as error:
        raise HandoutError(_note_refused(error)) from None
    return render_progress_report(progress, settings=settings, note=lines, date=date, paper=paper)


REPORT_NOTE_MAX_LENGTH = 2000  # a product default: about a page of the report


def report_note_problem(note: str) -> str | None:
    """Why no report can be made with ``note`` (longer than REPORT_NOTE_MAX_LENGTH, or a character that would reorder
    or hide the printed text), or None. Seen in review: the length was checked on the command line only."""
    from core.plan.profile import checked_lines

    if len(note) > REPORT_NOTE_MAX_LENGTH:
        return f"The progress report was not made: the note is {len(note)} characters; at most " \
               f"{REPORT_NOTE_MAX_LENGTH} are allowed."
    try:
        checked_lines(note)
    except ValueError as error:
        return _note_refused(error)
    return None


def _note_refused(error: ValueError) -> str:
    return f"The progress report was not made: the note {error}."
