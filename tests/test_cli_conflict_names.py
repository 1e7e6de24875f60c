"""A correction or deletion refused for a walk changed meanwhile names who changed it, as the audit names them (seen
in review: the command line said "someone else" where the window named the clinician)."""

from __future__ import annotations

import json

from tests.conftest import REPO_ROOT
from tests.walk_days import day

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_the_clinician_who_changed_the_walk_is_named(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    settings = data / "settings.json"
    settings.write_text(json.dumps({"clinician_name": "Dr Grace Okafor"}))
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    walk = tmp_path / "walk.json"
    walk.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 8, "rpe": 12}))
    assert run_main("sessions", "add", "1", str(walk), data_dir=data).returncode == 0
    read = json.loads(run_main("sessions", "list", "1", "--format", "json", data_dir=data).stdout)[0]["updated_at"]
    walk.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 9, "rpe": 12}))
    assert run_main("sessions", "edit", "1", str(walk), data_dir=data).returncode == 0  # Grace's correction
    settings.write_text(json.dumps({"clinician_name": "Dr Tom Reyes"}))
    walk.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 12, "rpe": 12}))
    edit = run_main("sessions", "edit", "1", str(walk), "--if-unchanged-since", read, data_dir=data)
    assert edit.returncode == 1 and "this session was changed by Dr Grace Okafor at" in edit.stderr, edit.stderr
    delete = run_main("sessions", "delete", "1", "--if-unchanged-since", read, data_dir=data)
    assert delete.returncode == 1 and "Not deleted: this session was changed by Dr Grace Okafor at" in delete.stderr


def test_a_version_saved_over_another_clinicians_says_what_it_changed_in_theirs(run_main, tmp_path) -> None:
    """Seen by a clinic's tester: a scripted `plan --save --patient 1` set the resting heart rate a colleague had just
    measured back, and said nothing."""
    data = tmp_path / "data"
    data.mkdir()
    settings = data / "settings.json"
    settings.write_text(json.dumps({"clinician_name": "Dr Grace Okafor"}))
    measured = tmp_path / "measured.json"
    measured.write_text(json.dumps({**json.loads(EXAMPLE.read_text()), "resting_hr": 64}))
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    assert run_main("plan", str(measured), "--save", "--patient", "1", data_dir=data).returncode == 0
    again = run_main("plan", str(measured), "--save", "--patient", "1", "--reason", "a walk", data_dir=data)
    assert "was saved by" not in again.stderr  # her own version: nothing to say
    settings.write_text(json.dumps({"clinician_name": "Dr Tom Reyes"}))
    saved = run_main("plan", str(EXAMPLE), "--save", "--patient", "1", data_dir=data)
    assert saved.returncode == 0
    assert "Version 2 was saved by Dr Grace Okafor at " in saved.stderr and "version 3 is made from this profile. " \
        "Yours differs from it: Resting heart rate (bpm): 64 -> " in saved.stderr, saved.stderr
    assert "(--if-newest 2 saves only while it is the newest.)" in saved.stderr
