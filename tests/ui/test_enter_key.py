"""Enter does what the button beside it does (issue 19): in the session form it adds the session (or saves the
correction), and on a patient or plan version in the records it opens that plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.course_helpers import saved_patient
from ui.main_window import MainWindow

ENTER_KEYS = [Qt.Key.Key_Return, Qt.Key.Key_Enter]


def sessions_ready(qtbot, data_dir) -> MainWindow:
    window = saved_patient(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.sessions)
    window.activateWindow()
    return window


@pytest.mark.parametrize("key", ENTER_KEYS, ids=["Return", "Enter"])
@pytest.mark.parametrize("field", ["minutes", "rpe", "note", "date", "pain_during"])
def test_enter_in_a_session_field_adds_the_session(qtbot, data_dir, field, key) -> None:
    window = sessions_ready(qtbot, data_dir)
    view = window.sessions
    view.week.setValue(1)
    view.minutes.setValue(9)
    widget = getattr(view, field)
    widget.setFocus()
    if field == "rpe":
        widget.selectAll()  # as when the clinician tabs into it
        qtbot.keyClicks(widget, "13")  # typed, then Enter: what is typed is taken
    else:
        view.rpe.setValue(13)
    qtbot.keyClick(widget, key)
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert (saved.minutes, saved.rpe, saved.week) == (9, 13, 1)
    assert "logged for week 1" in view.message.text()


def test_enter_with_a_problem_says_so_and_saves_nothing(qtbot, data_dir) -> None:
    window = sessions_ready(qtbot, data_dir)
    view = window.sessions
    view.note.setFocus()
    qtbot.keyClick(view.note, Qt.Key.Key_Return)  # no effort (RPE) entered yet
    assert window.gateway.sessions(window.editor.patient_id) == []
    assert view.message.text().startswith("Not saved.")


def test_enter_saves_a_correction(qtbot, data_dir) -> None:
    window = sessions_ready(qtbot, data_dir)
    view = window.sessions
    view.rpe.setValue(12)
    view.save_button.click()
    view.table.selectRow(0)
    view.correct_button.click()
    view.minutes.setValue(11.5)
    view.minutes.setFocus()
    qtbot.keyClick(view.minutes, Qt.Key.Key_Return)
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert saved.minutes == 11.5 and view.correcting is None
    assert "corrected" in view.message.text()


def test_enter_elsewhere_adds_nothing(qtbot, data_dir) -> None:
    """Enter on the buttons, the table, or in a multi-line text box in the form keeps its own meaning."""
    window = sessions_ready(qtbot, data_dir)
    view = window.sessions
    view.rpe.setValue(12)
    for widget in (view.cancel_button, view.table):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    text = QPlainTextEdit(view.form_box)  # a multi-line box, should the form ever have one
    text.show()
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert text.toPlainText() == "\n"
    assert window.gateway.sessions(window.editor.patient_id) == []


def test_enter_does_nothing_while_logging_is_closed(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    window.new_patient()  # no saved patient: the form is disabled
    view = window.sessions
    assert not view.save_button.isEnabled()
    emitted: list[object] = []
    view.log_requested.connect(emitted.append)
    view._on_form_enter()  # what Enter would call, were a field able to take focus
    assert emitted == []


def records_ready(qtbot, data_dir) -> MainWindow:
    window = saved_patient(qtbot, data_dir)
    window.editor.form.numbers["weeks"].setText("9")
    window.editor.recompute()
    assert window.save_plan()  # version 2
    window.new_patient()
    window.tabs.setCurrentWidget(window.records)
    window.activateWindow()
    return window


@pytest.mark.parametrize("key", ENTER_KEYS, ids=["Return", "Enter"])
def test_enter_on_a_patient_row_opens_the_newest_plan(qtbot, data_dir, key) -> None:
    window = records_ready(qtbot, data_dir)
    view = window.records
    view.table.setFocus()
    view.table.selectRow(0)
    newest = view.selected()
    assert newest.version == 2
    qtbot.keyClick(view.table, key)
    assert window.editor.plan_id == newest.plan_id
    assert window.tabs.currentWidget() is window.editor


@pytest.mark.parametrize("key", ENTER_KEYS, ids=["Return", "Enter"])
def test_enter_on_a_plan_version_opens_it(qtbot, data_dir, key) -> None:
    window = records_ready(qtbot, data_dir)
    view = window.records
    view.table.selectRow(0)
    assert view.history.count() == 2
    view.history.setFocus()
    view.history.setCurrentRow(1)  # newest first: version 1
    first = view.history.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(view.history, key)
    assert window.editor.plan_id == first
    assert window.editor._reference.version == 1


def test_enter_in_the_search_box_opens_the_one_patient_found_and_otherwise_goes_to_the_list(qtbot, data_dir) -> None:
    """Seen in testing: a name typed, then Enter, took a second Enter to open the record."""
    from tests.storage.helpers import example

    window = records_ready(qtbot, data_dir)
    view = window.records
    window.gateway.save_plan(*example(name="Example Other"), [], clinician="Dr Test", patient_id=None)
    view.reload()
    view.search.setFocus()
    qtbot.keyClicks(view.search, "Example")  # two patients: on to the list, nothing opened
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert window.editor.plan_id is None and window.tabs.currentWidget() is view and view.table.hasFocus()
    view.search.setFocus()
    view.search.clear()
    qtbot.keyClicks(view.search, "Other")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.editor and window.editor.form.values()["name"] == "Example Other"


def test_sessions_and_records_answer_the_keys_a_clinician_tries(qtbot, data_dir, monkeypatch) -> None:
    """Enter and Delete on a session did nothing, Escape did not cancel a correction, and Down or Enter in the
    Records search stayed in the search box."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.course_helpers import log, walk

    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=1, week=1))
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.correcting is not None  # Enter: as a double-click, the session in the form to correct
    qtbot.keyClick(view.minutes, Qt.Key.Key_Escape)
    assert view.correcting is None
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Delete the session of" in asked[0]
    window.tabs.setCurrentWidget(window.records)
    window.records.search.setFocus()
    qtbot.keyClick(window.records.search, Qt.Key.Key_Down)
    assert window.records.table.hasFocus() and window.records.selected() is not None


def test_tab_never_stops_at_a_label_with_no_link_to_open(qtbot, data_dir) -> None:
    from PySide6.QtWidgets import QLabel

    window = saved_patient(qtbot, data_dir)
    where = next(label for label in window.statusBar().findChildren(QLabel)
                 if label.accessibleName() == "Where the records are")
    assert "Why?" not in where.text() and where.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("key", ENTER_KEYS, ids=["Return", "Enter"])
def test_enter_on_a_focused_button_of_the_window_presses_it(qtbot, data_dir, key) -> None:
    """Seen in a keyboard-only review: Tab to Add session (or Save plan) and Enter did nothing, only Space pressed
    it; a window's buttons, unlike a dialog's, do not take Enter unless told to."""
    window = sessions_ready(qtbot, data_dir)
    view = window.sessions
    view.week.setValue(1)
    view.minutes.setValue(9)
    view.rpe.setValue(13)
    view.save_button.setFocus()
    qtbot.keyClick(view.save_button, key)
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert (saved.minutes, saved.rpe) == (9, 13)
    window.tabs.setCurrentWidget(window.editor)
    age = window.editor.form.numbers["age"]
    age.setText(str(int(age.text()) + 1))
    assert window.editor.dirty
    window.editor.save_button.setFocus()
    qtbot.keyClick(window.editor.save_button, key)
    assert not window.editor.dirty and len(window.gateway.history(window.editor.patient_id)) == 2
