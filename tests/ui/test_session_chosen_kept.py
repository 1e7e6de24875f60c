"""Step 5 by keyboard: after a walk is deleted here, the walk after it is chosen, with Correct and Delete still in reach
and the focus where it was (seen in a keyboard-only try: none was chosen, both buttons greyed out under the focus);
a walk logged, corrected or logged again is the one chosen; another workstation's change keeps the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.course_helpers import fill, log, saved_patient, walk
from ui.views.deleted_sessions_dialog import DeletedSessionsDialog


def test_deleting_walks_by_keyboard_leaves_the_next_one_chosen(qtbot, data_dir, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = saved_patient(qtbot, data_dir)
    for days_ago in (6, 4, 2):
        log(window, walk(days_ago, 1))
    first, second, third = window.gateway.sessions(window.editor.patient_id)
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.table.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.table.select_session(second.id)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert [s.id for s in window.gateway.sessions(window.editor.patient_id)] == [first.id, third.id]
    assert view.table.selected().id == third.id  # the walk after it
    assert view.delete_button.isEnabled() and view.correct_button.isEnabled()
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # the last walk: the one before it is the last now
    assert view.table.selected().id == first.id and QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.rowCount() == 0 and view.table.selected() is None
    assert not view.delete_button.isEnabled()


def test_the_walk_saved_is_the_one_chosen(qtbot, data_dir, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    for days_ago in (6, 4):
        log(window, walk(days_ago, 1))
    first, second = window.gateway.sessions(window.editor.patient_id)
    view = window.sessions
    assert view.table.select_session(first.id)
    fill(view, minutes=12)
    view.save_button.click()  # a new walk, dated today: chosen, not the one chosen before
    (added,) = [s for s in window.gateway.sessions(window.editor.patient_id) if s.id not in (first.id, second.id)]
    assert view.table.selected().id == added.id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert view.table.select_session(second.id)
    view.delete_button.click()
    monkeypatch.setattr(DeletedSessionsDialog, "exec", lambda dialog: dialog.log_again.click() or 1)
    assert view.table.select_session(first.id)
    view.deleted_button.click()  # the walk deleted, logged again: chosen
    assert view.table.selected().id == second.id


def test_a_change_from_elsewhere_keeps_the_walk_chosen(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    for days_ago in (6, 4, 2):
        log(window, walk(days_ago, 1))
    first, second, third = window.gateway.sessions(window.editor.patient_id)
    view = window.sessions
    assert view.table.select_session(second.id)
    window.gateway.delete_session(first.id, clinician="Dr B", based_on=first.updated_at)  # as another window would
    window._refresh_course()
    assert view.model.rowCount() == 2 and view.table.selected().id == second.id
    # the walk chosen, deleted elsewhere: none chosen, not the walk now in its row (seen in review: Delete then went
    # to a walk the clinician had not chosen)
    window.gateway.delete_session(second.id, clinician="Dr B", based_on=second.updated_at)
    window._refresh_course()
    assert view.model.rowCount() == 1 and view.table.selected() is None and not view.delete_button.isEnabled()


def test_after_a_walk_logged_under_the_wrong_week_is_deleted_the_form_offers_the_next_walks_week(qtbot, data_dir,
                                                                                                 monkeypatch) -> None:
    """Seen in review: a walk logged under week 8 by mistake and deleted left the form at week 8 (the form follows
    the next walk's week after an add, not after a delete), for the next walk to go there again."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.course_helpers import fill, log, saved_patient, walk

    window = saved_patient(qtbot, data_dir)
    log(window, walk(3, 1))
    view = window.sessions
    fill(view, week=8, minutes=30)
    view.save_button.click()
    assert view.week.value() == 8  # after the week-8 walk, the form goes on from it
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    assert view.table.select_session(2)
    view.delete_button.click()
    assert [s.week for s in window.gateway.sessions(window.editor.patient_id)] == [1]
    assert view.week.value() == window._course.progress.next_walk_week == 1
