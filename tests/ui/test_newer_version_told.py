"""A save refused because another workstation (or window) saved a newer version of the patient: the clinician is told,
the next save of the same plan replaces it, and leaving asks in those words. Seen by a clinic's tester: "Save them
first?" on opening the patient again saved over the colleague's version unasked; seen in review: the question, and
the next save's check, held on after another version was opened."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.storage.helpers import example
from tests.ui.course_helpers import saved_patient


def _refused_for_a_newer_version(qtbot, data_dir, monkeypatch):
    told = []
    monkeypatch.setattr("ui.patient_care.QMessageBox.information", lambda *args, **kwargs: told.append(args[2]))
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    first, patient = window.editor.plan_id, window.editor.patient_id
    theirs = window.gateway.save_plan(*example(name="Lena Berg", weeks=8), [], clinician="Dr B", patient_id=patient,
                                      based_on=first)  # as another window of the clinic does
    window.editor.form.numbers["weeks"].setText("10")  # this clinician's change, made on version 1
    assert window.save_plan() is False and "saved by Dr B" in told[0]
    return window, theirs


def test_leaving_asks_in_words_with_the_differences_as_the_plan_is_now_and_enter_saves_nothing(
        qtbot, data_dir, monkeypatch) -> None:
    window, theirs = _refused_for_a_newer_version(qtbot, data_dir, monkeypatch)
    window.editor.form.numbers["weeks"].setText("11")  # changed again since the refusal
    asked = []
    monkeypatch.setattr("ui.patient_care.QMessageBox.question", lambda *args: asked.append(args) or args[4])
    assert window._plan_discard_ok() is False  # the default, Cancel: nothing saved, the change kept
    question = asked[0][2]
    assert "made from a version older than version 2, which Dr B saved meanwhile. Saving them makes yours version 3, " \
        "the plan in force, in place of theirs. Yours differs from it: " in question, question
    assert "8 -&gt; 11" in question and "10" not in question.split("differs from it:")[1], question
    assert asked[0][4] == QMessageBox.StandardButton.Cancel and window.editor.dirty
    assert window.gateway.history(window.editor.patient_id)[-1].id == theirs.id


def test_another_version_opened_since_is_saved_and_asked_about_as_any_plan(qtbot, data_dir, monkeypatch) -> None:
    window, theirs = _refused_for_a_newer_version(qtbot, data_dir, monkeypatch)
    monkeypatch.setattr("ui.patient_care.QMessageBox.question", lambda *args: QMessageBox.StandardButton.Discard)
    window.open_plan(theirs.id)  # Dr B's version, opened (the change on version 1 let go) and changed
    window.editor.form.numbers["weeks"].setText("9")
    asked = []
    monkeypatch.setattr("ui.patient_care.QMessageBox.question",
                        lambda *args: asked.append(args) or QMessageBox.StandardButton.Cancel)
    assert window._plan_discard_ok() is False
    question = f"<p>The plan of Lena Berg (patient {theirs.patient_id}) has unsaved changes. Save them first?</p>"
    assert asked[0][2] == question  # made on version 2: nothing replaced
    third = window.gateway.save_plan(*example(name="Lena Berg", weeks=12), [], clinician="Dr C",
                                     patient_id=theirs.patient_id, based_on=theirs.id)
    assert window.save_plan() is False  # made on version 2, and Dr C saved version 3: refused, not saved over it
    assert window.gateway.history(theirs.patient_id)[-1].id == third.id
