"""Looking after the data folder: its health, backups and restores, and the one-writer lock."""

from __future__ import annotations

import logging
from pathlib import Path

from core.data_dir import DataDir
from core.settings import Settings
from core.storage.backup import (
    BackupError, NotABackup, backups_held, integrity, made_at, newest_good_backup, not_a_database_file,
    not_a_treadwell_backup, restore_backup,
)
from core.storage.lock import DataDirLock, LockFileError, Waiting
from core.storage.maintenance import HealthReport, backup_now, backup_of_the_day, check_health
from core.storage.session import WAIT_FOR_OTHER_WRITER_S, DataDirBusy

log = logging.getLogger(__name__)

__all__ = ["BackupError", "DataDirLock", "HealthReport", "LockFileError", "NotABackup", "ON_CLINIC_SERVER", "backup",
           "backup_now", "backup_of_the_day", "check_health", "put_back_refused", "restore", "restore_newest",
           "restored_words"]


# Said wherever a backup is made or counted on while the records are on the clinic server (seen in review: the
# window's "Backed up and verified" there named this workstation's own file, as if the records were in it).
ON_CLINIC_SERVER = ("The patient records are on the clinic server, and its administrator backs them up there "
                    "(docs/clinic-server.md). This is this workstation's own database: its evidence library and any "
                    "records kept here.")


def _writer_lock(data_dir: DataDir, waiting: Waiting | None) -> DataDirLock:
    lock = DataDirLock(data_dir.lock_path)
    try:
        held = lock.acquire(WAIT_FOR_OTHER_WRITER_S, waiting=waiting)
    except LockFileError as error:
        raise DataDirBusy(str(error)) from error
    if not held:
        raise DataDirBusy(f"Another Treadwell window or command is using {data_dir.root}. Close it and try again.")
    return lock


def backup(data_dir: DataDir, settings: Settings | None) -> Path:
    """Back up now (verified, then rotated), beside a window or command that holds the data folder, if one does: only
    one backup is made at a time (backups_held), and SQLite's backup API copies a consistent state of the records
    while they are written (seen in review: a clinic's nightly `db backup` failed while a window was left open).
    ``settings`` None: they could not be read, so no older backup is deleted."""
    kept = settings or Settings()
    return backup_now(data_dir, daily=kept.backup_daily_keep, weekly=kept.backup_weekly_keep,
                      rotate=settings is not None)


def find_backup(data_dir: DataDir, name: str) -> Path | None:
    """A backup by path, or by its name in the data folder's backups, or a database a restore set aside by its name
    (seen by a clinic's tester: the name a restore gave was refused as "No backup named ...")."""
    for candidate in (Path(name), data_dir.backups_dir / name, data_dir.database_path.parent / name):
        try:
            if candidate.is_file():
                return candidate
        except OSError:  # a name the system cannot use (too long): no such backup (seen by a tester: a traceback)
            continue
    return None


def restore(data_dir: DataDir, backup_path: Path, *, locked: bool = True,
            waiting: Waiting | None = None) -> Path | None:
    """Put a verified backup in place; the current file is moved aside unchanged (returned). ``locked``:
    take the writer's lock (the window that holds it already passes False; ``waiting``: told when it is taken)."""
    def put_in_place() -> Path | None:  # the writer's lock first, then the backups' (backups_held): never the other way
        with backups_held(data_dir.backups_dir, undone="nothing was restored"):
            return restore_backup(backup_path, data_dir.database_path)

    if not locked:
        aside = put_in_place()
    else:
        with _writer_lock(data_dir, waiting):
            aside = put_in_place()
    # for the clinic's IT, by the window or a command (seen by a tester: a command's restore was not in the log)
    log.info("records database restored: %s", restored_words(backup_path, aside))  # file names and times only
    return aside


def restore_newest(data_dir: DataDir) -> str:
    """The window's restore after damage (it holds the lock): the newest backup that passes its check."""
    found = newest_good_backup(data_dir.backups_dir)
    if found is None:
        raise BackupError(f"No backup in {data_dir.backups_dir} passes its check. The damaged file is untouched; "
                          "ask your IT contact for help.")
    aside = restore(data_dir, found, locked=False)
    return restored_words(found, aside, "the damaged file")


def put_back_refused(aside: Path) -> str | None:
    """Why the file a restore set aside would be refused by a restore in its turn (another program's database, a
    damaged file), or None: the way back is offered only where it works (seen by a helper: "To put it back: ... db
    restore treadwell.set-aside-...", then refused as another program's database)."""
    if problem := not_a_database_file(aside):
        return problem
    if (verdict := integrity(aside)) != "ok":
        return f"it failed its check ({verdict})"
    return not_a_treadwell_backup(aside)


def restored_words(backup: Path, aside: Path | None, what: str = "the previous database") -> str:
    """What a restore did, and where the work saved after the backup went (seen in review: "Restored ..." said
    nothing of a session entered after the backup, which was in the file set aside and nowhere said to be)."""
    said = f"Restored {backup.name}, made {made_at(backup)}."
    if aside is None:
        return said
    return (f"{said} Anything saved after that is not in the restored records: {what} was kept unchanged as "
            f"{aside.name}, beside it.")
