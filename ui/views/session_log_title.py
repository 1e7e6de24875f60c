"""The session log's title: whose log it is, the version in force, and under which version a new walk goes
(blocked by screening, unsaved edits on step 4, or an older version shown there)."""

from __future__ import annotations

from html import escape

from core.records.models import PlanVersion
from ui.models.course import CourseOfCare, read_only_said


def log_title_html(course: CourseOfCare) -> str:
    version = course.in_force
    lines = [f"<h3>5. Session log of {escape(course.patient_name)} (patient {course.patient_id})</h3>",
             f"<p>Plan version {version.version} in force (saved {version.saved_on.isoformat()}); "
             "every session of every version is listed."]
    if course.read_only:
        lines.append(" " + read_only_said(course.read_only_why, "sessions can be read here but not logged, corrected "
                                                                "or deleted"))
    elif course.in_force.plan.blocked:
        lines.append(f" <b>Version {version.version} is blocked by screening:</b> no walk dated "
                     f"{version.saved_on.isoformat()} or later can be logged until the plan is unblocked and "
                     "saved.")
    elif course.unsaved_edits:
        lines.append(f" <b>The plan on step 4 has unsaved changes:</b> a walk from {version.saved_on.isoformat()} "
                     f"on goes under version {version.version}, the newest saved version; save first to log under "
                     "the changed plan.")
    elif (shown := course.older_shown) is not None:
        lines.append(f" Step 4 shows the older version {shown.version}; a walk from {version.saved_on.isoformat()} "
                     f"on goes under version {version.version}, the newest saved version.")
    if len(course.history) > 1:
        lines.append(" A walk is logged under the version in force on its date.")
    return "".join(lines) + "</p>"


def blocked_note_text(course: CourseOfCare, version: PlanVersion) -> str:
    """Why a walk of the form's date cannot be logged under ``version``, blocked by screening, and what can be done:
    an earlier date only where an earlier version is not blocked (the first version had none), and where a later
    version is not, from when (seen in review: "unblock and save the plan", already done in a later version)."""
    earlier = any(v.version < version.version and not v.plan.blocked for v in course.history)
    later = next((v for v in course.history if v.version > version.version and not v.plan.blocked), None)
    return (f"A walk of this date goes under plan version {version.version}, which is blocked by screening: "
            + ("choose an earlier date, or " if earlier else "")
            + (f"a date from {later.saved_on.isoformat()}, when version {later.version}, not blocked, was saved."
               if later else "unblock and save the plan."))


def count_text(course: CourseOfCare) -> str:
    """How many walks the log holds, and under which plan versions."""
    count = len(course.sessions)
    versions = sorted({s.plan_version for s in course.sessions})
    return f"{count} session{'' if count == 1 else 's'}" + (
        f" under plan version{'s' if len(versions) > 1 else ''} {', '.join(map(str, versions))}" if versions else "")
