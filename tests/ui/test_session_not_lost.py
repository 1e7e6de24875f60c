"""A session typed into the log, or a correction of one, is not lost when the clinician opens another patient or
closes the window: the window asks first, and a save that is refused keeps it in the form."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import fill, log, saved_patient, walk
from ui.views.unrecorded_fields import show_given


def test_a_session_typed_and_not_added_is_asked_about_before_another_patient_opens(qtbot, data_dir,
                                                                                  monkeypatch) -> None:
    """Seen in review: a session typed into the log (effort, pain, a note) vanished without a word when another
    patient was opened; unsaved plan edits were asked about, the session was not."""
    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    window.tabs.setCurrentWidget(window.records)
    assert view.unsaved_entry() == ""  # the date, week and planned minutes the form fills in are not an entry
    fill(view, week=1, minutes=10, rpe=12, during=3, note="felt fine")
    answers = [QMessageBox.StandardButton.Cancel]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), answers.pop(0))[1])
    window.new_patient()
    whose = f"{window.editor.form.name.text()} (patient {window.editor.patient_id})"  # (seen in review: not named)
    assert asked == [f"<p>The session log of {whose} holds a session that has not been added. Save it first?</p>"]
    assert window.tabs.currentWidget() is view and view.note.text() == "felt fine"  # kept, shown where it is
    patient_id = window.editor.patient_id
    assert patient_id is not None
    answers.append(QMessageBox.StandardButton.Save)
    window.new_patient()
    assert window.editor.patient_id is None and view.unsaved_entry() == ""
    assert [s.note for s in window.gateway.sessions(patient_id)] == ["felt fine"]


def test_a_correction_not_saved_is_asked_about_and_one_refused_keeps_the_patient_open(qtbot, data_dir,
                                                                                      monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=1, week=1))
    view = window.sessions
    view.load_for_correction(view.model.row_object(0))
    assert view.unsaved_entry() == ""  # loaded, not changed
    view.minutes.setValue(0)
    show_given(view.rpe, None)  # effort is required: saving the correction as it is is refused
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",  # Discard or Cancel: Save is not offered for what cannot be saved
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window.close()
    assert asked and asked[0].startswith(f"<p>The session log of {window.editor.form.name.text()} (patient "
                                         f"{window.editor.patient_id}) holds a correction to the session of ")
    # seen in testing: "Save it first?", and Save then showed the refusal: the question says it cannot be saved
    assert "that is not saved, and it cannot be saved as it is: Effort (RPE): " in asked[0], asked
    assert asked[0].endswith("<br><br>Discard it, or Cancel to correct it?</p>")  # shown as typed: it may quote it
    assert window.isVisible() and "Effort (RPE)" in view.message.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.close()
    assert not window.isVisible()


def test_correct_asks_before_it_replaces_a_walk_typed_or_a_correction_changed(qtbot, data_dir, monkeypatch) -> None:
    """Seen in testing: Correct on another row replaced a walk typed and not added, and a correction's changes,
    without a word; Cancel keeps them, Discard takes up the session chosen."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=2, week=1))
    log(window, walk(days_ago=1, week=1))
    view = window.sessions
    fill(view, week=1, minutes=22, rpe=12, note="typed, not added")
    answers = [QMessageBox.StandardButton.Cancel]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), answers.pop(0))[1])
    view.table.selectRow(0)
    view.correct_button.click()
    assert asked == [f"The session log holds a session that has not been added. Discard it and correct the session "
                     f"of {view.model.row_object(0).date.isoformat()}?"]
    assert view.correcting is None and view.note.text() == "typed, not added"
    answers.append(QMessageBox.StandardButton.Discard)
    view.correct_button.click()
    assert view.correcting is not None and view.correcting.id == view.model.row_object(0).id
    view.minutes.setValue(25)  # a correction changed, then another row chosen
    view.table.selectRow(1)
    answers.append(QMessageBox.StandardButton.Cancel)
    view.correct_button.click()
    assert "a correction to the session of" in asked[-1] and view.minutes.value() == 25
    assert view.correcting.id == view.model.row_object(0).id
    view.table.selectRow(0)
    asked.clear()
    view.cancel_button.click()
    view.table.selectRow(1)
    view.correct_button.click()  # nothing typed: nothing asked
    assert asked == [] and view.correcting.id == view.model.row_object(1).id


def test_the_questions_name_a_saved_patient_as_saved_and_a_new_one_as_typed(qtbot, data_dir) -> None:
    """Seen in review: with the name field cleared, "The plan of  (patient 1) has unsaved changes", and a name retyped
    named as typed, where step 4's line and the session log name the patient as saved."""
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    window.editor.form.name.setText("Rui Mattos")
    assert window._open_patient() == f"Rui Matos (patient {window.editor.patient_id})"
    window.editor.form.name.clear()
    assert window._open_patient() == f"Rui Matos (patient {window.editor.patient_id})"
    window.editor.new_patient(None)
    window.editor.form.name.setText("Ana Neves")
    assert window._open_patient() == "the new patient Ana Neves, not saved yet,"
