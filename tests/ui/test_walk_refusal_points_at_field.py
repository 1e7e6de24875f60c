"""A walk refused is refused for every reason at once, the focus on the first field to mend (seen by a tester: week 13
of a 12-week plan and effort 21 were refused for the effort alone; once it was mended, for the week, with the focus
left in Effort, though the README promises the first field to mend)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.course_helpers import fill, saved_patient


def test_a_week_past_the_plan_is_said_with_the_effort_and_focused_first(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    weeks = len(window.gateway.history(window.editor.patient_id)[-1].plan.weeks)
    fill(view, week=weeks + 1, rpe=21)
    view.save_button.click()
    said = view.message.text()
    assert said.startswith(f"Not saved. Plan week: must be from 1 to {weeks}, the weeks of the plan in force on "
                           "that date") and "Effort (RPE): must be at most 20" in said
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.week)
    assert window.gateway.sessions(window.editor.patient_id) == []


def test_a_refusal_from_the_records_takes_the_focus_to_the_field_it_names(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    fill(view, week=1)
    view.rpe.setFocus()
    window._change_sessions(lambda course: (_ for _ in ()).throw(ValueError("minutes: refused here")), "done")
    assert view.message.text() == "Not saved. Minutes walked: refused here"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.minutes)
