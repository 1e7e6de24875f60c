"""`db backup` is made while a window holds the data folder: seen in review, a clinic's nightly `db backup` waited
15 s and failed ("Another Treadwell window or command is using ...") because a clinician left the window open. SQLite's
online backup API copies a consistent state of records another process writes to; backups are made one at a time
(backups_held), so one beside a window's own never deletes it in its rotation nor takes its half-written file for a
killed backup's."""

from __future__ import annotations

import pytest

from core.data_dir import DataDir
from core.storage import backup as backups
from core.storage.backup import BackupError, list_backups
from core.storage.lock import DataDirLock
from core.storage.maintenance import backup_now
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_a_backup_is_made_while_a_window_holds_the_folder(run_main, tmp_path) -> None:
    data = DataDir(tmp_path / "data").prepare()
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data.root).returncode == 0
    before = len(list_backups(data.backups_dir))
    window = DataDirLock(data.lock_path)  # as a window holds it, from start to close
    assert window.acquire()
    try:
        made = run_main("db", "backup", data_dir=data.root)
    finally:
        window.release()
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Backed up and verified: {data.backups_dir}") and "Waiting" not in made.stderr
    assert len(list_backups(data.backups_dir)) == before + 1


def test_a_backup_waits_for_another_and_says_so_when_it_does_not_finish(tmp_path, monkeypatch) -> None:
    from core.storage.database import open_database
    from core.storage.sqlite_records import SqliteRecords
    from tests.storage.helpers import example

    data = DataDir(tmp_path / "data").prepare()
    db = open_database(data.database_path)
    SqliteRecords(db).save_plan(*example(), clinician="Dr A")
    db.close()
    other = DataDirLock(data.backups_dir.with_name("backups.lock"))  # another process's backup under way
    assert other.acquire()
    monkeypatch.setattr(backups, "BACKUPS_WAIT_S", 0.3)
    try:
        with pytest.raises(BackupError, match="Another Treadwell window or command was still making a backup in "):
            backup_now(data, daily=7, weekly=4)
    finally:
        other.release()
    assert not list_backups(data.backups_dir)
    assert backup_now(data, daily=7, weekly=4).parent == data.backups_dir  # its turn come


def test_a_restore_waits_for_a_backup_under_way(tmp_path, monkeypatch) -> None:
    """A restore holds the backups' lock too (found in review): a `db backup` beside a window's restore could copy the
    file it sets aside, dated before the restore, and a later restore of the newest backup undo it."""
    from core.storage.database import open_database
    from core.storage.sqlite_records import SqliteRecords
    from core.workspace.maintenance import restore
    from tests.storage.helpers import example

    data = DataDir(tmp_path / "data").prepare()
    db = open_database(data.database_path)
    SqliteRecords(db).save_plan(*example(), clinician="Dr A")
    db.close()
    made = backup_now(data, daily=7, weekly=4)
    other = DataDirLock(data.backups_dir.with_name("backups.lock"))  # a `db backup` under way
    assert other.acquire()
    monkeypatch.setattr(backups, "BACKUPS_WAIT_S", 0.3)
    try:
        with pytest.raises(BackupError, match="still making a backup in .* so nothing was restored"):
            restore(data, made)
    finally:
        other.release()
    assert not list(data.root.glob("treadwell.set-aside-*"))  # nothing was moved
    assert restore(data, made) is not None  # its turn come
