"""The command line as a user meets it: run in a subprocess, exit codes and output checked."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


def pyproject_version() -> str:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_version_prints_name_and_version_from_pyproject(run_main) -> None:
    result = run_main("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Treadwell {pyproject_version()}"


def test_self_test_passes_every_check_in_a_fresh_data_dir(run_main, tmp_path: Path) -> None:
    result = run_main("--self-test", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 7
    assert all(line.startswith("PASS") for line in lines), result.stdout
    for check in ("resources found", "data directory writable", "database opens", "evidence library loads",
                  "Qt window paints", "Qt PDF module loads"):
        assert any(check in line for line in lines), check


def test_self_test_fails_loudly_when_a_check_fails(run_main, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "treadwell.sqlite3").write_bytes(b"this is not a database" * 100)
    result = run_main("--self-test", data_dir=data)
    assert result.returncode == 1
    assert any(line.startswith("FAIL  database opens") for line in result.stdout.splitlines()), result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_self_test_says_a_clinic_server_problem_in_words_not_a_class_name(run_main, tmp_path: Path) -> None:
    result = run_main("--records", "postgresql://nobody@127.0.0.1:1/none", "--self-test", data_dir=tmp_path / "data")
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith("FAIL  clinic database"))
    assert ": The clinic database cannot be reached" in line and "ClinicServerError" not in line


def test_everything_written_goes_under_the_data_dir(run_main, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_main("--self-test", data_dir=data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (data / "logs" / "treadwell.log").is_file()
    assert (data / "treadwell.sqlite3").is_file()
    assert (data / "backups").is_dir()
    home = tmp_path / "home"
    written = [p for p in home.rglob("*") if p.is_file() and "fontconfig" not in p.parts]
    assert written == []


def test_data_dir_is_private_on_posix(run_main, tmp_path: Path) -> None:
    data = tmp_path / "fresh" / "data"
    assert run_main("--self-test", data_dir=data).returncode == 0
    if os.name == "posix":
        assert data.stat().st_mode & 0o777 == 0o700
        assert (data / "treadwell.sqlite3").stat().st_mode & 0o777 == 0o600


def test_unusable_data_dir_gets_a_plain_message(run_main, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_main("--self-test", data_dir=blocker / "data")
    assert result.returncode == 2
    assert "Cannot use the data folder" in result.stderr and "part of its path is a file" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_main("etiologies", data_dir=blocker)
    assert result.returncode == 2 and f"{blocker} is a file, not a folder" in result.stderr
    assert "File exists" not in result.stderr


@pytest.mark.parametrize("date", ["yesterday", "20261130", "2026-W48-1"])
def test_a_date_that_is_not_iso_names_the_form_it_must_take(run_main, tmp_path: Path, date) -> None:
    result = run_main("progress", "1", "--date", date, data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "--date: must be a date written YYYY-MM-DD" in result.stderr and "fromisoformat" not in result.stderr


@pytest.mark.parametrize("date", ["2025-02-30", "2026-13-01"])
def test_a_date_written_as_asked_but_not_on_the_calendar_says_so(run_main, tmp_path: Path, date) -> None:
    """2025-02-30 was told "must be a date written YYYY-MM-DD", which it is."""
    result = run_main("progress", "1", "--date", date, data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "--date: is not a day of the calendar: check the month and the day" in result.stderr


def test_schema_without_its_kind_names_the_choices(run_main, tmp_path: Path) -> None:
    result = run_main("schema", data_dir=tmp_path / "data")
    assert result.returncode == 2 and "required: KIND" in result.stderr and "which" not in result.stderr
    assert "profile or session-log" in run_main("schema", "--help", data_dir=tmp_path / "data").stdout


@pytest.mark.parametrize("date", ["0026-11-30", "2062-11-30", "1999-12-31"])
def test_a_date_far_from_today_is_refused_as_a_typing_slip(run_main, tmp_path: Path, date) -> None:
    result = run_main("progress", "1", "--date", date, data_dir=tmp_path / "data")
    assert result.returncode == 2 and "--date: must be a date from 2000-01-01 to " in result.stderr


@pytest.mark.parametrize("options", [["--paper", "letter"], ["--date", "2026-11-30", "--language", "es"],
                                     ["--clinician-summary"], ["--print", "standard", "--units", "imperial"]])
def test_handout_options_without_a_pdf_are_refused_not_ignored(run_main, tmp_path: Path, options) -> None:
    profile = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
    result = run_main("plan", str(profile), *options, "--save", data_dir=tmp_path / "data")
    assert result.returncode == 2 and "only used with --pdf" in result.stderr
    assert all(flag in result.stderr for flag in options if flag.startswith("--") and flag != "--save")
    assert run_main("plans", "list", "--format", "json", data_dir=tmp_path / "data").stdout.strip() == "[]"  # not saved


def test_a_report_note_without_a_pdf_is_refused(run_main, tmp_path: Path) -> None:
    result = run_main("progress", "1", "--note", "Walking well", data_dir=tmp_path / "data")
    assert result.returncode == 2 and "--note: only used with --pdf" in result.stderr


def test_smoke_start_shows_and_paints_the_window_then_exits(run_main, tmp_path: Path) -> None:
    result = run_main("--smoke-start", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "data" / "logs" / "treadwell.log").read_text()
    assert "main window shown" in log


def test_help_lists_the_shared_options(run_main) -> None:
    result = run_main("--help")
    assert result.returncode == 0
    for option in ("--version", "--data-dir", "--self-test", "--smoke-start", "--no-crash-dialog"):
        assert option in result.stdout


def test_opening_the_window_parses_without_the_commands_grammar_and_commands_still_parse(tmp_path: Path) -> None:
    from core import cli

    window = cli.parse_args(["--data-dir", str(tmp_path), "--smoke-start"])
    assert window.command is None and window.smoke_start and window.data_dir == tmp_path
    assert cli.parse_args(["--data-dir", "plan"]).command is None  # a folder named like a command
    command = cli.parse_args(["--data-dir", str(tmp_path), "evidence", "--search", "BDNF"])
    assert command.command == "evidence" and command.search == "BDNF"


def test_an_unknown_command_is_named_with_the_known_ones(run_main) -> None:
    result = run_main("flowchart")
    assert result.returncode == 2
    assert "invalid choice: 'flowchart'" in result.stderr and "etiologies" in result.stderr
    assert "Traceback" not in result.stderr


def test_smoke_start_reports_each_moment_of_the_start(run_main, tmp_path: Path, monkeypatch) -> None:
    for moment in ("painted", "data", "ready"):
        monkeypatch.setenv("TREADWELL_SMOKE_UNTIL", moment)
        result = run_main("--smoke-start", data_dir=tmp_path / "data")
        assert result.returncode == 0, result.stderr
        reported = [line.split() for line in result.stdout.splitlines() if line.startswith("smoke-start ")]
        assert [r[1] for r in reported] == [moment] and float(reported[0][2]) > 1.7e9


def test_smoke_start_fails_fast_when_the_records_do_not_open(run_main, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "treadwell.sqlite3").write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("TREADWELL_SMOKE_UNTIL", "ready")
    result = run_main("--smoke-start", data_dir=data, timeout=30)
    assert result.returncode == 1
    assert "the records did not open" in result.stderr and "damaged" in result.stderr


@pytest.mark.parametrize("arguments", [["evidence", "--format", "json"], ["--self-test"]])
def test_a_reader_that_stops_early_is_not_a_crash(tmp_path, arguments) -> None:
    """``main.py evidence --format json | head``: the pipe closes early; no traceback, no crash report. The
    self-test too, which prints each check as it ends (it showed a traceback)."""
    import subprocess
    import sys

    command = [sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    process.stdout.read(100)
    process.stdout.close()  # as head does once it has its lines
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in stderr and "unexpected problem" not in stderr, stderr



@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("arguments", [["--version"], ["--self-test"], ["--screenshots", "SHOTS"]])
def test_an_answer_that_cannot_be_written_is_said_in_one_line(tmp_path, arguments) -> None:
    """Seen by a tester: ``--version > /dev/full`` and the self-test on a full disk ended in a traceback."""
    import subprocess
    import sys

    arguments = [str(tmp_path / "shots") if argument == "SHOTS" else argument for argument in arguments]
    command = [sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), *arguments]
    with open("/dev/full", "w") as full:
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    said = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]  # Qt's offscreen note
    assert result.returncode == 1 and said == ["The output could not be written (No space left on device)."], said

def test_an_empty_data_folder_or_a_file_for_screenshots_is_refused_by_name(run_main, tmp_path: Path) -> None:
    """``--data-dir ""`` meant the current folder, where it made a database; a file for --screenshots ended in a
    traceback."""
    empty = run_main("--data-dir", "", "etiologies")
    assert empty.returncode == 2 and "--data-dir: must name a folder; it is empty" in empty.stderr
    assert not (tmp_path / "treadwell.sqlite3").exists()  # run_main runs in tmp_path
    picture = tmp_path / "shot.png"
    picture.write_bytes(b"")
    refused = run_main("--screenshots", str(picture), data_dir=tmp_path / "data")
    assert refused.returncode == 2 and "is a file; give a folder" in refused.stderr
    assert "Traceback" not in refused.stderr
    beneath_a_file = run_main("--screenshots", str(picture / "shots"), data_dir=tmp_path / "data")
    assert beneath_a_file.returncode == 2 and "Traceback" not in beneath_a_file.stderr
    assert f"--screenshots: the folder {picture / 'shots'} cannot be made" in beneath_a_file.stderr


@pytest.mark.slow
def test_screenshots_are_of_the_clinic_laptop_screen_the_views_are_made_for(run_main, tmp_path: Path) -> None:
    """Seen in review: off screen, Qt's 800x600 screen made every picture 800 pixels wide, not 1366x768."""
    import struct

    made = run_main("--screenshots", str(tmp_path / "shots"), data_dir=tmp_path / "data",
                    env={"QT_QPA_PLATFORM": "offscreen"})
    assert made.returncode == 0, made.stderr
    pictures = sorted((tmp_path / "shots").glob("*.png"))
    assert len(pictures) == 8
    for picture in pictures:
        assert struct.unpack(">II", picture.read_bytes()[16:24]) == (1366, 768), picture.name


