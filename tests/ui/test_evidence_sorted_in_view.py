"""The study the clinician is on stays in view when the studies are sorted from the table's menu (seen by a
keyboard-only tester at 150 %: sorted by year, the chosen study went off screen, the focus with it)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from tests.ui.course_helpers import open_window
from tests.ui.test_small_screen import SMALL_SCREENS


def test_the_chosen_study_stays_in_view_after_a_sort_from_the_menu(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["150 %"])
    window.picker.select("peripheral-nerve-injury")
    window.tabs.setCurrentWidget(window.evidence)
    table = window.evidence.table
    rows = table.model().rowCount()
    shown = lambda: table.visualRect(table.currentIndex()).intersects(table.viewport().rect())  # noqa: E731
    menu = {action.text().removesuffix(" the other way"): action for action in table.actions()}
    for row in (rows - 1, 0):  # the last study, then the first: one of them moves far in year order
        table.selectionModel().setCurrentIndex(table.model().index(row, 0),
                                               QItemSelectionModel.SelectionFlag.ClearAndSelect)
        table.scrollTo(table.currentIndex())
        assert shown()
        menu["Sort by Year"].trigger()
        assert shown(), (row, table.currentIndex().row())
        menu["Sort by Author"].trigger()
        assert shown()
