"""The open patient's saved course of care, as the session log and progress views show it: whose it
is, every plan version and session the records hold, and the progress core computed from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from core.plan.engine import Plan
from core.plan.progress import Progress, as_patient_has_it
from core.records.models import PlanVersion, SessionRecord, version_in_force
from core.workspace.course import in_course
from core.workspace.gateway import ANOTHER_WINDOW


@dataclass(frozen=True)
class CourseOfCare:
    patient_id: int
    history: list[PlanVersion]  # oldest first, at least one
    sessions: list[SessionRecord]  # oldest walk first
    progress: Progress
    shown_plan_id: int | None = None  # the version the plan editor shows
    unsaved_edits: bool = False  # the editor's values differ from the version it shows
    read_only_why: str = ""  # why the window cannot change the course (gateway.ANOTHER_WINDOW...); "" where it can

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_why)

    @property
    def in_force(self) -> PlanVersion:
        """The newest saved version; a session goes under the version in force on its date (version_on)."""
        return self.history[-1]

    @property
    def patient_name(self) -> str:
        return self.in_force.profile.name

    @property
    def plan_in_force(self) -> Plan:
        """The newest version's plan as the patient has it (the clinician's changes applied)."""
        return as_patient_has_it(in_course(self.in_force))

    def version_on(self, day: dt.date, besides: int | None = None) -> PlanVersion:
        """The version a walk of ``day`` is logged under: the one in force that day (the records' own rule; a diary's
        walks ``besides`` the one being corrected, as the records leave it out)."""
        walks = [s for s in self.sessions if s.date < self.history[0].saved_on and s.id != besides]  # a diary
        diary = max((s for s in walks if s.date <= day), key=lambda s: s.date, default=None) or min(
            walks, key=lambda s: (s.date, s.id), default=None)
        return self.version_of(version_in_force([(v.id, v.created_at) for v in self.history], day,
                                                lambda plan_id: not self.version_of(plan_id).plan.blocked,
                                                diary.plan_id if diary else None))

    def plan_on(self, day: dt.date) -> Plan:
        """That version's plan as the patient has it."""
        return as_patient_has_it(in_course(self.version_on(day)))

    @property
    def older_shown(self) -> PlanVersion | None:
        """The version step 4 shows, where it is not the one in force."""
        shown = self.version_of(self.shown_plan_id) if self.shown_plan_id is not None else None
        return shown if shown is not None and shown.id != self.in_force.id else None

    def version_of(self, plan_id: int) -> PlanVersion | None:
        return next((version for version in self.history if version.id == plan_id), None)


def judged_again(course: CourseOfCare, units: str) -> CourseOfCare:
    """The same course, its progress worked out again: on a new day, or in the clinic's new units."""
    from dataclasses import replace

    from core.workspace.course import progress_of

    return replace(course, progress=progress_of(course.history, course.sessions, units=units))


def read_only_said(why: str, here: str) -> str:
    """"Read-only:" with why, what can be done ``here``, and, where another window holds the folder, what ends it."""
    ends = "; once that window is closed, Switch to editing appears at the top." if why == ANOTHER_WINDOW else "."
    return f"<b>Read-only:</b> {why}, so {here}{ends}"


def editor_note(course: CourseOfCare | None, *, read_only_why: str, deleted: tuple[str, str] = ("", "")) -> str:
    """Said under step 4's title: a read-only window cannot save what is typed there, an older version shown there is
    not the plan in force, and the plan on screen was typed for a patient ``deleted`` elsewhere (what happened, and
    what Save plan does with it). Seen in review: a reassessment typed in a read-only window was refused only at Save,
    and version 1 opened from Records read "plan ready", where the handout and the session log both said version 2 was
    in force; seen by a clinic's tester: a deletion elsewhere was said only in the status bar, until the next message
    replaced it."""
    said = [f"<b>{escape(deleted[0])}.</b> {escape(deleted[1])}"] if deleted[0] else []
    if read_only_why:
        said.append(read_only_said(read_only_why, "a plan can be drafted and its handout made here, but not saved"))
    if course is not None and course.older_shown is not None:
        said.append(f"<b>An older version:</b> version {course.in_force.version} is the plan in force (open it in "
                    "Records to go on from it).")
    return "<br>".join(said)


def of_an_older_version(course: CourseOfCare | None) -> bool:
    """The handout is of a saved version older than the one in force, as saved: Export and Print ask first."""
    return course is not None and not course.unsaved_edits and course.older_shown is not None


def handout_note(course: CourseOfCare | None, *, unsaved: bool, read_only_why: str = "") -> str:
    """What the clinician should know before giving this handout: it is not the plan on record (unsaved changes,
    a patient not saved yet) or it is an older version than the one in force. Empty when it is the plan in force.
    A read-only window cannot save, so it is not told to."""
    save = ("save the plan (Ctrl+S)" if not read_only_why else
            "this window is read-only, so save the plan in the Treadwell window that holds the records (or switch "
            "this one to editing when that one closes)" if read_only_why == ANOTHER_WINDOW else
            f"this window is read-only ({read_only_why}), so the plan cannot be saved here")
    if course is None:
        return f"Not saved yet: {save} so the record holds the plan this handout gives the patient." if unsaved else ""
    if course.unsaved_edits:  # an older version's too (seen in review: the version in force went unsaid)
        older = "" if course.older_shown is None else (f" They were made to version {course.older_shown.version}; "
                                                       f"version {course.in_force.version} is the plan in force.")
        return (f"The plan on step 4 has unsaved changes, so this handout is not the plan on record: {save} before "
                f"the patient takes it home.{older}")
    if of_an_older_version(course):
        return (f"This handout is of plan version {course.older_shown.version}, an older version: version "
                f"{course.in_force.version} is the plan in force (open it in Records to give its handout).")
    return ""
