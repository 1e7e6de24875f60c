""""The same patient?" says what differs as saved and as typed: seen by a clinician, "The age in the profile does not
match what is saved" gave neither age, and the saved one was a Records visit away."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import saved_patient


def test_the_question_gives_the_saved_and_the_typed_values(qtbot, data_dir, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir, age=67, sex="female")
    monkeypatch.setattr(window, "_discard_ok", lambda: True)
    window.editor.form.numbers["age"].setText("60")
    window.editor.form.sex.setCurrentIndex(window.editor.form.sex.findData("male"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a: asked.append((title, text))
                        or QMessageBox.StandardButton.No)
    assert not window.save_plan()
    assert asked[0][0] == "The same patient?"
    assert "do not match what is saved for this patient (sex: saved female, now male; age: saved 67, now 60). Is " \
           "this the same person" in asked[0][1], asked[0][1]
    window.editor.form.sex.setCurrentIndex(window.editor.form.sex.findData("female"))
    assert not window.save_plan()  # one field: named once, in the sentence
    assert "The age in the profile does not match what is saved for this patient (saved 67, now 60). Is this the " \
           "same person, with the age corrected?" in asked[1][1], asked[1][1]
