from __future__ import annotations

import json

import pytest

from core.settings import Settings, SettingsError, load_settings, save_settings


def test_missing_settings_file_gives_defaults(data_dir) -> None:
    settings = load_settings(data_dir.settings_path)
    assert settings.paper_size == "a4" and settings.units == "metric" and settings.schema_version == 1


def test_a_settings_file_saved_before_the_emergency_number_opens_with_none(data_dir) -> None:
    """The first released settings (schema 1) had no emergency number: such a file opens as it was, with none set,
    and is saved again with it."""
    data_dir.settings_path.write_text(json.dumps({"schema_version": 1, "clinic_name": "Riverside Rehab",
                                                  "contact_phone": "020 7946 0000", "paper_size": "letter"}),
                                      encoding="utf-8")
    settings = load_settings(data_dir.settings_path)
    assert (settings.clinic_name, settings.contact_phone, settings.emergency_number) == ("Riverside Rehab",
                                                                                         "020 7946 0000", "")
    save_settings(settings.model_copy(update={"emergency_number": "999"}), data_dir.settings_path)
    assert load_settings(data_dir.settings_path).emergency_number == "999"


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


def test_a_damaged_settings_file_names_the_line_and_column_to_mend(data_dir) -> None:
    data_dir.settings_path.write_text('{\n  "clinic_name": "North",\n  "contact_phone": 555\n  "paper_size": "a4"\n}',
                                      encoding="utf-8")
    with pytest.raises(SettingsError, match=r"expecting ',' delimiter \(line 4, column 3\)"):
        load_settings(data_dir.settings_path)


