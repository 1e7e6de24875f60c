"""Step 5: a walk deleted by mistake, seen in the patient's deleted sessions and logged again from there, through the
real window (seen in a clinician's try: it could come back only by retyping it or restoring a backup)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.course_helpers import log, saved_patient, walk
from ui.views.deleted_sessions_dialog import DeletedSessionsDialog


def _answer(qtbot, act) -> list[DeletedSessionsDialog]:
    """Acts on the dialog once it is open (``act(dialog)``), and returns it."""
    seen: list[DeletedSessionsDialog] = []

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeletedSessionsDialog):
            QTimer.singleShot(20, when_open)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(20, when_open)
    return seen


def test_a_deleted_walk_is_logged_again_from_the_deleted_sessions(qtbot, data_dir, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    log(window, walk(6, 1, note="knee fine"))
    log(window, walk(4, 1, minutes=11))
    view = window.sessions
    shown = _answer(qtbot, lambda dialog: dialog.reject())
    view.deleted_button.click()  # none deleted yet: it says so
    assert shown and "No deleted session of" in shown[0].findChild(type(view.title)).text()
    assert not shown[0].log_again.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    [first, second] = window.gateway.sessions(window.editor.patient_id)
    assert view.table.select_session(first.id)
    view.delete_button.click()
    assert [s.id for s in window.gateway.sessions(window.editor.patient_id)] == [second.id]
    shown = _answer(qtbot, lambda dialog: dialog.reject())
    view.deleted_button.click()  # Close: nothing changes
    assert shown[0].table.rowCount() == 1 and shown[0].table.item(0, 11).text() == "knee fine"
    assert [s.id for s in window.gateway.sessions(window.editor.patient_id)] == [second.id]
    view.note.setText("typed, not added")  # Log again clears the form after: asked first (seen in review)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    shown = _answer(qtbot, lambda dialog: qtbot.keyClick(dialog.table, Qt.Key.Key_Return))
    view.deleted_button.click()
    assert shown and len(window.gateway.sessions(window.editor.patient_id)) == 1
    assert view.note.text() == "typed, not added"
    view.note.clear()
    shown = _answer(qtbot, lambda dialog: qtbot.keyClick(dialog.table, Qt.Key.Key_Return))  # Enter: Log again
    view.deleted_button.click()
    assert shown and [s.id for s in window.gateway.sessions(window.editor.patient_id)] == [first.id, second.id]
    assert window.gateway.sessions(window.editor.patient_id)[0].as_logged() == first.as_logged()
    assert view.model.rowCount() == 2
    assert f"Session of {first.date.isoformat()} logged again as it was when deleted" in view.message.text()
    assert window.gateway.deleted_sessions(window.editor.patient_id) == []
