"""What a command is told when given the wrong kind of thing (seen by a clinic's tester): a handout PDF as the
profile was told to be saved as UTF-8, and --if-newest 0 was told what an id is."""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


@pytest.mark.parametrize(("start", "kind"), [(b"%PDF-1.4\n%\xe2\xe3", "a PDF"),
                                             (b"PK\x03\x04\x14\x00", "a zipped file (a Word or Excel document?)"),
                                             (b"SQLite format 3\x00\x10", "a database")])
def test_a_file_of_another_kind_is_named_as_such(run_main, tmp_path, start, kind) -> None:
    given = tmp_path / "given.json"
    given.write_bytes(start + bytes(range(256)))
    profile = run_main("plan", str(given), data_dir=tmp_path / "data")
    assert profile.returncode == 2
    assert profile.stderr.strip() == f"given.json: profile: the file is {kind}, not a JSON file; give the profile's " \
                                     "JSON file"
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=tmp_path / "data").returncode == 0
    session = run_main("sessions", "add", "1", str(given), data_dir=tmp_path / "data")
    assert session.returncode == 2 and f"session: the file is {kind}, not a JSON file" in session.stderr


def test_if_newest_is_told_what_a_version_is(run_main, tmp_path) -> None:
    result = run_main("plan", str(EXAMPLE), "--save", "--patient", "1", "--if-newest", "0", data_dir=tmp_path)
    assert result.returncode == 2 and "--if-newest: a version is a whole number from 1, such as 2 (progress " \
                                      "PATIENT_ID lists the patient's versions)" in result.stderr


def test_one_of_treadwells_own_files_given_to_another_command_is_named_with_its_command(run_main, tmp_path) -> None:
    """Seen by a tester: a profile given to sessions add had each of its 29 fields refused, not one line saying
    it was a profile."""
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    walk = tmp_path / "walk.json"
    walk.write_text('{"date": "2026-12-01", "week": 1, "minutes": 10, "rpe": 12}')
    bundle = tmp_path / "bundle.json"
    assert run_main("plans", "export", "1", str(bundle), data_dir=data).returncode == 0

    def said(*argv: str) -> str:
        result = run_main(*argv, data_dir=data)
        assert result.returncode == 2
        return result.stderr.strip()

    assert said("sessions", "add", "1", str(EXAMPLE)) == ("diabetic-neuropathy.json: session: the file is a patient "
                                                          "profile, not a walk; give it to main.py plan PROFILE.json")
    assert said("plan", str(walk)) == ("walk.json: profile: the file is a walk (one session of the log), not a patient "
                                       "profile; give it to main.py sessions add PATIENT_ID SESSION.json")
    assert said("plan", str(bundle)).endswith("the file is a plan bundle (a patient exported), not a patient profile; "
                                              "give it to main.py plans import BUNDLE.json")
    assert said("plans", "import", str(EXAMPLE)).startswith(  # the window's Import shows it too: no command named
        "diabetic-neuropathy.json: the file is a patient profile, not a plan bundle\n")
