"""An export (a patient's bundle, a progress report) is recorded in the audit trail once its file is written, and an
audit trail that cannot take the entry is said with the file's being there. Seen by a tester with the data folder's
disk full: `plans export` recorded the export first, so the bundle was never written and the message said only
"The disk is full, so nothing was saved" (of a disk the bundle was not going to); `progress --pdf` said "Progress
report saved", then "The disk is full, so nothing was saved". The audit's insert is made to fail as a full disk fails
it, by a trigger in the real SQLite file."""

from __future__ import annotations

import sqlite3

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
RECORDED_NOT = "but the audit trail could not record its export: the data folder's disk is full."


def _saved_with_a_full_audit_trail(tmp_path) -> DataDir:
    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0
    with sqlite3.connect(data.database_path) as db:
        db.execute("create trigger full before insert on audit begin select raise(abort, 'database or disk is full'); "
                   "end")
    return data


def _exports(data: DataDir) -> int:
    with sqlite3.connect(data.database_path) as db:
        return db.execute("select count(*) from audit where action = 'export'").fetchone()[0]


def test_a_bundle_is_written_though_its_export_cannot_be_recorded(tmp_path, capsys) -> None:
    data, out = _saved_with_a_full_audit_trail(tmp_path), tmp_path / "out" / "patient.json"
    out.parent.mkdir()
    status = run_command(parse_args(["plans", "export", "1", str(out)]), data)
    said = capsys.readouterr().err
    assert status == 1 and out.is_file() and f"{out} was written, {RECORDED_NOT}" in said, said
    assert "nothing was saved" not in said


def test_a_progress_report_is_said_written_though_its_export_cannot_be_recorded(tmp_path, capsys) -> None:
    data, out = _saved_with_a_full_audit_trail(tmp_path), tmp_path / "report.pdf"
    status = run_command(parse_args(["progress", "1", "--pdf", str(out)]), data)
    said = capsys.readouterr().err
    assert status == 1 and out.is_file() and f"{out} was written, {RECORDED_NOT}" in said, said
    assert "nothing was saved" not in said and "Progress report saved" not in said, said


def test_an_export_is_recorded_once_written(tmp_path, capsys) -> None:
    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0
    assert run_command(parse_args(["plans", "export", "1", str(tmp_path / "patient.json")]), data) == 0
    assert run_command(parse_args(["progress", "1", "--pdf", str(tmp_path / "report.pdf")]), data) == 0
    assert _exports(data) == 2


def test_a_saved_plan_with_its_handout_written_but_not_recorded_says_all_three(tmp_path, capsys) -> None:
    data, out = _saved_with_a_full_audit_trail(tmp_path), tmp_path / "handout.pdf"
    with sqlite3.connect(data.database_path) as db:  # the save's own entries go in; the handout's does not
        db.execute("drop trigger full")
        db.execute("create trigger full before insert on audit when new.action = 'export' begin "
                   "select raise(abort, 'database or disk is full'); end")
    status = run_command(parse_args(["plan", str(EXAMPLE), "--patient", "1", "--save", "--pdf", str(out)]), data)
    said = capsys.readouterr()
    assert status == 1 and out.is_file() and f"{out} was written, {RECORDED_NOT}" in said.err, said.err
    assert said.out.splitlines()[-1] == "1", said.out  # the saved plan's id, for scripts, all the same
    assert "nothing was saved" not in said.err, said.err
