"""A restore offers its way back (`db restore` of the file it set aside) only where that restore would work: seen by
a helper, a restore over another program's database printed "To put it back: ... db restore treadwell.set-aside-...",
which was then refused as another program's database."""

from __future__ import annotations

import sqlite3

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_the_way_back_is_not_offered_for_another_programs_database(tmp_path, capsys) -> None:
    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0
    assert run_command(parse_args(["db", "backup"]), data) == 0
    [backup] = data.backups_dir.glob("treadwell-*.sqlite3")
    data.database_path.unlink()
    other = sqlite3.connect(data.database_path)  # another program's file, copied over the records
    other.execute("create table contacts (name text)")
    other.commit()
    other.close()
    capsys.readouterr()
    assert run_command(parse_args(["db", "restore", backup.name]), data) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Restored {backup.name}, made ")
    assert said.rstrip().endswith("It cannot be restored in its turn: it is another program's database, not "
                                  "Treadwell's records.")
    assert "To put it back" not in said


def test_the_way_back_is_offered_for_treadwells_own_records(tmp_path, capsys) -> None:
    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0
    assert run_command(parse_args(["db", "backup"]), data) == 0
    [backup] = data.backups_dir.glob("treadwell-*.sqlite3")
    capsys.readouterr()
    assert run_command(parse_args(["db", "restore", backup.name]), data) == 0
    assert " To put it back: " in capsys.readouterr().out
