"""Tab moves on from a table to the next control, as it does from a field: a keyboard user was kept inside
every table, Tab stepping from cell to cell (the arrows move within a table)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView

from tests.ui.course_helpers import saved_patient


def test_no_table_of_any_view_keeps_the_tab_key(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    tables = [view for view in window.findChildren(QAbstractItemView)
              if not isinstance(view, QListView) and view.window() is window]  # a combo box's list is its own
    assert len(tables) >= 5
    assert [view.accessibleName() for view in tables if view.tabKeyNavigation()] == []


def tab_from(qtbot, window, step, widget):
    """Tab pressed once in ``widget`` of ``step``, which has the keyboard focus; returns what has it then."""
    window.tabs.setCurrentWidget(step)
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2_000)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_from_the_studies_table_reaches_the_next_control(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    assert tab_from(qtbot, window, window.evidence, window.evidence.table) is not window.evidence.table


def test_tab_leaves_the_session_date_in_one_press(qtbot, data_dir) -> None:
    """Qt's date edit spent Tab on year, month and day: three presses to leave the date."""
    window = saved_patient(qtbot, data_dir)
    date = window.sessions.date
    assert tab_from(qtbot, window, window.sessions, date) is window.sessions.week
    qtbot.keyClick(window.sessions.week, Qt.Key.Key_Backtab)
    assert date.hasFocus()
