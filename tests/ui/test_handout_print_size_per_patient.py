"""A print size chosen for one patient's copy is not the next patient's: each starts from Settings (seen by a
tester: standard print chosen for one patient, the next patient's handout came out at 14 pt, Settings saying large)."""

from __future__ import annotations

from tests.ui.course_helpers import saved_patient


def test_the_next_patient_starts_from_the_settings_print_size(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    handout = window.handout
    assert handout.print_size.currentData() == "large"
    handout.print_size.setCurrentIndex(handout.print_size.findData("standard"))
    window.open_plan(window.editor.plan_id)  # the same patient opened again: kept
    assert handout.print_size.currentData() == "standard"
    window.new_patient()
    assert handout.print_size.currentData() == "large"

    handout.apply_settings(window.settings.model_copy(update={"handout_print": "standard"}))
    handout.print_size.setCurrentIndex(handout.print_size.findData("large"))
    window.new_patient()
    assert handout.print_size.currentData() == "standard"  # the clinic's own default
