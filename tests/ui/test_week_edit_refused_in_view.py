"""A week's days or minutes refused in the plan's table is said under it, in full view, and in the status bar: seen
by a helper at 125 %, 9 days typed in week 6 went back to 3 with nothing said in sight (the message under the weeks,
scrolled to before its text was laid out, and nothing in the status bar)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.course_helpers import saved_patient
from tests.ui.test_small_screen import SMALL_SCREENS, _shown_whole


@pytest.mark.parametrize("scaling", ["125 %", "150 %"])
def test_days_refused_in_a_middle_week_are_said_in_view(qtbot, data_dir, scaling) -> None:
    window = saved_patient(qtbot, data_dir)
    window.resize(*SMALL_SCREENS[scaling])
    window.tabs.setCurrentWidget(window.editor)
    panel = window.editor.panel
    qtbot.waitUntil(lambda: panel.table.isVisible())
    index = panel.weeks.index(5, 1)  # week 6, Days
    panel.table.scrollTo(index)
    panel.table.setCurrentIndex(index)
    from ui.focus_in_view import show_widget

    show_widget(panel.table, 8)  # the week in sight, as the clinician had it
    qtbot.wait(50)
    assert not panel.weeks.setData(index, "9", Qt.ItemDataRole.EditRole)
    said = "Week 6 was not changed; allowed for days: a whole number from 1 to 7."
    assert panel.cell_problem.text() == said and window.statusBar().currentMessage() == said
    qtbot.waitUntil(lambda: _shown_whole(panel.cell_problem, window))


def test_a_change_that_goes_through_clears_the_refusal_from_the_status_bar(qtbot, data_dir) -> None:
    """Seen by a helper: "Week 12 was not changed" stayed in the status bar after 4 days were typed and kept."""
    window = saved_patient(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.editor)
    panel = window.editor.panel
    index = panel.weeks.index(panel.weeks.rowCount() - 1, 1)
    assert not panel.weeks.setData(index, "9", Qt.ItemDataRole.EditRole)
    assert " was not changed; allowed for " in window.statusBar().currentMessage()
    assert panel.weeks.setData(index, "4", Qt.ItemDataRole.EditRole)
    assert " was not changed" not in window.statusBar().currentMessage()
