"""The blood pressure's problem names which of its two boxes is wrong, and a refused save puts the cursor in that
box; a number typed as "1e2" is not called a decimal. Seen by a clinician: systolic 300 and diastolic "abc" said
"must be a whole number, in digits only" under the pair, and Save put the cursor in the systolic box, whose 300 is
allowed; "1e2" for the peak heart rate was "written without a decimal point"."""

from __future__ import annotations

import pytest

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window


@pytest.mark.parametrize(("systolic", "diastolic", "said", "mend"), [
    ("300", "abc", "the diastolic value must be a whole number, in digits only;", "diastolic"),
    ("abc", "80", "the systolic value must be a whole number, in digits only;", "systolic"),
    ("120", "300", "the diastolic value must be at most 200;", "diastolic"),
    ("120", "", "enter both the systolic and the diastolic value;", "diastolic"),
    ("", "80", "enter both the systolic and the diastolic value;", "systolic"),
])
def test_the_box_to_mend_is_named_and_gets_the_cursor(qtbot, data_dir, systolic, diastolic, said, mend) -> None:
    window = open_window(qtbot, data_dir)
    form = window.editor.form
    form.set_profile(example()[0])
    form.bp_systolic.setText(systolic)
    form.bp_diastolic.setText(diastolic)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert not window.save_plan()
    assert form._errors["resting_bp"].text().startswith(said), form._errors["resting_bp"].text()
    qtbot.waitUntil({"systolic": form.bp_systolic, "diastolic": form.bp_diastolic}[mend].hasFocus)


@pytest.mark.parametrize("typed", ["1e2", "inf", "nan", "1_00", "0x64"])
def test_a_number_not_in_digits_is_said_to_be_so(qtbot, data_dir, typed) -> None:
    window = open_window(qtbot, data_dir)
    form = window.editor.form
    form.set_profile(example()[0])
    form.numbers["measured_hr_max"].clear()
    qtbot.keyClicks(form.numbers["measured_hr_max"], typed)
    form.numbers["measured_hr_max"].editingFinished.emit()  # left: its problem shows
    assert form._errors["measured_hr_max"].text().startswith("must be a whole number, in digits only;"), typed
