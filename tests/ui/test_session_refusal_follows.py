"""The session form's refusal of its fields follows them as they are mended (seen by a clinic's tester: four problems
stayed in red under fields all put right, and the status bar still asked to check them)."""

from __future__ import annotations

from tests.ui.course_helpers import fill, saved_patient


def test_the_refusal_shrinks_as_fields_are_mended_and_goes_once_none_is_left(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=None)  # effort "not entered"
    view.note.setText("walked well; " * 32)  # over 300 characters
    view.save_button.click()
    said = view.message.text()
    assert said.startswith("Not saved. Effort (RPE): ") and "; Note: " in said, said
    assert "Effort (RPE), Note" in window.statusBar().currentMessage()
    view.rpe.setValue(12)
    assert view.message.text().startswith("Not saved. Note: ") and "Effort" not in view.message.text()
    assert view.rpe.accessibleDescription() == "" and view.note.accessibleDescription()
    assert "check Note in the session log" in window.statusBar().currentMessage()
    view.note.setText("walked well")
    assert view.message.text() == "" and not view.message.isVisible() and view.note.accessibleDescription() == ""
    assert window.statusBar().currentMessage() == ""
    assert window.gateway.sessions(window.editor.patient_id) == []  # nothing saved until Add


def test_a_word_other_than_the_fields_refusal_is_left_as_it_is(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=None)
    view.save_button.click()
    view.show_problem("The clinic server ended the connection.")  # a refusal the fields cannot mend
    view.rpe.setValue(12)
    assert view.message.text() == "Not saved. The clinic server ended the connection."


def test_a_form_filled_or_emptied_by_the_window_is_not_judged_as_mended(qtbot, data_dir) -> None:
    """Seen in review: a correction refused, then Cancel, left "check Effort (RPE)" in the status bar over an empty
    form."""
    from tests.ui.course_helpers import log, walk

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    log(window, walk(3, 1))
    assert view.table.select_session(1)
    view.correct_button.click()
    view.note.setText("walked well; " * 32)
    view.save_button.click()
    assert view.message.text().startswith("Not saved. Note: ")
    view.cancel_button.click()
    assert view.message.text() == "" and "Not saved" not in window.statusBar().currentMessage()


def test_a_year_too_early_is_refused_by_the_form_and_followed_as_it_is_mended(qtbot, data_dir) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=12)
    view.date.setDate(QDate(2010, 6, 1))
    view.save_button.click()
    assert view.message.text().startswith("Not saved. Date: 2010-06-01 is more than a year before")
    assert "check the year" in view.date.accessibleDescription()
    view.date.setDate(QDate(dt.date.today() - dt.timedelta(days=2)))
    assert view.message.text() == "" and view.date.accessibleDescription() == ""
    assert window.gateway.sessions(window.editor.patient_id) == []
