"""Step 4 follows the plan in force when another workstation (or the window holding the records) saves a newer version
of the patient on screen, where the clinician had the plan in force open and nothing typed: seen in a clinic's try,
the older version stayed on screen, only a note saying so, for its handout to be printed. An older version opened on
purpose, or anything typed (the plan, a week's cell, a reason, a walk), stays as it is, with its note. Mixed into MainWindow
through PatientCare."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.models.course import CourseOfCare


class NewerElsewhere:
    _newer_followed: str = ""  # what to say of a newer version step 4 now shows, until said

    def _follows_newer(self, before: CourseOfCare | None, shown_id: int | None) -> bool:
        """Step 4 showed ``shown_id``, the plan in force in ``before``; where the course just read has a newer one in
        force and nothing is typed, it is opened (the course read again with it). True where it was."""
        now, self._newer_followed = self._course, ""
        if (before is None or now is None or shown_id is None or before.patient_id != now.patient_id
                or before.in_force.id != shown_id or now.version_of(shown_id) is None
                or now.in_force.id == shown_id or now.in_force.version < before.in_force.version):
            return False
        if (self.editor.dirty or self.editor.reason.text().strip() or self.sessions.unsaved_entry()
                or self.editor.panel.editing()):
            return False
        from core.records.authors import author  # not at import: the window's first frame does without pydantic

        newer = now.in_force
        self.editor.load_version(newer)
        self.picker.select(newer.profile.etiology)
        self._refresh_course()
        self._newer_followed = (f"Step 4 now shows version {newer.version}, the plan in force, saved by "
                                f"{author(newer.created_by)}; version {before.in_force.version} was on screen, with "
                                "nothing typed.")
        return True

    def _newer_said(self) -> str:
        """What to add to the status bar's "Updated" of a newer version step 4 now shows ("" none), said once."""
        said, self._newer_followed = self._newer_followed, ""
        return f" {said}" if said else ""
