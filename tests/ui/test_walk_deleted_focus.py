"""After a walk is deleted through the real confirming dialog, the focus is on the log, its chosen row in view: seen by
a keyboard-only tester at 150 %, the page scrolled to the "deleted" message and the log, still holding the focus, went
out of view (the focus was put back only if it was inside the session log when the dialog returned, and the dialog
still held it then)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.course_helpers import log, saved_patient, walk
from tests.ui.real_questions import answer_yes, real_questions
from tests.ui.test_keyboard_focus import active, in_view
from tests.ui.test_small_screen import SMALL_SCREENS


def test_after_a_delete_confirmed_in_the_dialog_the_log_has_the_focus_in_view(qtbot, data_dir, monkeypatch) -> None:
    real_questions(monkeypatch)
    window = saved_patient(qtbot, data_dir)
    for days_ago in (5, 4, 3):
        log(window, walk(days_ago, 1))
    window.resize(*SMALL_SCREENS["150 %"])
    window.tabs.setCurrentWidget(window.sessions)
    active(qtbot, window)
    view = window.sessions
    view.table.selectRow(0)
    view.table.setFocus(Qt.FocusReason.TabFocusReason)
    QTimer.singleShot(50, answer_yes)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(window.gateway.sessions(window.editor.patient_id)) == 2)
    active(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    row = view.table.visualRect(view.table.currentIndex())
    qtbot.waitUntil(lambda: in_view(view.table.viewport(), row.top(), row.height()))
