"""The patient on screen deleted elsewhere (another workstation on the clinic server, or another window): said, and
what was typed and not saved can be saved as a new patient."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.storage.helpers import example
from tests.ui.course_helpers import fill, saved_patient
from ui.save_questions import ELSEWHERE


def _answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    """Save plan's question, answered with ``button``; the questions asked."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *_args: asked.append(text) or button)
    return asked


def _edited_then_deleted_elsewhere(qtbot, data_dir):
    """A saved patient whose age is changed, not saved, while they are deleted in another window; and their id."""
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    deleted = window.editor.patient_id
    window.editor.form.numbers["age"].setText("71")
    window.gateway.delete_patient(deleted, clinician="Dr B")
    window._show_saved_elsewhere()
    return window, deleted


def test_unsaved_edits_of_a_patient_deleted_elsewhere_are_kept_to_save_as_a_new_patient(qtbot, data_dir,
                                                                                         monkeypatch) -> None:
    """Seen in review: every Save then said "Not saved: There is no patient with id 1.", and nothing said that the
    patient had been deleted, nor how to keep what was typed. Seen by a clinic's tester: it was said only in the status
    bar, until the next message replaced it, and Save plan brought the patient back without a question."""
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    deleted = window.editor.patient_id
    window.editor.form.numbers["age"].setText("71")  # typed, not saved
    assert window.editor.dirty
    window.gateway.delete_patient(deleted, clinician="Dr B")  # as another window does
    window._show_saved_elsewhere()  # as a read-only window told of the other's save does: the message not said over
    assert window.editor.patient_id is None and window.editor.dirty
    assert window.editor.form.name.text() == "Rui Matos" and window.editor.form.numbers["age"].text() == "71"
    assert window.statusBar().currentMessage().startswith(f"Patient {deleted} was deleted elsewhere")
    window.statusBar().showMessage("Updated from the clinic database (1 patient changed on another workstation).")
    said = f"Patient {deleted}, whose plan this is, was deleted elsewhere"
    assert f"<b>{said}" in window.editor.header.text()  # it stays said on steps 4 and 5
    assert said in window.sessions.title.text() and "Save the plan first" not in window.sessions.title.text()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert window.save_plan(), window.statusBar().currentMessage()
    assert len(asked) == 1 and said in asked[0]
    assert "Save the plan on screen as a new patient? Their earlier versions and walks are not brought back. The" in \
        asked[0]
    assert window.editor.patient_id != deleted and window.gateway.history(window.editor.patient_id)[-1].profile.age \
        == 71
    assert said not in window.editor.header.text()


def test_a_save_said_yes_to_and_refused_is_not_asked_again_and_the_deletion_stays_said(qtbot, data_dir,
                                                                                       monkeypatch) -> None:
    """Seen in review: the answer cleared what was said on steps 4 and 5 before the save was made, so a save refused
    after it (the clinic server away, say) left nothing said, and the next save was not asked."""
    window, deleted = _edited_then_deleted_elsewhere(qtbot, data_dir)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    save = window.gateway.save_plan

    def away(*_args, **_kwargs):
        raise OSError("the disk is full")

    monkeypatch.setattr(window.gateway, "save_plan", away)
    assert not window.save_plan() and len(asked) == 1
    window._refresh_course()
    said = f"Patient {deleted}, whose plan this is, was deleted elsewhere"
    assert f"<b>{said}" in window.editor.header.text() and said in window.sessions.title.text()
    assert "You said to save it as a new patient: Save plan does so" in window.editor.header.text()
    monkeypatch.setattr(window.gateway, "save_plan", save)
    assert window.save_plan(), window.statusBar().currentMessage()
    assert len(asked) == 1 and window.editor.patient_id not in (None, deleted)


def test_no_to_saving_a_patient_deleted_elsewhere_saves_nothing_and_keeps_what_was_typed(qtbot, data_dir,
                                                                                         monkeypatch) -> None:
    window, deleted = _edited_then_deleted_elsewhere(qtbot, data_dir)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.save_plan() and len(asked) == 1
    assert window.statusBar().currentMessage().startswith(f"Not saved: Patient {deleted}, whose plan this is, was "
                                                          "deleted elsewhere")
    assert window.gateway.count_patients(None) == 0 and window.editor.form.numbers["age"].text() == "71"


def test_a_walk_typed_for_a_patient_deleted_elsewhere_goes_with_them_as_a_new_patient(qtbot, data_dir,
                                                                                      monkeypatch) -> None:
    """Seen by a clinic's tester: the walk typed in the session log, kept on screen while the patient was gone, was
    cleared when Save plan made them a new patient; File > New patient then lets it go."""
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    deleted = window.editor.patient_id
    fill(window.sessions, week=1, minutes=9, rpe=12, note="typed, not added")
    window.editor.form.numbers["age"].setText("71")
    window.gateway.delete_patient(deleted, clinician="Dr B")
    window._show_saved_elsewhere()
    assert "What you typed is kept (the walk in the session log too). Save plan asks first, then saves it as a new " \
        "patient" in window.statusBar().currentMessage()
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert window.save_plan(), window.statusBar().currentMessage()
    log = window.sessions
    assert window.editor.patient_id != deleted and log.minutes.value() == 9 and log._fields.note.text() == \
        "typed, not added" and log.save_button.isEnabled()
    log.save_button.click()
    [walk] = window.gateway.sessions(window.editor.patient_id)
    assert (walk.minutes, walk.note) == (9, "typed, not added")
    window.new_patient()  # nothing typed for anyone now: nothing carried to the next patient saved
    window.editor.form.set_profile(example(name="Ana Neves")[0])
    assert window.save_plan() and not log._fields.has_entries()


