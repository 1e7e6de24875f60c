"""A save refused for a version saved meanwhile that already holds the clinician's changes: nothing is asked, and the
window says there is nothing more to save. Seen by a clinic's tester: "Put my changes on version 6" said "Save plan
makes them version 7", and Save plan then said "No changes since version 6: nothing new saved"."""

from __future__ import annotations

from tests.storage.helpers import example
from tests.ui.course_helpers import saved_patient


def test_a_newer_version_with_your_changes_already_is_said_so(qtbot, data_dir, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr("ui.save_questions.carry_onto_newer", lambda *args: asked.append(args) or True)
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    theirs = window.gateway.save_plan(*example(name="Lena Berg", resting_hr=74, weeks=10), [], clinician="Dr B",
                                      patient_id=window.editor.patient_id, based_on=window.editor.plan_id)
    window.editor.form.numbers["resting_hr"].setText("74")  # one of their changes, made here too
    assert window.save_plan() is False and asked == []
    assert window.editor.plan_id == theirs.id and not window.editor.dirty
    assert window.statusBar().currentMessage() == (
        "Not saved: version 2, saved meanwhile, already has your changes (Resting heart rate (bpm): 72 -> 74). It is "
        "on screen; there is nothing more to save.")
