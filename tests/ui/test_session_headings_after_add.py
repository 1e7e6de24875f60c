"""Stacked above the form at 125-150 % on 1366x768, the session log opens on its latest walks under their column
headings with the whole form below them: the table scrolls itself, as many walks high as fit (two at 150 %, three at
125 %). Seen by a helper: the page scrolled to the form left the headings out of sight, the walks above it rows of
numbers no one could name, and the walk just added a sliver."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from tests.ui.course_helpers import fill, log, saved_patient, walk
from tests.ui.test_small_screen import SMALL_SCREENS
from ui.focus_in_view import holding_area


def _seen(area, widget, part: QRect) -> bool:
    shown = QRect(widget.mapTo(area.viewport(), part.topLeft()), part.size())
    return area.viewport().rect().contains(shown)


def _log_open(qtbot, data_dir, scaling: str):
    window = saved_patient(qtbot, data_dir)
    for days_ago in (13, 11, 9, 7, 5, 3):
        log(window, walk(days_ago=days_ago, week=1))
    window.resize(*SMALL_SCREENS[scaling])
    window.tabs.setCurrentWidget(window.sessions)
    view = window.sessions
    qtbot.waitUntil(lambda: view.isVisible() and view.panes.stacked)
    qtbot.wait(100)  # fitted once laid out
    return view, holding_area(view.form_box)


@pytest.mark.parametrize("scaling", ["125 %", "150 %"])
def test_the_log_opens_on_its_latest_walks_under_their_headings_above_the_whole_form(qtbot, data_dir, scaling) -> None:
    view, area = _log_open(qtbot, data_dir, scaling)
    table, header = view.table, view.table.horizontalHeader()
    latest = table.visualRect(view.model.index(5, 0))
    assert _seen(area, table.viewport(), latest), "the latest walk is out of view"
    assert _seen(area, header, header.rect()), "the column headings are out of view"
    assert _seen(area, view.save_button, view.save_button.rect()), "Add session is out of view"
    assert table.verticalScrollBar().maximum() > 0  # the earlier walks a scroll of the table away
    assert table.height() >= header.height() + 2 * table.rowHeight(0)  # two walks at least


def test_the_walk_just_added_is_in_view_in_the_table_at_125_percent(qtbot, data_dir) -> None:
    view, area = _log_open(qtbot, data_dir, "125 %")
    fill(view, week=1, minutes=12, rpe=12, during=3)
    view.save_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 7)
    qtbot.wait(100)  # scrolled once the new text is laid out
    added = view.table.visualRect(view.model.index(6, 0))
    assert _seen(area, view.table.viewport(), added), "the walk just added is out of view"
