"""Real processes: killed mid-save, two writers at once, one writer per data folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from core.data_dir import DataDir
from core.storage.backup import integrity
from core.storage.lock import DataDirLock
from tests.conftest import REPO_ROOT

SAVER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from core.data_dir import DataDir
    from core.evidence.library import load_library
    from core.plan.engine import compute_plan
    from core.plan.profile import read_profile
    from core.resources import resource_path
    from core.storage import records
    from core.storage.session import open_data
    profile = read_profile(resource_path("examples", "profiles", "parkinsons-pain.json"))
    plan = compute_plan(profile, load_library().studies)
    with open_data(DataDir(__import__("pathlib").Path({data!r})).prepare()) as db:
        print("ready", flush=True)
        for _ in range(100000):
            saved = records.save_plan(db, profile, plan, clinician="soak")
            print(saved.id, flush=True)  # printed only after the transaction committed
    """
)


def test_killed_in_the_middle_of_saves_keeps_every_printed_save(tmp_path) -> None:
    data = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-c", SAVER.format(root=str(REPO_ROOT), data=str(data))],
                               stdout=subprocess.PIPE, text=True)
    printed: list[int] = []
    assert process.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 60
    while len(printed) < 40 and time.monotonic() < deadline:
        printed.append(int(process.stdout.readline()))
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    printed += [int(line) for line in process.stdout.read().split()]
    assert len(printed) >= 40
    database = data / "treadwell.sqlite3"
    assert integrity(database) == "ok"
    import sqlite3

    connection = sqlite3.connect(database)
    stored = {row[0] for row in connection.execute("select id from plans")}
    audited = {row[0] for row in connection.execute("select record_id from audit where record_type = 'plan'")}
    connection.close()
    assert set(printed) <= stored and stored == audited


def test_two_processes_saving_at_once_both_land(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    example = REPO_ROOT / "resources" / "examples" / "profiles" / "trigeminal-neuropathy.json"
    env = {**os.environ}
    command = [sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(data), "plan", str(example), "--save",
               "--new-patient", "--format", "json"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                 for _ in range(4)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), [err for _, err in outputs]
    ids = sorted(json.loads(out)["saved_plan_id"] for out, _ in outputs)  # one JSON document each
    assert ids == [1, 2, 3, 4]
    listed = json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout)
    assert len(listed) == 4
    assert integrity(data / "treadwell.sqlite3") == "ok"


def test_one_writer_per_data_folder(tmp_path) -> None:
    data_dir = DataDir(tmp_path / "data").prepare()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(REPO_ROOT)!r})
            from pathlib import Path
            from core.storage.lock import DataDirLock
            lock = DataDirLock(Path({str(data_dir.lock_path)!r}))
            assert lock.acquire()
            print("held", flush=True)
            time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        second = DataDirLock(data_dir.lock_path)
        assert second.acquire(timeout_s=0.2) is False
    finally:
        holder.kill()
        holder.wait()
    third = DataDirLock(data_dir.lock_path)
    assert third.acquire(timeout_s=2) is True  # the lock goes with the process that held it
    third.release()


def test_a_writer_waits_then_gets_a_plain_refusal(run_main, tmp_path) -> None:
    data_dir = DataDir(tmp_path / "data").prepare()
    lock = DataDirLock(data_dir.lock_path)
    assert lock.acquire()
    try:
        example = REPO_ROOT / "resources" / "examples" / "profiles" / "trigeminal-neuropathy.json"
        reader = run_main("plans", "list", data_dir=data_dir.root)
        assert reader.returncode == 1 and "Another Treadwell window" in reader.stderr  # no database yet to read
        writer = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(f"""
                import sys
                sys.path.insert(0, {str(REPO_ROOT)!r})
                import core.storage.session as session
                session.WAIT_FOR_OTHER_WRITER_S = 0.3
                sys.argv = ["main.py", "--data-dir", {str(data_dir.root)!r}, "plan", {str(example)!r}, "--save"]
                import runpy
                runpy.run_path({str(REPO_ROOT / "main.py")!r}, run_name="__main__")
            """)], capture_output=True, text=True, timeout=60)
        assert writer.returncode != 0 and "Another Treadwell window or command is using" in writer.stderr
        assert "Traceback" not in writer.stderr
        # said while it waits, not only at the end (it waited 15 s in silence)
        assert writer.stderr.index("Waiting up to 0.3 s for another Treadwell window or command") \
            < writer.stderr.index("is using")
    finally:
        lock.release()


def test_a_probe_finds_the_folder_free_or_taken_without_waiting(tmp_path) -> None:
    """A read-only window's check (is_free) takes no grace: that is for taking the lock."""
    assert DataDirLock(tmp_path / "treadwell.lock").is_free()
    holder = DataDirLock(tmp_path / "treadwell.lock")
    assert holder.acquire()
    try:
        started = time.monotonic()
        assert DataDirLock(tmp_path / "treadwell.lock").is_free() is False
        assert time.monotonic() - started < 0.2
    finally:
        holder.release()
    assert DataDirLock(tmp_path / "treadwell.lock").is_free()


def test_a_wait_for_the_lock_is_told_once_and_only_when_there_is_one(tmp_path) -> None:
    told: list[float] = []
    free = DataDirLock(tmp_path / "treadwell.lock")
    assert free.acquire(5.0, waiting=told.append) and told == []  # free: taken at once, nothing to say
    try:
        started = time.monotonic()
        assert DataDirLock(tmp_path / "treadwell.lock").acquire(0.6, waiting=told.append) is False
        assert told == [0.6] and 0.55 < time.monotonic() - started < 3  # the whole wait, not the grace twice
    finally:
        free.release()
