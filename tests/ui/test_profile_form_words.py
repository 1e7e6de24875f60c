"""The profile form names what a field allows in the form's own words: boxes left empty, not a profile file's
"null" or "[systolic, diastolic]" (core's messages keep those for files)."""

from __future__ import annotations

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window


def _typed(qtbot, box, text: str) -> None:
    """Typed into ``box``, which is then left: its problem shows then, not at each key."""
    qtbot.keyClicks(box, text)
    box.editingFinished.emit()


def test_problems_speak_of_boxes_not_of_a_file(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    form = window.editor.form
    form.set_profile(example()[0])
    form.bp_systolic.clear()
    form.bp_diastolic.clear()
    _typed(qtbot, form.bp_systolic, "150")  # the diastolic box left empty
    bp = form._errors["resting_bp"]
    assert bp.isVisibleTo(form)
    assert bp.text() == ("enter both the systolic and the diastolic value; allowed: systolic 60-300 and diastolic "
                         "30-200 mmHg, systolic above diastolic; or both boxes left empty")
    _typed(qtbot, form.bp_diastolic, "160")
    assert bp.text().startswith("the systolic value must be above the diastolic value; allowed: systolic 60-300")
    form.numbers["measured_hr_max"].clear()
    _typed(qtbot, form.numbers["measured_hr_max"], "300")
    hr_max = form._errors["measured_hr_max"].text()
    assert hr_max.startswith("must be at most 220;") and hr_max.endswith(
        "or left empty (the formula chosen in Settings is used)")
    form.numbers["comfortable_speed_kmh"].clear()
    _typed(qtbot, form.numbers["comfortable_speed_kmh"], "12")
    shown = [label.text() for label in form._errors.values()]
    assert not any("null" in text or "[" in text for text in shown), shown


def test_letters_in_a_number_box_are_not_called_a_decimal_point(qtbot, data_dir) -> None:
    """Seen in review: "abc" for the resting heart rate was "must be a whole number, written without a decimal
    point", and "12o" in the systolic box "enter both the systolic and the diastolic value", both boxes filled."""
    window = open_window(qtbot, data_dir)
    form = window.editor.form
    form.set_profile(example()[0])
    for text, said in (("abc", "must be a whole number, in digits only;"),
                       ("7_2", "must be a whole number, in digits only;"),  # seen in testing: Python's 72, unsaid
                       ("72.5", "must be a whole number, written without a decimal point;")):
        form.numbers["resting_hr"].clear()
        _typed(qtbot, form.numbers["resting_hr"], text)
        assert form._errors["resting_hr"].text().startswith(said), text
    for text, said in (("12o", "the systolic value must be a whole number, in digits only;"),
                       ("120.5", "the systolic value must be a whole number, written without a decimal point;")):
        form.bp_systolic.clear()
        _typed(qtbot, form.bp_systolic, text)
        assert form.bp_diastolic.text() and form._errors["resting_bp"].text().startswith(said), text