def test_a_patient_deleted_elsewhere_with_nothing_unsaved_gives_way_to_a_new_patient(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    deleted = window.editor.patient_id
    window.gateway.delete_patient(deleted, clinician="Dr B")
    window._show_saved_elsewhere()
    assert window.editor.patient_id is None and not window.editor.dirty and window.editor.form.name.text() == ""
    assert window.statusBar().currentMessage() == (
        f"Patient {deleted}, who was open, was deleted {ELSEWHERE}: the plan form now starts a new patient.")


def test_a_walk_typed_for_a_patient_deleted_elsewhere_is_kept_with_their_plan_though_the_plan_was_saved(
        qtbot, data_dir, monkeypatch) -> None:
    """Seen in a clinic's try: with nothing unsaved in the plan, the walk typed was dropped with the patient, said only
    in the status bar, its fields greyed so it could not even be copied."""
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    deleted = window.editor.patient_id
    fill(window.sessions, week=1, minutes=9, rpe=12, note="typed, not added")
    assert not window.editor.dirty
    window.gateway.delete_patient(deleted, clinician="Dr B")
    window._show_saved_elsewhere()
    assert window.editor.patient_id is None and window.editor.form.name.text() == "Rui Matos"
    assert f"deleted {ELSEWHERE}. Their plan, and the walk you typed in the session log, are kept. Save plan asks " \
        "first" in window.statusBar().currentMessage()
    said = f"Patient {deleted}, whose plan this is, was deleted elsewhere"
    assert f"<b>{said}" in window.editor.header.text() and said in window.sessions.title.text()
    log = window.sessions
    assert log.minutes.value() == 9 and log._fields.note.text() == "typed, not added"
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window._discard_ok()  # leaving names the walk, and has no Save that would leave it behind unlogged
    assert len(asked) == 1 and "and the walk typed for them in the session log are not saved. Discard both?" in \
        asked[0]
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert window.save_plan(), window.statusBar().currentMessage()
    log.save_button.click()
    [walk] = window.gateway.sessions(window.editor.patient_id)
    assert window.editor.patient_id != deleted and (walk.minutes, walk.note) == (9, "typed, not added")


def test_the_open_patient_deleted_in_this_windows_records_is_not_kept_as_a_new_patient(qtbot, data_dir,
                                                                                         monkeypatch) -> None:
    """Seen in review: Records' delete said "changed" before "patient deleted", so the window read its own deletion
    as one made elsewhere, and kept the deleted patient's unsaved edits on screen, for Save to bring them back."""
    from PySide6.QtWidgets import QMessageBox

    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    window.editor.form.numbers["age"].setText("71")
    window.records.reload()
    window.records.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.records.delete_button.click()
    assert window.editor.patient_id is None and window.editor.form.name.text() == "" and not window.editor.dirty
    assert "elsewhere" not in window.statusBar().currentMessage()


def test_an_older_version_kept_with_a_walk_is_named_and_not_called_typed(qtbot, data_dir, monkeypatch) -> None:
    """Seen in a clinic's try: step 4 on version 4 (a walk typed when a colleague saved version 5), the patient deleted
    on another workstation, and Save plan asked "Save what you typed as a new patient?" where nothing had been typed in
    the plan, and brought back version 4 without a word that version 5 had been in force."""
    window = saved_patient(qtbot, data_dir, name="Rui Matos")
    deleted, first = window.editor.patient_id, window.editor.plan_id
    fill(window.sessions, week=1, minutes=9, rpe=12, note="typed, not added")
    window.gateway.save_plan(*example(name="Rui Matos", weeks=8), [], clinician="Dr B", patient_id=deleted,
                             based_on=first)
    window._show_saved_elsewhere()
    assert window.editor.plan_id == first  # kept on screen for the walk
    window.gateway.delete_patient(deleted, clinician="Dr B")
    window._show_saved_elsewhere()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.save_plan()
    assert len(asked) == 1 and (
        f"Patient {deleted}, whose plan this is, was deleted {ELSEWHERE} while open here (step 4 shows version 1, an "
        "older one: version 2 was the plan in force)." in asked[0])
    assert ("Save the plan on screen as a new patient? Their earlier versions and walks are not brought back; the walk "
            "typed in the session log can be added once it is saved.") in asked[0]
    assert "what you typed" not in asked[0]
    assert ELSEWHERE == "elsewhere (in another window, or by restoring a backup made before this patient was saved)"