def test_an_option_of_the_whole_program_after_the_command_says_where_it_goes(run_main, tmp_path: Path) -> None:
    """Seen in review: "plan PROFILE --data-dir D" said only "unrecognized arguments: --data-dir D"."""
    profile = str(Path(__file__).parent.parent / "resources/examples/profiles/diabetic-neuropathy.json")
    result = run_main("plan", profile, "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2 and "--data-dir goes before the command" in result.stderr
    listed = run_main("plans", "list", "--records", "postgresql://grace@clinic-server/treadwell")
    assert listed.returncode == 2 and "--records goes before the command" in listed.stderr


def test_an_option_of_a_command_before_it_says_where_it_goes(capsys) -> None:
    """Seen in review: "--date 2026-01-01 progress 1" said only "invalid choice: '2026-01-01'" (the date read as
    the command), "--clinician-summary plan P" only "unrecognized arguments"."""
    from core.cli import parse_args

    def refused(*argv: str) -> str:
        with pytest.raises(SystemExit) as stopped:
            parse_args(list(argv))
        assert stopped.value.code == 2
        return capsys.readouterr().err

    assert "(--date goes after the command: it is an option of plan and progress)" in refused(
        "--date", "2026-01-01", "progress", "1")
    assert "(--clinician-summary goes after the command: it is an option of plan)" in refused(
        "--clinician-summary", "plan", "p.json")
    assert "goes after the command" not in refused("plan", "p.json", "--bogus")  # the command's own to refuse
    assert "goes after the command" not in refused("--bogus", "1", "plan", "p.json")  # no command takes it


def test_a_handout_date_goes_up_to_the_same_day_next_year(monkeypatch) -> None:
    """The message says "a year from today": the day it names is that day (it was 366 days, one too many)."""
    import argparse
    import datetime as dt

    from core.commands import parsers

    class Today(dt.date):
        @classmethod
        def today(cls):
            return cls(2026, 12, 3)

    monkeypatch.setattr(parsers.dt, "date", Today)
    assert parsers._iso_date("2027-12-03") == dt.date(2027, 12, 3)
    with pytest.raises(argparse.ArgumentTypeError, match=r"to 2027-12-03 \(a year from today\)"):
        parsers._iso_date("2027-12-04")
    assert parsers._a_year_from(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


def test_ctrl_c_while_waiting_for_the_data_folder_cancels_without_a_traceback(tmp_path: Path) -> None:
    """Seen in review: Ctrl+C during the wait for another Treadwell writing to the data folder showed a traceback."""
    import signal
    import subprocess
    import sys
    import time

    from core.data_dir import DataDir
    from core.storage.lock import DataDirLock

    data = DataDir(tmp_path / "data").prepare()
    lock = DataDirLock(data.lock_path)
    assert lock.acquire(0)
    try:
        example = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
        process = subprocess.Popen([sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(data.root), "plan",
                                    str(example), "--save"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6)  # started, and waiting up to 15 s for the lock
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        lock.release()
    assert process.returncode == 130, stderr
    assert "Cancelled. What was saved before it stays saved" in stderr and "Traceback" not in stderr, stderr


def test_an_installed_copy_s_help_names_the_program_as_installed(monkeypatch) -> None:
    """Seen in review: the installed program's --help said "usage: main.py"."""
    import sys

    from core.cli import build_parser

    assert build_parser().format_usage().startswith("usage: main.py")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(Path("/opt/Treadwell-0.1.0/treadwell")))
    assert build_parser().format_usage().startswith("usage: treadwell")


def test_ctrl_d_at_the_password_prompt_changes_nothing_and_says_so(monkeypatch, capsys) -> None:
    """Seen in review: Ctrl+D at "Password for NAME:" ended in a traceback."""
    import argparse
    import getpass
    import sys

    from core.commands.clinic_db import _password

    def ended(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", ended)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert _password(argparse.Namespace(password_stdin=False, name="alan_x")) is None
    assert "password: none typed (the input ended); nothing was changed" in capsys.readouterr().err
