"""Twenty workstations saving plans and logging sessions against one clinic server at once, one of them
killed mid-save: every confirmed save is there once, with its audit row, and the server is consistent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from core.storage.clinic import connect, open_clinic_records
from tests.conftest import REPO_ROOT
from tests.storage.helpers import example

WORKSTATIONS = 20
SECONDS = float(os.environ.get("TREADWELL_CONCURRENCY_SECONDS", "30"))


@pytest.mark.slow
def test_twenty_workstations_at_once(clinic_url) -> None:
    shared = open_clinic_records(clinic_url, lambda etiology: [])
    first = shared.save_plan(*example(name="Shared Patient"), clinician="setup")
    shared.connection.close()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    workers = [subprocess.Popen([sys.executable, "-m", "tests.storage.clinic_worker", clinic_url, str(SECONDS),
                                 str(first.patient_id)], cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(WORKSTATIONS)]
    time.sleep(min(5.0, SECONDS / 2))
    workers[0].send_signal(signal.SIGKILL)  # a workstation switched off mid-save
    outputs = [worker.communicate(timeout=SECONDS + 120) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers[1:]), [err[-500:] for _, err in outputs[1:]]
    confirmed = {"plan": set(), "session": set()}
    for out, _ in outputs:
        for line in out.splitlines():
            kind, number = line.split()
            confirmed[kind].add(int(number))
    assert len(confirmed["plan"]) > WORKSTATIONS  # they really worked at once
    with connect(clinic_url) as connection:
        plans = {row[0] for row in connection.execute("select id from plans")}
        sessions = {row[0] for row in connection.execute("select id from sessions")}
        audited = {(row[0], row[1]) for row in connection.execute("select record_type, record_id from audit")}
        versions = connection.execute("select patient_id, version, count(*) from plans group by patient_id, version "
                                      "having count(*) > 1").fetchall()
        numbering = connection.execute(
            "select patient_id from plans group by patient_id having max(version) <> count(*)").fetchall()
        orphans = connection.execute("select count(*) from sessions s left join plans p on p.id = s.plan_id "
                                     "where p.id is null").fetchone()[0]
    assert confirmed["plan"] <= plans and confirmed["session"] <= sessions  # every confirmed save is there
    assert all(("plan", n) in audited for n in plans) and all(("session", n) in audited for n in sessions)
    assert versions == [] and numbering == [] and orphans == 0  # nothing duplicated, versions 1..N, consistent
