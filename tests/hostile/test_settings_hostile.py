"""Hostile settings files: other encodings, nesting, huge numbers, misspelt keys, another schema
version, a FIFO. One sentence each; the file is never rewritten; the window keeps what is valid."""

from __future__ import annotations

import json

import pytest

from core.settings import SettingsError, load_settings


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


def test_one_bad_plan_setting_keeps_the_other_plan_settings(data_dir) -> None:
    from core.settings import load_settings_keeping_what_is_valid

    data_dir.settings_path.write_text(json.dumps({"plan": {"hr_max_formula": "gellish", "max_weekly_increase_pct": 20,
                                                           "pain_rise_allowed": 7}}), encoding="utf-8")
    settings, problems = load_settings_keeping_what_is_valid(data_dir.settings_path)
    assert (settings.plan.hr_max_formula, settings.plan.max_weekly_increase_pct, settings.plan.pain_rise_allowed) == \
        ("gellish", 20, 2)
    assert len(problems) == 1 and problems[0].startswith("plan.pain_rise_allowed: ")
