"""Step 4 follows the plan in force when another workstation (or the window holding the records) saves a newer version
of the patient on screen, where the clinician had the plan in force open and nothing typed: seen in a clinic's try,
the older version stayed on screen, only a note saying so, for its handout to be printed. An older version opened on
purpose, anything typed (the plan, a week's cell, a reason, a walk), a handout being printed or exported, or a
question or file dialog open keep it as it is, with its note. Mixed into MainWindow through PatientCare."""

from __future__ import annotations


class NewerElsewhere:
    def _read_again_following_newer(self) -> str:
        """The open patient's course read again as another workstation (or the other window) changed it; where step 4
        showed the plan in force as read before, and a newer version is in force now, step 4 opens it unless it must
        stay (above). What to add to the status bar's word of the update: " Step 4 now shows ...", or ""."""
        from PySide6.QtWidgets import QApplication

        before, shown_id = self._course, self.editor.plan_id
        self._refresh_course()
        now = self._course
        if (before is None or now is None or shown_id is None or before.patient_id != now.patient_id
                or before.in_force.id != shown_id or now.version_of(shown_id) is None
                or now.in_force.id == shown_id or now.in_force.version < before.in_force.version):
            return ""
        if (self.editor.dirty or self.editor.reason.text().strip() or self.sessions.unsaved_entry()
                or self.editor.panel.editing() or self.handout.handing_out
                or QApplication.activeModalWidget() is not None):
            return ""
        from core.records.authors import author  # not at import: the window's first frame does without pydantic

        newer = now.in_force
        self.editor.load_version(newer)
        if newer.profile.etiology != before.in_force.profile.etiology:  # else step 1 stays as the clinician left it
            self.picker.select(newer.profile.etiology)
        self._refresh_course()
        return (f" Step 4 now shows version {newer.version}, the plan in force, saved by {author(newer.created_by)}; "
                f"version {before.in_force.version} was on screen, and nothing had been typed in it.")
