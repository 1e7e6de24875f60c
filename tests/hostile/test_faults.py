"""Faults at writes: killed mid-backup or mid-export, the data folder deleted under the window."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from core.atomic import STALE_AFTER_S, atomic_write_bytes
from core.storage import records
from core.storage.backup import backup_database, integrity, list_backups
from core.storage.database import open_database
from tests.conftest import REPO_ROOT
from tests.storage.helpers import example
from core.workspace.gateway import DataFolderMissing, RecordsGateway


def test_killed_mid_backup_leaves_the_records_and_older_backups_sound(data_dir) -> None:
    db = open_database(data_dir.database_path)
    for _ in range(40):
        records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    first = backup_database(data_dir.database_path, data_dir.backups_dir)
    looper = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from pathlib import Path
        from core.storage.backup import backup_database
        print("go", flush=True)
        while True:
            backup_database(Path({str(data_dir.database_path)!r}), Path({str(data_dir.backups_dir)!r}))
    """)], stdout=subprocess.PIPE, text=True)
    assert looper.stdout.readline().strip() == "go"
    time.sleep(0.7)
    os.kill(looper.pid, signal.SIGKILL)
    looper.wait()
    assert integrity(data_dir.database_path) == "ok" and integrity(first) == "ok"
    assert all(integrity(info.path) == "ok" for info in list_backups(data_dir.backups_dir))  # named = complete
    backup_database(data_dir.database_path, data_dir.backups_dir)  # the next backup clears any leftover
    assert [p.name for p in data_dir.backups_dir.iterdir() if p.name.startswith(".")] == []


def test_stale_temporary_files_of_a_killed_export_are_cleared(tmp_path) -> None:
    target = tmp_path / "handout.pdf"
    stale = tmp_path / ".handout.pdf.abc123.tmp"
    fresh = tmp_path / ".handout.pdf.def456.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"someone else's write in progress")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    atomic_write_bytes(target, b"%PDF complete")
    assert target.read_bytes() == b"%PDF complete" and not stale.exists() and fresh.exists()


def test_data_folder_deleted_while_the_window_is_open(data_dir) -> None:
    gateway = RecordsGateway(data_dir, read_only=False)
    open_database(data_dir.database_path).close()
    gateway.open()
    try:
        shutil.rmtree(data_dir.root)
        with pytest.raises(DataFolderMissing, match="moved or deleted while Treadwell was open, so nothing was saved"):
            gateway.save_plan(*example(), [], clinician="Dr A", patient_id=None)
    finally:
        gateway.close()


def test_a_database_put_in_place_while_the_window_is_open_takes_no_saves_meant_for_the_one_before(data_dir) -> None:
    """Seen in review: a command restored a backup (the lock deleted by hand), and a sync tool moved a copy over the
    file; the open window went on saving, each save "logged" into the file set aside, or mixed into the new one."""
    from core.workspace.maintenance import restore

    gateway = RecordsGateway(data_dir, read_only=False)
    open_database(data_dir.database_path).close()
    gateway.open()
    try:
        first = gateway.save_plan(*example(), [], clinician="Dr A", patient_id=None)
        aside = restore(data_dir, backup_database(data_dir.database_path, data_dir.backups_dir), locked=False)
        with pytest.raises(DataFolderMissing, match="was replaced while Treadwell was open .* so nothing was saved"):
            gateway.save_plan(*example(), [], clinician="Dr A", patient_id=first.patient_id, reason="again")
        with open_database(aside) as before:
            assert before["plans"].count == 1  # nothing went to the file set aside
        gateway.open()  # as the window does after its own restore: the file now in place
        another = gateway.save_plan(*example(), [], clinician="Dr A", patient_id=None)
        assert another.patient_id == 2
        with open_database(data_dir.database_path) as in_place:
            assert in_place["plans"].count == 2
    finally:
        gateway.close()


def test_after_faults_the_app_starts_and_db_check_passes(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    saved = run_main("plan", str(REPO_ROOT / "resources/examples/profiles/parkinsons-pain.json"), "--save", data_dir=data)
    assert saved.returncode == 0
    (data / "backups").mkdir(exist_ok=True)
    (data / "backups" / ".treadwell-20260101-000000-000000.sqlite3.partial").write_bytes(b"half a backup")
    assert run_main("db", "check", data_dir=data).returncode == 0
    assert run_main("db", "backup", data_dir=data).returncode == 0
    assert not list((data / "backups").glob(".*.partial"))
    assert run_main("--self-test", data_dir=data).returncode == 0


@pytest.mark.parametrize("error_number, words", [(28, "disk is full"), (13, "not allowed to write")])
def test_every_file_write_fails_plainly_and_keeps_what_was_there(data_dir, monkeypatch, error_number, words) -> None:
    import logging

    from core.handout.export import save_handout
    from core.logging_setup import configure_logging
    from core.settings import Settings, SettingsError, load_settings, save_settings
    from core.storage.backup import BackupError

    save_settings(Settings(clinic_name="Before"), data_dir.settings_path)
    handout = data_dir.root.parent / "handout.pdf"  # outputs never go inside the data folder
    handout.write_bytes(b"%PDF-1.4 the old handout")
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    handler = configure_logging(data_dir)

    def refuse(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))

    monkeypatch.setattr("core.atomic.os.replace", refuse)
    monkeypatch.setattr("core.storage.backup.os.replace", refuse)
    with pytest.raises(SettingsError, match=words):
        save_settings(Settings(clinic_name="After"), data_dir.settings_path)
    with pytest.raises(Exception, match=words):
        save_handout(b"%PDF new", handout, data_folder=data_dir.root)
    with pytest.raises(BackupError):
        backup_database(data_dir.database_path, data_dir.backups_dir)
    monkeypatch.setattr(handler.stream, "write", refuse)
    logging.getLogger("treadwell").error("this line cannot be written")  # must not raise
    monkeypatch.undo()
    assert load_settings(data_dir.settings_path).clinic_name == "Before"
    assert handout.read_bytes() == b"%PDF-1.4 the old handout"
    assert list(data_dir.backups_dir.iterdir()) == []
    assert integrity(data_dir.database_path) == "ok"
    leftovers = [p.name for p in data_dir.root.rglob(".*") if p.is_file()]
    assert leftovers == []
    logging.getLogger().removeHandler(handler)
    handler.close()
