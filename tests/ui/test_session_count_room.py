"""The log's count ("15 sessions under plan versions 1, 2") takes the room beside the Correct and Delete buttons:
seen by a clinic's tester at 150 %, it wrapped into a narrow column of two lines with the row's middle empty."""

from __future__ import annotations

from tests.ui.course_helpers import log, saved_patient, walk


def test_the_count_is_one_line_where_the_row_has_room(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=2, week=1, minutes=10))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(4)
    view = window.sessions
    qtbot.waitUntil(view.count.isVisible)
    assert view.count.text() == "1 session under plan version 1"
    line = view.count.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: view.count.height() < 2 * line)
    assert view.count.width() >= view.count.fontMetrics().horizontalAdvance(view.count.text())
