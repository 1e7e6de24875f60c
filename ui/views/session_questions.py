"""The session log's questions before it lets something go: a session to delete, and a session typed in the form and
not saved when another is taken up for correction."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from core.records.models import SessionRecord
from ui.plain_text import shown_as_typed


def delete_confirmed(parent: QWidget, record: SessionRecord) -> bool:
    return QMessageBox.question(
        parent, "Delete session", shown_as_typed(
            f"Delete the session of {record.date.isoformat()} (week {record.week}, plan version "
            f"{record.plan_version}, {record.minutes:g} minutes)?\n\nThe audit trail keeps what it held."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes


def entry_let_go(parent: QWidget, entry: str, instead: str) -> bool:
    """Whether the form's unsaved ``entry`` (SessionLogView.unsaved_entry: "" for none) may go for ``instead`` (seen in
    testing: Correct replaced a walk typed and not added, and a correction's changes, without a word)."""
    return not entry or QMessageBox.question(
        parent, "Session not saved", f"The session log holds {entry}. Discard it and {instead}?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel) == QMessageBox.StandardButton.Discard
