"""A window puts settings.json to use as the file holds it when it starts to edit and when Settings opens. Seen by a
helper: a read-only window switched to editing after the other window had saved a new clinic phone, and its handouts
printed the old one; its Settings, saved unchanged, put the old name and phone back over the other window's."""

from __future__ import annotations

from core.settings import load_settings, save_settings
from tests.storage.helpers import example
from tests.ui.test_switch_to_editing import app_window
from ui import settings_dialog


def _saved_elsewhere(data_dir, **changes) -> None:
    save_settings(load_settings(data_dir.settings_path).model_copy(update=changes), data_dir.settings_path)


def test_switched_to_editing_the_window_uses_the_settings_the_other_window_saved(qtbot, data_dir) -> None:
    first = app_window(qtbot, data_dir)
    _saved_elsewhere(data_dir, clinic_name="Riverside Clinic", contact_phone="020 7946 0000")
    second = app_window(qtbot, data_dir)
    assert second.read_only and second.settings.contact_phone == "020 7946 0000"
    _saved_elsewhere(data_dir, clinic_name="Riverside North", contact_phone="020 1111 2222")  # the first's Settings
    first.close()
    first.release_lock()
    assert second.switch_to_editing()
    qtbot.waitUntil(lambda: second.gateway.is_open and not second.gateway.read_only, timeout=20_000)
    assert (second.settings.clinic_name, second.settings.contact_phone) == ("Riverside North", "020 1111 2222")
    second.editor.form.set_profile(example()[0])
    assert second.handout._inputs.settings.contact_phone == "020 1111 2222"  # what its handouts print


def test_settings_open_with_what_the_file_holds_now(qtbot, data_dir, monkeypatch) -> None:
    window = app_window(qtbot, data_dir)
    _saved_elsewhere(data_dir, contact_phone="020 3333 4444")  # edited by hand while the window was open
    shown = []
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec",
                        lambda dialog: shown.append(dialog.phone.text()) or settings_dialog.SettingsDialog.Rejected)
    window._on_settings_triggered()  # File > Settings
    assert shown == ["020 3333 4444"] and window.settings.contact_phone == "020 3333 4444"
