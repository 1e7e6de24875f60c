"""A settings file that cannot be read at all is kept beside it when Settings are saved over it, and the window says
none of it is used (seen by a helper: one comma missing, the window said "1 problem", and Save put defaults over the
clinic's phone, ambulance number and units with no copy kept)."""

from __future__ import annotations

import json

from core.settings import Settings, load_settings, save_settings

WHOLE = {"schema_version": 1, "clinic_name": "Riverside Clinic", "contact_phone": "020 7946 0000",
         "emergency_number": "999", "units": "imperial"}


def test_an_unreadable_file_is_kept_beside_the_saved_one(tmp_path) -> None:
    path = tmp_path / "settings.json"
    broken = json.dumps(WHOLE).replace(",", "", 1).encode("utf-8")  # one comma missing
    path.write_bytes(broken)
    kept = save_settings(Settings(clinic_name="Riverside Clinic"), path)
    assert kept is not None and kept.parent == tmp_path and kept.name.startswith("settings.unreadable-")
    assert kept.read_bytes() == broken and load_settings(path).clinic_name == "Riverside Clinic"
    assert save_settings(Settings(), path) is None  # a file that can be read: replaced as ever
    assert save_settings(Settings(), tmp_path / "new.json") is None


def test_a_file_with_a_bad_value_is_replaced_without_a_copy(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({**WHOLE, "units": "furlongs"}), encoding="utf-8")  # the other values are used
    assert save_settings(Settings(), path) is None
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_the_window_says_none_of_an_unreadable_file_is_used_and_where_it_kept_it(qtbot, data_dir, monkeypatch) -> None:
    from tests.ui.course_helpers import open_window
    from ui import settings_dialog

    data_dir.settings_path.write_text(json.dumps(WHOLE).replace(",", "", 1), encoding="utf-8")
    window = open_window(qtbot, data_dir)
    assert window.settings_problem.text().startswith("settings.json could not be read: defaults used for every setting")

    def saved(dialog) -> int:
        dialog.result_settings = Settings(clinic_name="Riverside Clinic")
        return settings_dialog.SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", saved)
    window._on_settings_triggered()
    [kept] = data_dir.root.glob("settings.unreadable-*.json")
    assert window.statusBar().currentMessage() == (f"Settings saved. The file that could not be read is kept beside "
                                                   f"it as {kept.name}.")
