"""Before a handout is given that should be looked at first, Export and Print ask: an older version's, naming the
version in force (seen in a clinic's try: a workstation left on version 4 exported its handout under the same name and
date as a colleague's version 5, with other minutes, and nothing asked); one whose start the patient's course questions
(a break to ask about, a belt not slowed as the course advises, walks longer than it points to), saying why (seen by a
helper: exported straight after opening the tab, the note came only under the preview once the file was written)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox


class OlderVersionAsked:
    """Mixed into the handout view, which provides ``record_note``, the label above the preview."""

    record_note: QLabel
    older_note = ""  # the record note, where the handout is of a version older than the one in force
    start_caution = ""  # what the patient's course questions in the handout shown (core/workspace/course.py CarryOn)
    _answered_for: bytes | None = None  # the handout the clinician chose to give despite its caution

    def set_record_note(self, note: str, *, older: bool = False) -> None:
        """Said above the preview: an older version, or a plan not saved as shown, looks like any other handout."""
        self.record_note.setText(note)
        self.record_note.setVisible(bool(note))
        self.older_note = note if older else ""

    def giving_ok(self, how: str, handout: bytes | None = None, caution: str = "") -> bool:
        """``how``: "Export" or "Print"; ``handout``, ``caution``: the PDF to give and its start_caution, read together.
        True where nothing is to be looked at first, or the clinician chose to give it all the same (the caution then
        asked no more of that handout: found in review, asked at every copy printed)."""
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        if self.older_note and QMessageBox.question(
                self, f"{how} an older version", f"{self.older_note}\n\n{how} the older version's handout all the "
                "same?", yes | cancel, cancel) != yes:
            return False
        if not caution or handout is self._answered_for:
            return True
        if QMessageBox.question(self, f"{how} the handout", f"{caution}\n\n{how} it all the same?", yes | cancel,
                                cancel) != yes:
            return False
        self._answered_for = handout
        return True
