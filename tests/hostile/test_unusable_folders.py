"""A data folder that cannot be written, and a log or lock file that cannot be opened: one plain
sentence each, reading still works, the window opens (read-only where it must), nothing is written.

A read-only drive is made real: ``chattr +i`` as root (root ignores permission bits, not the
immutable flag), permission bits otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.storage.helpers import digest

PROFILE = str(REPO_ROOT / "resources/examples/profiles/post-stroke-pain.json")


def make_read_only(folder: Path) -> list[Path]:
    paths = [*folder.rglob("*"), folder]
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is missing, and root ignores permission bits")
        result = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"this filesystem has no immutable flag: {result.stderr.strip()}")
    else:
        for path in paths:
            path.chmod(0o500 if path.is_dir() else 0o400)
    return paths


def make_writable(paths: list[Path]) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=False)
    else:
        for path in paths:
            path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture
def saved_folder(run_main, tmp_path):
    data = tmp_path / "data"
    assert run_main("plan", PROFILE, "--save", data_dir=data).returncode == 0
    paths = make_read_only(data)
    yield data
    make_writable(paths)


def test_a_read_only_data_folder_is_read_and_never_called_damaged(run_main, saved_folder) -> None:
    before = digest(saved_folder / "treadwell.sqlite3")
    listed = run_main("plans", "list", data_dir=saved_folder)
    assert listed.returncode == 0 and "Example Patient" in listed.stdout
    checked = run_main("db", "check", data_dir=saved_folder)
    assert checked.returncode == 0 and "damaged" not in checked.stdout + checked.stderr
    for args in (("plan", PROFILE, "--save"), ("db", "backup")):
        result = run_main(*args, data_dir=saved_folder)
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr
        assert "damaged" not in result.stderr and "cannot be opened" in result.stderr
    assert digest(saved_folder / "treadwell.sqlite3") == before


def test_the_window_opens_a_read_only_data_folder_read_only(run_main, saved_folder) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "TREADWELL_SMOKE_UNTIL": "ready"}
    result = run_main("--no-crash-dialog", "--smoke-start", data_dir=saved_folder, env=env)
    assert result.returncode == 0 and "smoke-start ready" in result.stdout, result.stderr


@pytest.mark.parametrize("blocked", ["logs/treadwell.log", "treadwell.lock"])
def test_an_unopenable_log_or_lock_file_gets_one_sentence(run_main, tmp_path, blocked) -> None:
    data = tmp_path / "data"
    (data / blocked).mkdir(parents=True)  # a folder where the file should be: no one can open it
    result = run_main("plan", PROFILE, "--save", data_dir=data)
    assert "Traceback" not in result.stderr and "cannot be opened" in result.stderr
    assert result.returncode == (0 if blocked.startswith("logs") else 1)  # not bad input: the folder fails
    env = {"QT_QPA_PLATFORM": "offscreen"}
    window = run_main("--no-crash-dialog", "--smoke-start", data_dir=data, env=env)
    assert window.returncode == 0 and "smoke-start painted" in window.stdout, window.stderr
