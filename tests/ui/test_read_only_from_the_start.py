"""A window that opens read-only says so on step 4 from the start, with Save plan off. Seen by a tester: until the
first keystroke in the profile, step 4 showed Save plan enabled and no word that nothing could be saved here; the
note came only with the first change."""

from __future__ import annotations

from tests.ui.test_switch_to_editing import app_window, read_only_window


def test_step_4_says_read_only_before_any_keystroke(qtbot, data_dir) -> None:
    window, holder = read_only_window(qtbot, data_dir)
    try:
        assert not window.editor.save_button.isEnabled()
        assert "another Treadwell window holds this data folder" in window.editor.header.text()
    finally:
        holder.release()


def test_a_window_that_can_save_says_nothing_of_read_only(qtbot, data_dir) -> None:
    window = app_window(qtbot, data_dir)
    assert not window.read_only
    assert window.editor.save_button.isEnabled()
    assert "read-only" not in window.editor.header.text().lower()
