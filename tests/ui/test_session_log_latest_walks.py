"""Stacked above the form at 125-150 % on 1366x768, the session log opens on its latest walks under their column
headings with the whole form below them: the table scrolls itself, as many walks high as fit (two at 150 %, three at
125 %). Seen by a helper: the page scrolled to the form left the headings out of sight, the walks above it rows of
numbers no one could name, and the walk just added a sliver."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

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
    table = view.table
    area = holding_area(view.form_box)
    # fitted once laid out: the table capped, the latest walk, its headings and Add session in sight
    qtbot.waitUntil(lambda: view.panes.stacked and table.verticalScrollBar().maximum() > 0
                    and _seen(area, table.viewport(), table.visualRect(view.model.index(5, 0)))
                    and _seen(area, table.horizontalHeader(), table.horizontalHeader().rect())
                    and _seen(area, view.save_button, view.save_button.rect()))
    return view, area


@pytest.mark.parametrize("scaling", ["125 %", "150 %"])
def test_the_log_opens_on_its_latest_walks_under_their_headings_above_the_whole_form(qtbot, data_dir, scaling) -> None:
    view, _ = _log_open(qtbot, data_dir, scaling)
    table = view.table
    assert table.height() >= table.horizontalHeader().height() + 2 * table.rowHeight(0)  # two walks at least


def test_the_walk_just_added_is_in_view_in_the_table_at_125_percent(qtbot, data_dir) -> None:
    view, area = _log_open(qtbot, data_dir, "125 %")
    fill(view, week=1, minutes=12, rpe=12, during=3)
    view.save_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 7
                    and _seen(area, view.table.viewport(), view.table.visualRect(view.model.index(6, 0))))


def test_tab_into_the_log_chooses_the_latest_walk_and_a_click_the_walk_clicked(qtbot, data_dir) -> None:
    """Tab chose the first walk, out of sight above the latest; a walk clicked after scrolling the table up is the
    walk chosen (found in review: the focus coming in scrolled the table to the latest under the mouse)."""
    view, _ = _log_open(qtbot, data_dir, "150 %")
    table = view.table
    view.note.setFocus(Qt.FocusReason.OtherFocusReason)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: table.selected() is not None)
    assert table.selected().id == view.model.row_object(5).id
    view.note.setFocus(Qt.FocusReason.OtherFocusReason)
    table.scrollToTop()
    first = table.visualRect(view.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert table.selected().id == view.model.row_object(0).id
