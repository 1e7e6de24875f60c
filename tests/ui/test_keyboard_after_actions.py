"""Where the focus goes after an action, and what a screen reader hears (found by a keyboard-only tester): a button
that hides or greys out under the focus, a form filled for correction, a refusal, and a shortcut with nothing to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTabBar

from tests.storage.helpers import example
from tests.ui.course_helpers import log, open_window, saved_patient, walk


def active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_correction_takes_the_focus_to_its_form_and_cancelling_it_back_to_the_walk(qtbot, data_dir) -> None:
    """Enter on a session left the focus on the table (the form's new title unheard); Space on Cancel correction
    hid the button under the focus, Qt passed it to the step tabs, and the next arrow key changed step. Seen in review:
    Escape left the focus at the form's Date, not at the walk in the log, as a correction saved does."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(2, 1))
    window.tabs.setCurrentWidget(window.sessions)
    active(qtbot, window)
    view = window.sessions
    view.table.setFocus(Qt.FocusReason.TabFocusReason)
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.correcting is not None
    assert QApplication.focusWidget() is view.date or QApplication.focusWidget() is view.date.lineEdit()
    view.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.cancel_button, Qt.Key.Key_Space)
    assert view.correcting is None and not view.cancel_button.isVisible()
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QTabBar) and focused is view.table and view.table.selected() is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # again, then Escape in a field of the form
    assert view.correcting is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert view.correcting is None and QApplication.focusWidget() is view.table
    assert view.table.selected() is not None and view.table.selected().id == view.model.row_object(0).id


def test_after_a_walk_is_added_the_keyboard_goes_on_from_the_next_walks_date_and_after_a_delete_from_the_log(
        qtbot, data_dir, monkeypatch) -> None:
    """Seen by a keyboard-only tester: after Add (Enter in Note) the focus stayed in Note, nine Shift+Tabs from the next
    walk's date; after a delete it stayed on Delete with the next walk chosen, for a Space to delete that one too."""
    from tests.ui.course_helpers import fill

    from tests.ui.test_keyboard_focus import in_view
    from tests.ui.test_small_screen import SMALL_SCREENS

    window = saved_patient(qtbot, data_dir)
    for days_ago in (5, 4, 3):
        log(window, walk(days_ago, 1))
    window.resize(*SMALL_SCREENS["150 %"])  # the form, the message and the advice taller than the view
    window.tabs.setCurrentWidget(window.sessions)
    active(qtbot, window)
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=12, note="walked well")
    view.note.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    assert len(window.gateway.sessions(window.editor.patient_id)) == 4
    assert QApplication.focusWidget() in (view.date, view.date.lineEdit())
    qtbot.wait(50)  # after the message and the advice are scrolled to (seen in review: the date then out of view)
    assert in_view(view.date)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    view.table.selectRow(0)
    view.delete_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.delete_button, Qt.Key.Key_Space)
    assert len(window.gateway.sessions(window.editor.patient_id)) == 3
    assert QApplication.focusWidget() is view.table
    qtbot.wait(50)
    row = view.table.visualRect(view.table.currentIndex())
    assert in_view(view.table.viewport(), row.top(), row.height())


def test_deleting_the_last_patient_leaves_the_focus_in_the_records(qtbot, data_dir, monkeypatch) -> None:
    """The Delete button greyed out under the focus, which went to the step tabs. The confirming dialog is a real
    one (tests/ui/conftest.py answers them by default), answered Yes: the records are read again while the window is
    not yet active again."""
    from PySide6.QtCore import QTimer

    from tests.ui.real_questions import answer_yes, real_questions

    real_questions(monkeypatch)
    window = saved_patient(qtbot, data_dir)
    records = window.records
    window.tabs.setCurrentWidget(records)
    active(qtbot, window)
    qtbot.waitUntil(lambda: records.model.total == 1)
    records.table.selectRow(0)
    records.delete_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTimer.singleShot(50, answer_yes)
    qtbot.keyClick(records.delete_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: records.model.total == 0)
    active(qtbot, window)
    assert not records.delete_button.isEnabled() and QApplication.focusWidget() is records.search