def test_invalid_value_in_settings_file_is_reported(data_dir) -> None:
    data_dir.settings_path.write_text(json.dumps({"paper_size": "a3"}), encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(data_dir.settings_path)


@pytest.mark.parametrize(("plan", "named"), [
    ({"glucose_low_mg_dl": 40}, "glucose_low_mg_dl"),
    ({"glucose_ketone_check_mg_dl": 500}, "glucose_ketone_check_mg_dl"),
    ({"max_two_week_increase_pct": 33}, "max_two_week_increase_pct"),
])
def test_an_unverified_threshold_out_of_range_is_named_with_what_is_allowed(data_dir, plan, named) -> None:
    data_dir.settings_path.write_text(json.dumps({"plan": plan}), encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(data_dir.settings_path)
    message = str(caught.value)
    assert named in message and ("at least" in message or "at most" in message or "one of" in message)


def test_failed_save_keeps_the_previous_file(data_dir, monkeypatch) -> None:
    save_settings(Settings(clinic_name="First"), data_dir.settings_path)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.atomic.os.replace", disk_full)
    with pytest.raises(SettingsError, match="The disk is full"):
        save_settings(Settings(clinic_name="Second"), data_dir.settings_path)
    assert load_settings(data_dir.settings_path).clinic_name == "First"
    assert list(data_dir.root.glob(".settings.json.*")) == []



@pytest.mark.parametrize("address", [
    "postgresql://grace@clinic-server/treadwell?password=secret",
    "postgresql://grace@clinic-server/treadwell?sslmode=verify-full&pass%77ord=secret",  # libpq decodes the key
    "postgresql://grace@clinic-server/treadwell?PASSWORD=secret",
    "postgresql://grace@clinic-server/treadwell?application_name=x#&password=secret",  # libpq has no fragment
    "postgresql://grace@clinic-server/treadwell#?password=secret",
    "postgresql://grace@clinic-server/treadwell?sslcert=c.crt&sslkey=c.key&sslpassword=secret",  # the key's password
    "postgresql://grace@clinic-server/treadwell?SSLPass%77ord=secret"])
def test_a_clinic_address_never_keeps_a_password_however_it_is_spelled(address) -> None:
    """Seen in testing: ``pass%77ord=`` signed in with the password in Settings, which would write it to disk."""
    with pytest.raises(ValueError, match="must not hold a password"):
        Settings(records_url=address)
    assert Settings(records_url="postgresql://grace@clinic-server/treadwell?sslmode=verify-full").records_url


@pytest.mark.parametrize("address", [
    "postgresql://grace:secret@clinic-server/treadwell", "postgresql://gr?ace:secret@clinic-server/treadwell",
    "postgresql://grace?@clinic-server/treadwell?password=secret", "postgresql://grace@clinic-server?password=x",
    "postgresql://grace@[::1]:5432/treadwell?password=x", "postgresql://@clinic-server/treadwell?password=x",
    "postgresql://clinic-server?password=x", "postgresql://grace@clinic-server/treadwell?pass%77ord=x",
    "postgresql://grace@clinic-server/treadwell#?password=x", "postgresql://grace@[::1]:5432/treadwell",
    "postgresql://clinic-server/treadwell?sslmode=verify-full", "postgresql://gr%3Aace@clinic-server/treadwell",
    "postgresql://grace@clinic-server/treadwell?sslpassword=x", "postgresql://clinic-server?sslkey=k&sslpass%77ord=x"])
def test_an_address_is_refused_wherever_libpq_would_find_a_password_in_it(address) -> None:
    """libpq's own parser is the judge (seen in review: a '?' in the user part hid ':secret@' from the check)."""
    from psycopg.conninfo import conninfo_to_dict

    if {"password", "sslpassword"} & set(conninfo_to_dict(address)):
        with pytest.raises(ValueError, match="must not hold a password"):
            Settings(records_url=address)
    else:
        assert Settings(records_url=address).records_url == address


@pytest.mark.parametrize("field", ["clinic_name", "clinician_name", "contact_phone", "emergency_number"])
@pytest.mark.parametrize("value", ["Zoë\nOkafor", "Dr\u202eA", "North\tClinic"])
def test_a_name_or_phone_edited_by_hand_is_one_plain_line(data_dir, field, value) -> None:
    """Seen in review: a clinician name with a line break, typed into settings.json, went into the audit trail of
    every plan saved, and each such plan could never be exported again (the bundle refuses such an author)."""
    data_dir.settings_path.write_text(json.dumps({field: value}), encoding="utf-8")
    with pytest.raises(SettingsError, match=f"{field}: must not contain"):
        load_settings(data_dir.settings_path)
    assert Settings(**{field: "  "}).model_dump()[field] == ""  # spaces alone: left empty, as the dialog saves it


@pytest.mark.parametrize("weekly", [12, 50, 0, -5, "12", 12.0, "50"])
def test_a_weekly_increase_not_offered_is_told_the_choices_however_far_out(data_dir, weekly) -> None:
    """50 was "at most 30" where 12 was "one of 5, 10, ... percent" (seen by a helper editing the file by hand)."""
    data_dir.settings_path.write_text(json.dumps({"plan": {"max_weekly_increase_pct": weekly}}), encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(data_dir.settings_path)
    assert caught.value.problems == ["plan.max_weekly_increase_pct: must be one of 10, 15, 20, 25, 30 percent"], (
        caught.value.problems)


def test_a_paper_size_units_or_print_in_capitals_is_read_as_the_window_writes_it(data_dir) -> None:
    data_dir.settings_path.write_text(json.dumps({"paper_size": "A4", "units": " Imperial", "handout_print": "Standard",
                                                  "plan": {"hr_max_formula": "Tanaka"}}), encoding="utf-8")
    settings = load_settings(data_dir.settings_path)
    assert (settings.paper_size, settings.units, settings.handout_print) == ("a4", "imperial", "standard")
    assert settings.plan.hr_max_formula == "tanaka"
    data_dir.settings_path.write_text(json.dumps({"units": 3}), encoding="utf-8")
    with pytest.raises(SettingsError, match="units"):
        load_settings(data_dir.settings_path)
