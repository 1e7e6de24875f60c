"""The minutes a clinician types for a walk are never replaced by the planned minutes of another week. Seen by a
clinic's tester: week 1 chosen, its planned 14 minutes typed, the week then mended to 5, and the walk saved as 19.5
minutes, week 5's plan (a typed value equal to the suggestion was taken for it); 11 typed was kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.course_helpers import saved_patient


def _type_minutes(qtbot, view, text: str) -> None:
    view.minutes.lineEdit().selectAll()
    qtbot.keyClicks(view.minutes.lineEdit(), text)


def test_minutes_typed_as_planned_stay_when_the_week_changes(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    view, weeks = window.sessions, window.editor.plan.weeks
    assert weeks[0].main_min != weeks[4].main_min
    view.week.setValue(1)
    assert view.minutes.value() == weeks[0].main_min  # suggested
    view.week.setValue(2)
    assert view.minutes.value() == weeks[1].main_min  # untouched: the suggestion follows the week
    view.week.setValue(1)
    _type_minutes(qtbot, view, f"{weeks[0].main_min:g}")  # the plan's minutes, typed
    view.week.setValue(5)
    assert view.minutes.value() == weeks[0].main_min
    view.rpe.setValue(12)
    view.save_button.click()
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert (saved.week, saved.minutes) == (5, weeks[0].main_min)
    assert view.minutes.value() == weeks[4].main_min  # the next walk's form suggests again


def test_minutes_stepped_with_the_arrow_keys_stay_too(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    view, weeks = window.sessions, window.editor.plan.weeks
    view.week.setValue(1)
    qtbot.keyClick(view.minutes, Qt.Key.Key_Up)
    qtbot.keyClick(view.minutes, Qt.Key.Key_Down)  # back to the plan's minutes, by the clinician
    view.week.setValue(3)
    assert view.minutes.value() == weeks[0].main_min


def test_a_walks_own_minutes_stay_when_it_is_deleted_while_corrected(qtbot, data_dir) -> None:
    """Found in review: the minutes a correction loaded counted as the form's suggestion, so a walk deleted elsewhere
    while corrected had its 22 minutes replaced by its week's planned minutes, then logged so as a new walk."""
    from tests.ui.course_helpers import log, walk

    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=2, week=1, minutes=22))
    view = window.sessions
    [record] = window.course.sessions
    view.load_for_correction(record)
    window.gateway.delete_session(record.id, clinician="Dr B")  # as another workstation would
    window._refresh_course()
    assert view.correcting is None and "was deleted elsewhere" in view.message.text()
    assert view.minutes.value() == 22 != window.editor.plan.weeks[0].main_min
