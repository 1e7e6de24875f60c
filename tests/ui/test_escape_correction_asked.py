"""Escape in a correction that was changed asks before the change goes (seen by a helper: a next-morning pain typed
into a correction was gone at Escape, with no question and no word); unchanged, Escape leaves at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import log, saved_patient, walk


def test_escape_asks_before_a_changed_correction_goes(qtbot, data_dir, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=3, week=1, morning=None))
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.correcting is not None
    view.pain_morning.setValue(7)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a, **k: asked.append((title, text))
                        or QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(view.minutes, Qt.Key.Key_Escape)
    assert view.correcting is not None and view.pain_morning.value() == 7  # kept
    [(title, text)] = asked
    assert title == "Session not saved" and "a correction to the session of" in text and "stop correcting?" in text
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    qtbot.keyClick(view.minutes, Qt.Key.Key_Escape)
    assert view.correcting is None
