"""The session log's title: whose log it is, the version in force, and under which version a new walk goes
(blocked by screening, unsaved edits on step 4, or an older version shown there)."""

from __future__ import annotations

from html import escape

from ui.models.course import CourseOfCare


def log_title_html(course: CourseOfCare) -> str:
    version = course.in_force
    lines = [f"<h3>5. Session log of {escape(course.patient_name)} (patient {course.patient_id})</h3>",
             f"<p>Plan version {version.version} in force (saved {version.saved_on.isoformat()}); "
             "every session of every version is listed."]
    if course.read_only:
        lines.append(" <b>Read-only:</b> another Treadwell window holds this data folder, so sessions can be read "
                     "here but not logged, corrected or deleted; once that window is closed, Switch to editing "
                     "appears at the top.")
    elif course.in_force.plan.blocked:
        lines.append(f" <b>Version {version.version} is blocked by screening:</b> no walk dated "
                     f"{version.saved_on.isoformat()} or later can be logged until the plan is unblocked and "
                     "saved.")
    elif course.unsaved_edits:
        lines.append(f" <b>The plan on step 4 has unsaved changes:</b> a walk from {version.saved_on.isoformat()} "
                     f"on goes under version {version.version}, the newest saved version; save first to log under "
                     "the changed plan.")
    elif course.shown_plan_id is not None and course.shown_plan_id != version.id:
        shown_version = course.version_of(course.shown_plan_id)
        if shown_version is not None:
            lines.append(f" Step 4 shows the older version {shown_version.version}; a walk from "
                         f"{version.saved_on.isoformat()} on goes under version {version.version}, the newest "
                         "saved version.")
    if len(course.history) > 1:
        lines.append(" A walk is logged under the version in force on its date.")
    return "".join(lines) + "</p>"
