"""The restore command `db check` prints runs as printed when pasted into a shell, whatever the folder's name: seen by
a tester, a data folder named with "$x" and backquotes in it was printed in double quotes, in which a shell expands
both (pasted, it ran `id`)."""

from __future__ import annotations

import os
import subprocess

import pytest

from core.data_dir import DataDir
from core.storage.maintenance import check_health
from tests.storage.test_another_programs_database import another_programs
from tests.storage.test_lost_records import saved_and_backed_up


@pytest.mark.skipif(os.name == "nt", reason="the POSIX shell's quoting; Windows' has no $ or backquote expansion")
def test_the_printed_restore_runs_as_printed(tmp_path) -> None:
    data_dir = DataDir(tmp_path / "clinic $x `id` it's" / "data").prepare()
    saved_and_backed_up(data_dir)
    another_programs(data_dir.database_path)  # one way to a restore offered
    report = check_health(data_dir)
    line = report.lines[-1]
    assert line.startswith("To restore it: uv run main.py --data-dir "), line
    pasted = subprocess.run(["sh", "-c", "printf '%s\\n' " + line.removeprefix("To restore it: uv run main.py ")],
                            capture_output=True, text=True, check=True, env={"PATH": os.environ["PATH"], "x": "X"})
    assert pasted.stdout.splitlines() == ["--data-dir", str(data_dir.root), "db", "restore",
                                          str(report.newest_good_backup)]
