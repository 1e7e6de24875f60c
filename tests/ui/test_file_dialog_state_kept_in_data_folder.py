"""What Qt's own file dialog remembers (the last folder, its history) goes into the data folder, as everything else
the app writes does (seen in a try: ~/.config/QtProject.conf held the folder of each handout exported, outside
--data-dir; the README says everything goes under it)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.ui.course_helpers import open_window
from ui import file_dialogs


def test_the_dialog_s_last_folder_is_written_in_the_data_folder(qtbot, data_dir, tmp_path) -> None:
    window = open_window(qtbot, data_dir)
    exports = tmp_path / "exports-maria-lopez"
    exports.mkdir()
    QTimer.singleShot(200, lambda: [dialog.reject() for dialog in QApplication.topLevelWidgets()
                                    if isinstance(dialog, QFileDialog)])  # the clinician cancels
    assert file_dialogs.save_file(window, "Export handout", str(exports / "handout.pdf"), "PDF (*.pdf)") == ""
    kept = data_dir.qt_settings_dir / "QtProject.conf"
    assert kept.is_file(), sorted(path.name for path in data_dir.root.iterdir())
    assert "exports-maria-lopez" in kept.read_text(encoding="utf-8")  # the dialog's own lastVisited/history
