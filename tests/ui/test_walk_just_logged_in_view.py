"""After a walk is added, the walk just logged shows in the log above the next walk's date (seen in a try at 150 % on
a 1366x768 laptop: the page scrolled to the date and the walk went out of view, so what was saved could not be checked
without scrolling back)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.course_helpers import fill, log, saved_patient, walk
from ui.focus_in_view import holding_area


def _in_view(area, widget, rect) -> bool:
    top = widget.mapTo(area.widget(), rect.topLeft()).y()
    shown = area.verticalScrollBar().value()
    return shown <= top and top + rect.height() <= shown + area.viewport().height()


def test_the_walk_just_logged_and_the_next_date_are_both_in_view(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    for days_ago in (20, 18, 16, 13, 11, 9):
        log(window, walk(days_ago, 1 if days_ago > 15 else 2))
    window.resize(910, 512)  # 1366x768 at 150 %, less the title bar and the taskbar
    window.tabs.setCurrentWidget(window.sessions)
    view = window.sessions
    qtbot.waitUntil(lambda: view.isVisible())
    view.date.setFocus(Qt.FocusReason.TabFocusReason)
    fill(view, week=3, minutes=10)
    qtbot.keyClick(view.minutes, Qt.Key.Key_Return)  # Enter adds it
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 7)
    area = holding_area(view.table)
    row = view.table.currentIndex()
    assert view.table.model().row_object(row.row()).date == walk(0, 3).date  # the walk logged is the one chosen
    cell = view.table.visualRect(row)
    # the scrolling waits a turn of the event loop, for the message and the advice
    qtbot.waitUntil(lambda: _in_view(area, view.table.viewport(), cell), timeout=2000)
    assert view.date.hasFocus() and _in_view(area, view.date, view.date.rect())
