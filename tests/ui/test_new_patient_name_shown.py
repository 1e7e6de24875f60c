"""Ctrl+N, and a plan opened from Records, put the cursor in Name and show it: seen by a clinician, with the plan
scrolled to its bottom and the cursor already in Name, Ctrl+N left the view at "No plan to chart" and the name was
typed into a box out of sight (the view follows a change of focus, and the focus had not changed)."""

from __future__ import annotations

import pytest

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window
from tests.ui.test_keyboard_focus import active, in_view
from ui.focus_in_view import holding_area


@pytest.mark.parametrize("how", ["new patient", "opened from Records"])
def test_name_is_shown_where_the_cursor_already_was(qtbot, data_dir, monkeypatch, how) -> None:
    window = open_window(qtbot, data_dir)
    window.resize(1093, 560)  # 1366x768 at 125 %, less the taskbar
    window.editor.form.set_profile(example()[0])
    assert window.save_plan()
    window.tabs.setCurrentWidget(window.editor)
    active(qtbot, window)
    name = window.editor.form.name
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    area = holding_area(name)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # the wheel: the focus stays in Name
    assert not in_view(name) and name.hasFocus()
    if how == "new patient":
        window.new_patient()
    else:
        window.open_plan(window.editor.plan_id)
    qtbot.waitUntil(lambda: in_view(name))
    assert name.hasFocus()
