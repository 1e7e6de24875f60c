"""A scrolling form's last control shows what follows it. Seen in review at 150 % on 1366x768: the help under
Settings' Test connection ended mid-sentence, "... libpq's password file, or Treadwell", and no later control took
the focus to scroll the rest into view."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from core.settings import Settings
from ui.focus_in_view import FocusInView, holding_area
from ui.settings_dialog import SettingsDialog


def test_tabbing_to_test_connection_shows_the_help_under_it(qtbot) -> None:
    FocusInView.install()
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.resize(900, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.test_result.setText(" ".join(["The help under the address, as long as a sign-in's answer can be."] * 8))
    qtbot.wait(50)  # laid out again
    dialog.records_url.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(dialog.records_url, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert QApplication.focusWidget() is dialog.test_button
    area = holding_area(dialog.test_result)
    bottom = dialog.test_result.mapTo(area.viewport(), QPoint(0, dialog.test_result.height())).y()
    assert dialog.test_result.text() and bottom <= area.viewport().height(), (bottom, area.viewport().height())
    button = dialog.test_button.mapTo(area.viewport(), QPoint(0, 0)).y()
    assert button >= 0  # the control itself still in view
