"""The window on a small screen: it never opens larger than the screen, and it opens unmodified."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QApplication

from tests.ui.course_helpers import open_window
from ui.main_window import MainWindow


def test_the_window_opens_within_the_screen_and_unmodified(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    room = window.screen().availableGeometry()
    assert room.contains(window.geometry()), (room, window.geometry())
    assert not window.isWindowModified()  # nothing typed yet: no unsaved mark in the title


def test_a_size_saved_on_a_bigger_monitor_is_shrunk_into_view(qtbot, data_dir) -> None:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.resize(3000, 2000)
    window.move(2500, 1500)
    window._window_state.setValue("main_window/geometry", window.saveGeometry())
    again = MainWindow(data_dir)
    qtbot.addWidget(again)
    again._restore_geometry()
    room = again.screen().availableGeometry()
    assert again.width() <= room.width() and again.height() <= room.height()
    assert room.intersects(QRect(again.pos(), again.size()))
    assert isinstance(again.saveGeometry(), QByteArray)


def test_new_patient_puts_the_cursor_in_name_and_studies_sort_a_to_z(qtbot, data_dir) -> None:
    from PySide6.QtCore import Qt

    window = open_window(qtbot, data_dir)
    window.activateWindow()
    window.new_patient()
    qtbot.waitUntil(lambda: window.editor.form.name.hasFocus() or QApplication.focusWidget() is window.editor.form.name,
                    timeout=2_000)
    header = window.evidence.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
