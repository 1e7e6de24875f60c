"""``db init-clinic`` and ``db add-clinician`` as the clinic's administrator runs them, on a throwaway server."""

from __future__ import annotations

import subprocess
import sys

import psycopg

from tests.conftest import ADMIN_SECRET, REPO_ROOT


def main_py(tmp_path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), *args],
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_the_administrator_sets_up_the_clinic_and_adds_a_clinician(pg_server, tmp_path) -> None:
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute("create database clinic_cli")
    url = pg_server.url(database="clinic_cli", password=ADMIN_SECRET)
    first = main_py(tmp_path, "db", "init-clinic", url)
    assert first.returncode == 0 and "applied p001_records" in first.stdout, first.stderr
    again = main_py(tmp_path, "db", "init-clinic", url)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    added = main_py(tmp_path, "db", "add-clinician", url, "grace_okafor", "--password-stdin",
                    stdin="correct-horse-battery\n")
    assert added.returncode == 0 and "Added clinician grace_okafor" in added.stdout, added.stderr
    with psycopg.connect(pg_server.url("grace_okafor", "clinic_cli", "correct-horse-battery")) as signed_in:
        assert signed_in.execute("select count(*) from patients").fetchone() == (0,)
    refused = main_py(tmp_path, "db", "add-clinician", url, "Grace Okafor", "--password-stdin",
                      stdin="correct-horse-battery\n")
    assert refused.returncode == 2 and refused.stderr.startswith("NAME:") and "Traceback" not in refused.stderr
    no_prompt = main_py(tmp_path, "db", "add-clinician", url, "someone")
    assert no_prompt.returncode == 2 and "--password-stdin" in no_prompt.stderr
    wrong = main_py(tmp_path, "db", "init-clinic", url.replace(ADMIN_SECRET, "wrong-password"))
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1
    assert "wrong-password" not in wrong.stderr and "Traceback" not in wrong.stderr
