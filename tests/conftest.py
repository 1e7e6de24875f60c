"""Shared fixtures. Qt runs offscreen and every test gets its own data directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists
os.environ["TREADWELL_NO_CRASH_DIALOG"] = "1"

from core.data_dir import DataDir  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data").prepare()


@pytest.fixture
def run_main(tmp_path: Path):
    """Run ``main.py`` as a user would, in a subprocess, with a private home and data directory."""

    def run(*args: str, data_dir: Path | None = None, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share"),
               "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"), **(env or {})}
        command = [sys.executable, str(REPO_ROOT / "main.py")]
        if data_dir is not None:
            command += ["--data-dir", str(data_dir)]
        return subprocess.run(
            [*command, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=tmp_path
        )

    return run
