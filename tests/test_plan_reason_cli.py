"""``plan --save --reason TEXT``: why a version is saved, kept with it and shown where its versions are."""

from __future__ import annotations

import json
import os

from tests.test_records_cli import EXAMPLES, save

WHY = "Pain 7/10 after week 2 walks: ten weeks, reviewed sooner"


def test_the_reason_is_kept_with_the_version_and_shown_by_plans_show_and_progress(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert save(run_main, data, "parkinsons-pain", "--reason", "First assessment") == 1
    unchanged = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", "--patient", "1", "--reason",
                         "Reviewed", data_dir=data)
    assert unchanged.returncode == 0 and "nothing new saved, so --reason was not kept" in unchanged.stderr
    changed = tmp_path / "parkinsons-10-weeks.json"
    changed.write_text(json.dumps({**json.loads((EXAMPLES / "parkinsons-pain.json").read_text()), "weeks": 10}))
    result = run_main("plan", str(changed), "--save", "--patient", "1", "--reason", WHY, data_dir=data)
    assert result.returncode == 0 and result.stdout.strip().splitlines()[-1] == "2", result.stderr
    shown = run_main("plans", "show", "2", data_dir=data).stdout.splitlines()
    assert shown[1] == f"Reason: {WHY}"
    assert json.loads(run_main("plans", "show", "1", "--format", "json", data_dir=data).stdout)["reason"] == \
        "First assessment"
    rows = run_main("progress", "1", data_dir=data).stdout.splitlines()
    heading = next(line for line in rows if line.startswith("version "))
    assert heading.split() == ["version", "plan", "id", "saved", "by", "reason", "what", "changed"]  # (seen in review:
    column = heading.index("reason")  # run into the changes with "; ", it could not be told apart from them)
    first, second = (next(line for line in rows if line.startswith(f"{number} ")) for number in (1, 2))
    assert first[column:].startswith("First assessment ") and second[column:].startswith(f"{WHY} ")
    plan_id = heading.index("plan id")  # what sessions add --plan takes (seen in review: the version number given)
    assert [line[plan_id:].split()[0] for line in (first, second)] == ["1", "2"]


def test_a_reason_without_save_or_that_cannot_be_kept_is_refused_by_name(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    profile = str(EXAMPLES / "parkinsons-pain.json")
    alone = run_main("plan", profile, "--reason", "First assessment", data_dir=data)
    assert alone.returncode == 2 and "--reason: only used with --save" in alone.stderr
    tab = run_main("plan", profile, "--save", "--reason", "pain\tflare", data_dir=data)
    assert tab.returncode == 2 and tab.stderr.strip() == ("--reason: must not contain control characters such as line "
                                                          "breaks or tabs")
    long = run_main("plan", profile, "--save", "--reason", "x" * 301, data_dir=data)
    assert long.returncode == 2 and "--reason: at most 300 characters (this one has 301)" in long.stderr
    assert "Traceback" not in alone.stderr + tab.stderr + long.stderr
    assert json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout) == []


def test_a_reason_of_broken_bytes_is_refused_and_one_of_invisible_characters_is_none(run_main, tmp_path) -> None:
    """Seen in review: bytes that are not UTF-8 ended in "an unexpected problem"; a zero-width space alone was
    refused as "must not be blank" for a reason that may be left out."""
    data = tmp_path / "data"
    profile = str(EXAMPLES / "parkinsons-pain.json")
    broken = run_main("plan", profile, "--save", "--reason", os.fsdecode(b"pain \xff flare"), data_dir=data)
    assert broken.returncode == 2 and broken.stderr.strip() == ("--reason: must be text: it holds a broken character "
                                                                "(bytes that are not UTF-8)")
    assert save(run_main, data, "parkinsons-pain", "--reason", "\u200b ") == 1
    assert json.loads(run_main("plans", "show", "1", "--format", "json", data_dir=data).stdout)["reason"] == ""


def test_what_changed_in_a_version_is_listed_a_line_each_under_the_versions(run_main, tmp_path) -> None:
    """Seen in a clinician's try: version 2's 29 changes on one line of about 1,500 characters in the versions table
    pushed its other columns off the screen."""
    data = tmp_path / "data"
    profile = json.loads((EXAMPLES / "diabetic-neuropathy.json").read_text())
    first = tmp_path / "first.json"
    first.write_text(json.dumps(profile))
    assert run_main("plan", str(first), "--save", data_dir=data).returncode == 0
    second = tmp_path / "second.json"
    second.write_text(json.dumps({**profile, "beta_blocker": True}))
    assert run_main("plan", str(second), "--save", "--patient", "1", data_dir=data).returncode == 0
    lines = run_main("progress", "1", data_dir=data).stdout.splitlines()
    table, listed = next(i for i, line in enumerate(lines) if line.startswith("version")), lines.index(
        "What changed in version 2:")
    assert listed == table + 4 and max(len(line) for line in lines[table:listed]) < 120  # header, rule, 2 versions
    assert lines[listed + 1] == "  - Takes a beta-blocker: no -> yes" and "changes, below" in lines[table + 3]


def test_an_imperial_clinics_progress_names_a_new_versions_speeds_in_mph(run_main, tmp_path) -> None:
    """As the window's progress view does (Settings' units), the km/h kept beside them."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"units": "imperial"}), encoding="utf-8")
    profile = json.loads((EXAMPLES / "diabetic-neuropathy.json").read_text())
    for number, speed in enumerate((3.8, 4.2)):
        version = tmp_path / f"version{number}.json"
        version.write_text(json.dumps({**profile, "comfortable_speed_kmh": speed}))
        patient = ["--patient", "1"] if number else []
        assert run_main("plan", str(version), "--save", *patient, data_dir=data).returncode == 0
    lines = run_main("progress", "1", data_dir=data).stdout.splitlines()
    assert "  - Comfortable walking speed: 2.36 mph (3.8 km/h) -> 2.61 mph (4.2 km/h)" in lines


def test_a_version_saved_with_no_clinician_named_in_settings_says_so_as_the_session_log_does(run_main, tmp_path):
    """Seen by a clinic's tester: "unnamed clinician" in the versions beside "a clinician with no name in Settings"
    under the session log's Logged by, of the same clinician."""
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLES / "diabetic-neuropathy.json"), "--save", data_dir=data).returncode == 0
    for command in (("progress", "1"), ("plans", "show", "1")):
        said = run_main(*command, data_dir=data).stdout
        assert "a clinician with no name in Settings" in said and "unnamed clinician" not in said, command


def test_a_version_with_no_author_recorded_is_said_so_and_its_progress_report_is_made(run_main, tmp_path) -> None:
    """Seen in review: a bundle may carry a version with no author; "by None" was printed, and the progress report
    failed with a TypeError."""
    from core.storage import records
    from core.storage.database import open_database
    from tests.storage.helpers import example

    data = tmp_path / "data"
    assert run_main("plans", "list", data_dir=data).returncode == 0  # the data folder, made
    db = open_database(data / "treadwell.sqlite3")
    try:
        records.save_plan(db, *example(), clinician="")
    finally:
        db.close()
    assert "UTC by no author recorded" in run_main("plans", "show", "1", data_dir=data).stdout
    report = run_main("progress", "1", "--pdf", str(tmp_path / "report.pdf"), data_dir=data)
    assert report.returncode == 0 and "no author recorded" in report.stdout, report.stderr
