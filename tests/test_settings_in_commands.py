"""A command that needs only the clinician's name from the settings (``sessions``, ``plans``, ``db move-to``) is not
stopped by a bad value it does not use (seen in review: a phone number with a line break stopped every walk logged
from the command line, where the window kept what was valid). It says so, and the audit names the clinician; a
clinician's name or a clinic address that is not valid, or a file that cannot be read, still stops it, changing
nothing."""

from __future__ import annotations

import json
import sqlite3

from tests.conftest import REPO_ROOT
from tests.walk_days import day

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def audited(data) -> list[tuple[str, str, str]]:
    connection = sqlite3.connect(data / "treadwell.sqlite3")
    try:
        return connection.execute("select action, record_type, clinician from audit order by id").fetchall()
    finally:
        connection.close()


def test_a_bad_value_the_command_does_not_use_is_said_and_the_walk_is_logged(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    settings = data / "settings.json"
    settings.write_text(json.dumps({"clinician_name": "Dr Okafor"}), encoding="utf-8")
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    settings.write_text(json.dumps({"clinician_name": "Dr Okafor", "contact_phone": "020\n7946 0000"}),
                        encoding="utf-8")
    walk = tmp_path / "walk.json"
    walk.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 8, "rpe": 12}), encoding="utf-8")
    logged = run_main("sessions", "add", "1", str(walk), data_dir=data)
    assert logged.returncode == 0, logged.stderr
    assert "Note: the settings file" in logged.stderr and "contact_phone" in logged.stderr and \
        "which this command does not use" in logged.stderr
    listed = run_main("sessions", "list", "1", "--format", "json", data_dir=data)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1  # stdout stays the JSON alone
    exported = run_main("plans", "export", "1", str(tmp_path / "patient.json"), data_dir=data)
    assert exported.returncode == 0 and "contact_phone" in exported.stderr
    assert ("create", "session", "Dr Okafor") in audited(data)
    assert settings.read_text(encoding="utf-8") == json.dumps({"clinician_name": "Dr Okafor",
                                                               "contact_phone": "020\n7946 0000"})  # left as it is


def test_a_clinicians_name_that_is_not_valid_stops_the_command(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    before = audited(data)
    (data / "settings.json").write_text(json.dumps({"clinician_name": "Dr\nOkafor", "contact_phone": "x" * 50}),
                                        encoding="utf-8")
    walk = tmp_path / "walk.json"
    walk.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 8, "rpe": 12}), encoding="utf-8")
    for command in (("sessions", "add", "1", str(walk)), ("plans", "list")):
        refused = run_main(*command, data_dir=data)
        assert refused.returncode == 2 and "clinician_name" in refused.stderr and "Traceback" not in refused.stderr
    # a clinic address that is not valid: the command would save in this workstation's file instead (seen in review)
    (data / "settings.json").write_text(json.dumps({"records_url": "postgresql://grace@clinic-server:99999/treadwell"}),
                                        encoding="utf-8")
    refused = run_main("sessions", "add", "1", str(walk), data_dir=data)
    assert refused.returncode == 2 and "records_url" in refused.stderr and "Traceback" not in refused.stderr
    (data / "settings.json").write_text("{not json", encoding="utf-8")
    refused = run_main("sessions", "add", "1", str(walk), data_dir=data)
    assert refused.returncode == 2 and "settings" in refused.stderr
    assert audited(data) == before