def test_a_name_no_handout_can_print_takes_the_focus_to_the_name(qtbot, data_dir) -> None:
    """Ctrl+S with a Khmer name said "Not saved: Name: ..." in the status bar; the focus stayed where it was."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    window.tabs.setCurrentWidget(window.editor)
    active(qtbot, window)
    form = window.editor.form
    form.name.setText("សុខ ដារា")
    form.diabetes.setFocus(Qt.FocusReason.TabFocusReason)
    assert not window.save_plan()
    assert QApplication.focusWidget() is form.name and "fonts cannot print" in form.name.accessibleDescription()


def test_the_etiology_read_out_is_the_one_chosen_not_the_one_left(qtbot, data_dir) -> None:
    """Arrowing through the etiologies, the field was described as the one just left."""
    window = open_window(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.editor)
    combo = window.editor.form.etiology
    for index in (1, 2, 3):
        combo.setCurrentIndex(index)  # the form's problems are shown again on the same signal
        assert combo.accessibleDescription().startswith(combo.currentText()), (index, combo.accessibleDescription())


def test_a_week_cells_editor_is_named_and_a_refusal_is_read_out_with_the_table(qtbot, data_dir) -> None:
    """F2 opened an unnamed spin box; a refused value was said only in a label the focus never reaches."""
    window = saved_patient(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.editor)
    active(qtbot, window)
    panel = window.editor.panel
    table, model = panel.table, panel.weeks
    table.setCurrentIndex(model.index(2, 3))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    named = editor if editor.accessibleName() else editor.parentWidget()  # the spin box, or its line edit's
    assert named.accessibleName() == "Walk (min), Week 3"
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert not model.setData(model.index(2, 3), "500", Qt.ItemDataRole.EditRole)
    assert table.accessibleDescription().startswith("Week 3 was not changed")
    assert model.setData(model.index(2, 3), "13.5", Qt.ItemDataRole.EditRole)
    assert table.accessibleDescription() == ""


def test_export_and_print_with_no_handout_say_why(qtbot, data_dir) -> None:
    """Ctrl+E and Ctrl+P with a blank patient, or a blocked plan, changed step and did nothing else."""
    window = open_window(qtbot, data_dir)
    window._on_export_triggered()
    assert window.tabs.currentWidget() is window.handout
    assert window.statusBar().currentMessage().startswith("Nothing exported: the patient's profile is not complete")
    window.editor.form.set_profile(example(open_foot_wound=True, diabetes="type2")[0])
    window.editor.recompute()
    window._on_print_triggered()
    assert window.statusBar().currentMessage().startswith("Nothing printed: the plan is blocked by screening")


def test_a_dialogs_problem_takes_the_focus_to_its_field_and_is_read_out_with_it(qtbot) -> None:
    """An invalid phone and Enter showed red text under the welcome's form; the focus stayed on the clinician's
    name, and a screen reader heard nothing."""
    from core.settings import Settings
    from ui.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.phone.setText("abc")
    dialog.clinician.setFocus()
    qtbot.keyClick(dialog.clinician, Qt.Key.Key_Return)
    assert dialog.result_settings is None and dialog.problem.text().startswith("Clinic phone")
    assert QApplication.focusWidget() is dialog.phone and dialog.phone.selectedText() == "abc"
    assert dialog.phone.accessibleDescription() == dialog.problem.text()
    assert dialog.clinician.accessibleDescription() == ""


def test_alt_down_and_f4_open_the_session_dates_calendar_and_leave_the_date_as_it_was(qtbot, data_dir) -> None:
    """Seen by the keyboard tester: the calendar could not be opened from the keyboard, and Alt+Down, the usual key
    for it, moved the date a year back, unsaid."""
    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    active(qtbot, window)
    before = view.date.date()
    for key, modifier in ((Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)):
        view.date.setFocus()
        qtbot.keyClick(view.date, key, modifier)
        calendar = view.date.calendarWidget()
        qtbot.waitUntil(calendar.isVisible)
        assert view.date.date() == before
        calendar.window().close()
        qtbot.waitUntil(lambda: not calendar.isVisible())


def test_what_the_form_sets_by_itself_is_read_out_with_the_field_changed(qtbot, data_dir) -> None:
    """Seen by the keyboard tester: arrowing to painful diabetic neuropathy set Diabetes to type 2 and ticked Known
    disease, said only in a note the focus never reaches."""
    window = open_window(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.editor)
    active(qtbot, window)
    combo = window.editor.form.etiology
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    combo.setCurrentIndex(combo.findData("diabetic-neuropathy"))
    said = combo.accessibleDescription()
    assert said.startswith(combo.currentText()) and "Set Diabetes to" in said and "Ticked" in said, said
    assert "Set Diabetes" not in window.editor.form.diabetes.accessibleDescription()
    combo.setCurrentIndex(combo.findData("peripheral-nerve-injury"))  # puts them back: said with the etiology
    assert "Put Diabetes back" in combo.accessibleDescription()
    # a tick box that implies (seen in review: the note was not read out with one)
    insulin = window.editor.form.checks["insulin_or_secretagogue"]
    insulin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(insulin, Qt.Key.Key_Space)
    assert insulin.isChecked() and "Set Diabetes to" in insulin.accessibleDescription(), insulin.accessibleDescription()
    assert "Set Diabetes" not in combo.accessibleDescription()
    qtbot.keyClick(insulin, Qt.Key.Key_Space)  # unticked: what it set is put back, and said with it
    assert "Put Diabetes back" in insulin.accessibleDescription()
