"""The session log's questions before it lets something go: a session to delete, and a session typed in the form and
not saved, when another is taken up for correction or the window goes to another patient or closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.plain_text import shown_as_typed

if TYPE_CHECKING:  # the window's first frame imports this module, and no pydantic (test_first_frame.py)
    import datetime as dt

    from core.records.models import SessionRecord


def delete_confirmed(parent: QWidget, record: SessionRecord) -> bool:
    return QMessageBox.question(
        parent, "Delete session", shown_as_typed(
            f"Delete the session of {record.date.isoformat()} (week {record.week}, plan version "
            f"{record.plan_version}, {record.minutes:g} minutes)?\n\nThe audit trail keeps what it held."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes


def leaving_answer(parent: QWidget, whose: str, entry: str, refusal: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for the form's unsaved ``entry`` as the window leaves ``whose`` log ("Rui Matos (patient
    3)": seen in review, asked on opening another patient, highlighted behind the question); Discard or Cancel where
    it cannot be saved as it is (``refusal``; seen in testing: "Save it first?", and Save then showed the refusal)."""
    buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    if refusal:  # the problems may quote what was typed: shown as typed
        return QMessageBox.question(parent, "Session not saved", shown_as_typed(
            f"The session log of {whose} holds {entry}, and it cannot be saved as it is: {refusal}\n\nDiscard it, or "
            "Cancel to correct it?"), buttons, QMessageBox.StandardButton.Cancel)
    return QMessageBox.question(parent, "Session not saved",
                                shown_as_typed(f"The session log of {whose} holds {entry}. Save it first?"),
                                QMessageBox.StandardButton.Save | buttons, QMessageBox.StandardButton.Save)


def entry_let_go(parent: QWidget, entry: str, instead: str) -> bool:
    """Whether the form's unsaved ``entry`` (SessionLogView.unsaved_entry: "" for none) may go for ``instead`` (seen in
    testing: Correct replaced a walk typed and not added, and a correction's changes, without a word)."""
    return not entry or QMessageBox.question(
        parent, "Session not saved", f"The session log holds {entry}. Discard it and {instead}?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel) == QMessageBox.StandardButton.Discard


def logged_as_new_confirmed(parent: QWidget, gone: str) -> bool:
    """Add session, the first time after the walk being corrected was deleted elsewhere: the button that read "Save
    correction" reads "Add session" in its place (seen in review: a click meant for the correction logged the walk
    again, as a new one). No is the default."""
    return QMessageBox.question(
        parent, "Log a new session?", f"The session of {gone} you were correcting was deleted elsewhere. Log what "
        "is in the form as a new walk?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes


def year_confirmed(parent: QWidget, day: dt.date, first_saved: dt.date, weeks: int, *,
                   correcting: bool = False) -> bool:
    """A walk dated longer before the patient's first plan than their longest plan lasts (``weeks``), the year asked
    about before it is logged: last year's typed in January was logged with only a note, gone as the window closed,
    then read as a week a year back (seen in a clinic's try). No is the default."""
    return QMessageBox.question(
        parent, "Check the year", f"The walk is dated {day.isoformat()}, {(first_saved - day).days} days before this "
        f"patient's first plan was saved on {first_saved.isoformat()}: more than their longest plan ({weeks} weeks) "
        f"before it. Is the year right?\n\nYes {'saves the correction' if correcting else 'logs the walk'} with "
        "this date (a paper diary begun before the plan); No leaves it in the form to correct.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
