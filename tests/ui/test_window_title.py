"""The title's unsaved-changes mark (issue 19): none at start-up, none after the first run's welcome or after
opening a saved record, and shown as soon as the clinician types."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from core.app_info import APP_NAME
from core.storage import records
from core.storage.database import open_database
from tests.storage.helpers import example
from ui.main_window import MainWindow
from ui.welcome_dialog import WelcomeDialog


def shown_title(window: MainWindow) -> str:
    """The title as the window manager shows it: Qt puts "*" for "[*]" only while the window is modified."""
    return window.windowHandle().title()


def test_the_title_is_marked_only_once_something_is_typed(qtbot, data_dir, monkeypatch) -> None:
    db = open_database(data_dir.database_path)
    saved = records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    welcomed: list[str] = []

    def skip(dialog: WelcomeDialog) -> int:
        welcomed.append(shown_title(dialog.parent()))
        dialog.skip_button.click()
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", skip)
    # As the app starts it (ui/app.py): built in turns after the first frame, the lock taken, then the welcome.
    window = MainWindow(data_dir, deferred=True, take_lock=True)
    qtbot.addWidget(window)
    window.evidence_ready.connect(lambda overview: QTimer.singleShot(0, window, window.welcome_if_first_run))
    try:
        with qtbot.waitSignal(window.first_painted, timeout=20_000):
            window.show()
        assert shown_title(window) == APP_NAME
        with qtbot.waitSignal(window.evidence_ready, timeout=30_000):
            pass
        assert shown_title(window) == APP_NAME and not window.isWindowModified()
        qtbot.waitUntil(lambda: bool(welcomed), timeout=5_000)
        assert welcomed == [APP_NAME]
        qtbot.wait(50)
        assert shown_title(window) == APP_NAME
        # the first patient in the records, opened from step 8
        window.tabs.setCurrentWidget(window.records)
        assert window.records.selected().plan_id == saved.id
        window.records.open_button.click()
        assert window.editor.plan_id == saved.id
        assert shown_title(window) == APP_NAME and not window.isWindowModified()
        window.editor.form.name.setFocus()
        qtbot.keyClicks(window.editor.form.name, " Jr")
        assert window.editor.dirty
        assert shown_title(window) == APP_NAME + "*"
    finally:
        window.release_lock()
