"""A window that opens read-only says why: another window holds the folder, or the folder cannot be written (its
lock file cannot be opened: a read-only disk, a folder in its place). Seen by a tester on a disk remounted read-only:
after the dialog said the lock file could not be opened, the status bar said "another Treadwell window is using this
data folder", and the IT person went looking for a window that did not exist."""

from __future__ import annotations

import pytest

from core.storage.database import open_database
from core.workspace.gateway import ReadOnlyRecords
from tests.storage.helpers import example
from tests.ui.test_switch_to_editing import app_window, read_only_window


def test_a_folder_whose_lock_file_cannot_be_opened_is_said_to_be_unwritable(qtbot, data_dir) -> None:
    open_database(data_dir.database_path).close()
    data_dir.lock_path.mkdir()  # a folder where the lock file goes: it cannot be opened
    window = app_window(qtbot, data_dir)
    assert window.read_only
    said = window.statusBar().currentMessage()
    assert "Read-only: this data folder cannot be written" in said and "another Treadwell window" not in said
    with pytest.raises(ReadOnlyRecords, match="read-only: this data folder cannot be written"):
        window.gateway.save_plan(*example(), [], clinician="Dr A", patient_id=None)
    # each step that says the window is read-only says why, and promises no switch to editing
    window.editor.form.set_profile(example()[0])
    for said in (window.editor.header.text(), window.records.export_button.toolTip()):
        assert "this data folder cannot be written" in said and "another Treadwell window" not in said, said
        assert "Switch to editing" not in said, said


def test_a_folder_another_window_holds_is_said_so(qtbot, data_dir) -> None:
    window, holder = read_only_window(qtbot, data_dir)
    try:
        assert "Read-only: another Treadwell window holds this data folder." in window.statusBar().currentMessage()
    finally:
        holder.release()
