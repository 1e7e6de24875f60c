"""A problem said at the right of the status bar wraps over lines of its own and leaves the message its room (seen at
150 % on 1366x768: an unreadable settings.json's problem, on one line, left "Evidence library 2026.12.14: 94 studies"
a word a line in a sliver of the bar)."""

from __future__ import annotations

from tests.ui.course_helpers import open_window
from tests.ui.test_small_screen import SMALL_SCREENS


def test_the_message_keeps_its_room_beside_a_settings_problem(qtbot, data_dir) -> None:
    data_dir.settings_path.write_text('{"schema_version": 1 "clinic_name": "Riverside"}', encoding="utf-8")
    window = open_window(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["150 %"])
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Evidence library"))
    problem, message = window.settings_problem, window.statusBar()._message
    qtbot.waitUntil(lambda: message.width() >= window.width() // 3, timeout=3_000)
    assert problem.wordWrap() and problem.width() < window.width() // 2
