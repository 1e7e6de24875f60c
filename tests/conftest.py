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


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the whole run (tests/pg_server.py), with one clinician role; skipped
    with its reason where PostgreSQL's server programs are not installed."""
    from tests.pg_server import SKIP_REASON, server_programs, start_server

    if server_programs() is None:
        pytest.skip(SKIP_REASON)
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def clinic_database(server) -> str:
    """A fresh clinic database on ``server``, set up by ``init_clinic``: the URL a clinician signs in with."""
    from core.storage.clinic import add_clinician, init_clinic

    name = _new_database(server)
    init_clinic(server.url(database=name, password=ADMIN_SECRET))
    add_clinician(server.url(database=name, password=ADMIN_SECRET), "test_clinician", CLINICIAN_SECRET)
    return server.url("test_clinician", name, CLINICIAN_SECRET)


def clinic_before(server, migration: str) -> tuple[str, list[str]]:
    """A fresh clinic database on ``server`` set up by an older Treadwell, whose last migration came before
    ``migration``: the administrator's URL, and what ``init_clinic`` said it applied."""
    from core.storage import pg_schema
    from core.storage.clinic import init_clinic

    url = server.url(database=_new_database(server), password=ADMIN_SECRET)
    with pytest.MonkeyPatch.context() as older:
        known = [name for name, _ in pg_schema.MIGRATIONS]
        older.setattr(pg_schema, "MIGRATIONS", pg_schema.MIGRATIONS[:known.index(migration)])
        return url, init_clinic(url)


def _new_database(server) -> str:
    import uuid

    import psycopg

    name = f"clinic_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.admin_url, autocommit=True) as admin:
        admin.execute(f"create database {name}")
    return name


@pytest.fixture
def clinic_url(pg_server) -> str:
    return clinic_database(pg_server)


ADMIN_SECRET = "admin-secret"  # tests/pg_server.py's throwaway superuser
CLINICIAN_SECRET = "clinician-secret-for-tests"
