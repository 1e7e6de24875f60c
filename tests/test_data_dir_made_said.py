"""A command that makes the folder --data-dir names and the folder it is in says so (seen by a tester: a mistyped
folder was made with its parents and opened as new, empty records, "No plans are saved yet", exit 0, not a word
more)."""

from __future__ import annotations


def test_a_data_folder_made_by_a_command_is_said_to_be_new(run_main, tmp_path) -> None:
    missing = tmp_path / "share-not-connected" / "treadwell"
    listed = run_main("plans", "list", data_dir=missing)
    assert listed.returncode == 0
    assert listed.stderr.splitlines() == [
        f"Neither {missing} nor the folder it is in existed, so both were made, a new data folder with no records yet: "
        "if records were expected there, check the folder's name, and that its drive or share is connected.",
        "No plans are saved yet."]
    again = run_main("plans", "list", data_dir=missing)  # there now: nothing more said
    assert again.stderr.splitlines() == ["No plans are saved yet."]
    first_use = run_main("plans", "list", data_dir=tmp_path / "new-records")  # a new folder in one that exists
    assert first_use.stderr.splitlines() == ["No plans are saved yet."]
