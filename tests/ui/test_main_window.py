"""The main window shell, driven by pytest-qt on the offscreen platform."""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QTableWidget

from core.app_info import app_version
from ui.about_dialog import AboutDialog
from ui.crash_dialog import CrashDialog
from ui.main_window import MainWindow


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_window_has_title_menus_and_status(qtbot, data_dir) -> None:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Treadwell[*]" and not window.isWindowModified()  # Qt shows '*' when modified
    assert menu_titles(window) == ["File", "View", "Help"]
    assert app_version() in window.statusBar().currentMessage()
    assert [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())] == [
        "1 Etiology", "2 Evidence", "3 Animal dosing", "4 Patient & plan", "5 Session log", "6 Progress", "7 Handout",
        "8 Records"]


def test_window_reports_its_first_paint(qtbot, data_dir) -> None:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()


def test_about_lists_version_and_components_with_licences(qtbot, data_dir, monkeypatch) -> None:
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog) or QDialog.DialogCode.Accepted)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.about_action.trigger()
    assert len(shown) == 1
    table = shown[0].findChild(QTableWidget, "componentsTable")
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    for name in ("Python", "Qt", "PySide6-Essentials", "pydantic", "reportlab", "sqlite-utils", "SQLite"):
        assert name in rows, name
        version, licence = rows[name]
        assert version and version != "not installed" and licence
    assert rows["Qt"][1].startswith("LGPL")


def test_window_geometry_is_remembered(qtbot, data_dir) -> None:
    first = MainWindow(data_dir)
    qtbot.addWidget(first)
    first.show()
    first.resize(781, 571)
    first.close()
    second = MainWindow(data_dir)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (781, 571)
    assert data_dir.window_state_path.is_file()


def test_crash_dialog_copies_the_details(qtbot) -> None:
    dialog = CrashDialog("Something went wrong.", "Traceback: line 1")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Something went wrong.\n\nTraceback: line 1"
    assert dialog.copy_button.text() == "Copied"


def test_a_report_from_a_worker_thread_opens_the_crash_dialog_on_the_gui_thread(qtbot, monkeypatch) -> None:
    import threading

    from ui.crash_notifier import CrashNotifier

    shown: list[tuple[str, bool]] = []

    def exec_(dialog) -> int:
        shown.append((dialog.details_view.toPlainText(), threading.current_thread() is threading.main_thread()))
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_)
    notifier = CrashNotifier()
    worker = threading.Thread(target=notifier.report, args=("Something went wrong.", "Traceback: line 2"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("Traceback: line 2", True)]


def test_the_refusal_to_save_is_taken_back_once_the_fields_are_put_right(qtbot, data_dir) -> None:
    """Seen in review: "Not saved: correct the fields marked in the profile first." stayed in the status bar
    after every field had been corrected."""
    from tests.ui.course_helpers import example, open_window
    from ui.patient_care import FIELDS_FIRST

    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    age = window.editor.form.numbers["age"]
    good = age.text()
    age.setText("130")
    window.editor.recompute()
    assert window.save_plan() is False and window.statusBar().currentMessage() == FIELDS_FIRST
    age.setText(good)
    window.editor.recompute()
    assert window.statusBar().currentMessage() != FIELDS_FIRST


def test_help_lists_the_keyboard_shortcuts_from_the_menus_and_the_steps(qtbot, data_dir, monkeypatch) -> None:
    """Seen in review: F2, F4, Shift+F10 and the steps' Ctrl+1-8 were only in the README; Help held About alone."""
    from ui.help_menu import KeysDialog

    shown: list[KeysDialog] = []
    monkeypatch.setattr(KeysDialog, "exec", lambda dialog: shown.append(dialog) or QDialog.DialogCode.Accepted)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    keys = window.findChild(QAction, "keysAction")
    assert keys.shortcut().toString() == "F1"
    keys.trigger()
    table = shown[0].table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Ctrl+S"] == "File > Save plan" and rows["Ctrl+4"] == "View > 4 Patient & plan"
    assert rows["F1"] == "Help > Keyboard shortcuts" and rows["Ctrl+E"] == "File > Export handout PDF…"
    assert {"F2", "F4, Alt+Down", "Shift+F10, Menu key", "Enter", "Escape", "Delete", "Home, End"} <= set(rows)
