"""The plan week just changed stays in view. Seen in review at 150 % on 1366x768: a week's minutes changed with F2
and Enter, the warning the change brought grew the text above the table, and the edited cell was pushed to the
view's bottom edge, only the top of its figure showing, though the README says the view follows the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.course_helpers import saved_patient
from tests.ui.test_small_screen import SMALL_SCREENS
from ui.focus_in_view import holding_area


def test_the_cell_changed_from_the_keyboard_is_still_whole_in_view(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["150 %"])
    window.show()
    window.tabs.setCurrentWidget(window.editor)
    table = window.editor.panel.table
    table.setFocus()
    QApplication.processEvents()
    index = table.model().index(3, 3)  # week 4's minutes
    table.setCurrentIndex(index)
    QApplication.processEvents()
    warnings_before = window.editor.panel.warnings.height()
    table.edit(index)
    editor = QApplication.focusWidget()  # the cell's editor, its figure selected to type over
    qtbot.keyClicks(editor, "23")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(100)
    QApplication.processEvents()
    assert window.editor.panel.warnings.height() > warnings_before  # the change's warning grew the text above
    area = holding_area(table)
    cell = table.visualRect(table.currentIndex())
    top = table.viewport().mapTo(area.viewport(), cell.topLeft()).y()
    assert table.currentIndex().row() == 3 and 0 <= top and top + cell.height() <= area.viewport().height(), \
        (top, cell.height(), area.viewport().height())
