"""The focus moved to a field near a form's top does not leave a sliver of the top hidden. Seen in review at 150 %
on 1366x768: after a refused save put the focus on Age, the "Patient" box's title was cut in half at the view's top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.course_helpers import open_window
from tests.ui.test_small_screen import SMALL_SCREENS
from ui.focus_in_view import holding_area


def test_a_field_that_shows_with_the_view_at_its_top_brings_the_top_back(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["150 %"])
    window.show()
    window.tabs.setCurrentWidget(window.editor)
    age = window.editor.form.numbers["age"]
    area = holding_area(age)
    window.editor.form.numbers["resting_hr"].setFocus()
    QApplication.processEvents()
    area.verticalScrollBar().setValue(20)  # a little scrolled, as the wheel or the form's last change left it
    age.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert area.verticalScrollBar().value() == 0
