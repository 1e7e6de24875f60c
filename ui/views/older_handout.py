"""Before the handout of an older version is given: Export and Print ask, naming the version in force (seen in a
clinic's try: a workstation left on version 4 exported its handout under the same name and date as a colleague's
version 5, with other minutes, and nothing asked)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox


class OlderVersionAsked:
    """Mixed into the handout view, which provides ``record_note``, the label above the preview."""

    record_note: QLabel
    older_note = ""  # the record note, where the handout is of a version older than the one in force

    def set_record_note(self, note: str, *, older: bool = False) -> None:
        """Said above the preview: an older version, or a plan not saved as shown, looks like any other handout."""
        self.record_note.setText(note)
        self.record_note.setVisible(bool(note))
        self.older_note = note if older else ""

    def giving_ok(self, how: str) -> bool:
        """``how``: "Export" or "Print". True for the plan in force, or where the clinician chose the older version."""
        if not self.older_note:
            return True
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        return QMessageBox.question(self, f"{how} an older version", f"{self.older_note}\n\n{how} the older "
                                    "version's handout all the same?", yes | cancel, cancel) == yes
