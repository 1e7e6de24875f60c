"""Step 5 deletes a walk only as the clinician was shown it and confirmed it: another workstation's correction, made
before or while the question is open, is not deleted unseen (core/records ChangedBeforeDelete)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import log, saved_patient, table_text, walk


def test_a_session_corrected_elsewhere_since_it_was_shown_is_not_deleted(qtbot, data_dir, monkeypatch) -> None:
    """Seen in review: the confirmation showed pain 3; another workstation had corrected it to pain 7 meanwhile, and
    the delete removed that correction without a word."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(6, 1, during=3))
    view = window.sessions
    [shown] = window.gateway.sessions(window.editor.patient_id)
    window.gateway.edit_session(shown.id, walk(6, 1, during=7), clinician="Dr B")  # another workstation's
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert view.table.select_session(1)
    view.delete_button.click()
    [kept] = window.gateway.sessions(window.editor.patient_id)
    assert kept.pain_during == 7 and view.message.text().startswith(
        "Not deleted: this session was changed by Dr B at ")  # seen by a clinic's tester: "Not saved. Not deleted:"
    assert table_text(view, "Pain\nduring") == ["7"]  # the log shows theirs, to delete again if it should go
    assert view.table.select_session(1)
    view.delete_button.click()
    assert window.gateway.sessions(window.editor.patient_id) == []



def test_a_session_corrected_while_the_delete_question_is_open_is_not_deleted(qtbot, data_dir, monkeypatch) -> None:
    """Seen in review: the clinic's notice, read while the question was open, brought another workstation's
    correction into the log, and the delete then went through against it."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(6, 1, during=3))
    view = window.sessions
    [shown] = window.gateway.sessions(window.editor.patient_id)

    def corrected_meanwhile(*args, **kwargs):
        window.gateway.edit_session(shown.id, walk(6, 1, during=7), clinician="Dr B")
        window._refresh_course()  # as the clinic's 2-second notice does while the question is open
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", corrected_meanwhile)
    assert view.table.select_session(1)
    view.delete_button.click()
    [kept] = window.gateway.sessions(window.editor.patient_id)
    assert kept.pain_during == 7 and "Not deleted" in view.message.text()
