"""An unsaved new patient's etiology, corrected in the form, stays as corrected when the evidence is read anew (another
workstation imported studies, the clinic server signed in to again). Seen in testing: step 1's choice, said again by
the reload, put its etiology back into the form, and the patient was saved under it."""

from __future__ import annotations

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window


def test_the_evidence_read_anew_does_not_change_a_typed_new_patients_etiology(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.picker.select("peripheral-nerve-injury")
    window.new_patient()
    window.editor.form.set_profile(example("chemotherapy-neuropathy", name="Ines Duarte")[0])
    window._use_evidence(window.overview)  # as when the clinic's studies are read again
    assert window.editor.profile.etiology == "chemotherapy-neuropathy"
    assert window.picker.current_id() == "peripheral-nerve-injury"

    window.picker.select("post-stroke-pain")  # chosen on step 1: the new patient's form follows, as before
    assert window.editor.profile.etiology == "post-stroke-pain"


def test_nor_with_a_filter_typed_that_hides_step_1s_choice(qtbot, data_dir) -> None:
    """Seen in review: the filter cleared to show the choice again announced the first etiology on the way."""
    window = open_window(qtbot, data_dir)
    window.picker.select("post-stroke-pain")
    window.new_patient()
    window.editor.form.set_profile(example("chemotherapy-neuropathy", name="Ines Duarte")[0])
    window.picker.search.setText("zzz")  # matches none
    window._use_evidence(window.overview)
    assert window.editor.profile.etiology == "chemotherapy-neuropathy"
    assert window.picker.current_id() == "post-stroke-pain" and window.picker.search.text() == ""
