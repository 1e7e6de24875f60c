from __future__ import annotations

import json

import pytest

from core.settings import Settings, SettingsError, load_settings, save_settings


def test_missing_settings_file_gives_defaults(data_dir) -> None:
    settings = load_settings(data_dir.settings_path)
    assert settings.paper_size == "a4" and settings.units == "metric" and settings.schema_version == 1


def test_settings_round_trip_with_any_script(data_dir) -> None:
    saved = Settings(clinic_name="Клиника Αθήνα", clinician_name="Dr. Ødegård", paper_size="letter")
    save_settings(saved, data_dir.settings_path)
    assert load_settings(data_dir.settings_path) == saved
    assert list(data_dir.root.glob(".settings.json.*")) == []  # no temporary file left behind


def test_damaged_settings_file_is_reported_and_kept(data_dir) -> None:
    data_dir.settings_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError, match="cannot be used: the file is not valid settings JSON"):
        load_settings(data_dir.settings_path)
    assert data_dir.settings_path.read_text(encoding="utf-8") == "{not json"


def test_invalid_value_in_settings_file_is_reported(data_dir) -> None:
    data_dir.settings_path.write_text(json.dumps({"paper_size": "a3"}), encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(data_dir.settings_path)


def test_failed_save_keeps_the_previous_file(data_dir, monkeypatch) -> None:
    save_settings(Settings(clinic_name="First"), data_dir.settings_path)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.atomic.os.replace", disk_full)
    with pytest.raises(SettingsError, match="The disk is full"):
        save_settings(Settings(clinic_name="Second"), data_dir.settings_path)
    assert load_settings(data_dir.settings_path).clinic_name == "First"
    assert list(data_dir.root.glob(".settings.json.*")) == []


@pytest.mark.parametrize(("content", "words"), [
    ("\ufeff" + json.dumps({"clinic_name": "Riverside"}), None),  # UTF-8 with a BOM: read
    (None, None),  # UTF-16 with a BOM: read
    (b'{"clinic_name": "Caf\xe9"}', "not UTF-8 text"),  # Latin-1
    ("[" * 100_000 + "]" * 100_000, "not valid settings JSON"),  # nested past reason
    ('{"backup_daily_keep": 1' + "0" * 5000 + "}", "not valid settings JSON"),  # a 5,000-digit number
    ('{"backup_daily_keep": 1e400}', "backup_daily_keep"),
    ('{"paper_sise": "letter"}', "paper_sise: is not a setting"),
    ('{"plan": {"hr_max_formla": "fox"}}', "plan.hr_max_formla: is not a setting"),
    ('{"schema_version": 2}', "schema_version: this Treadwell reads settings version 1"),
    ('{"schema_version": true}', "schema_version"),
    ("[]", "one JSON object"),
])
def test_hostile_settings_files_get_one_plain_sentence_and_are_kept(data_dir, content, words) -> None:
    path = data_dir.settings_path
    if content is None:
        path.write_bytes(json.dumps({"clinic_name": "Riverside"}).encode("utf-16"))
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = path.read_bytes()
    if words is None:
        assert load_settings(path).clinic_name == "Riverside"
        return
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert words in str(caught.value) and "Traceback" not in str(caught.value)
    assert path.read_bytes() == before


def test_the_window_keeps_every_valid_setting_and_names_the_bad_one(data_dir) -> None:
    from core.settings import load_settings_keeping_what_is_valid

    data_dir.settings_path.write_text(json.dumps({"clinic_name": "Riverside", "paper_size": "a3",
                                                  "units": "imperial"}), encoding="utf-8")
    settings, problems = load_settings_keeping_what_is_valid(data_dir.settings_path)
    assert (settings.clinic_name, settings.units, settings.paper_size) == ("Riverside", "imperial", "a4")
    assert len(problems) == 1 and problems[0].startswith("paper_size: ")


def test_a_settings_file_that_is_not_a_regular_file_is_refused(data_dir) -> None:
    import os

    os.mkfifo(data_dir.settings_path)
    with pytest.raises(SettingsError, match="not a regular file"):
        load_settings(data_dir.settings_path)
