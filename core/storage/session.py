"""Open the data directory's database for a piece of work: with the writer's lock, or read-only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

from core.data_dir import DataDir
from core.storage.library_sync import sync_library
from core.storage.database import open_database
from core.storage.lock import DataDirLock, LockFileError, Waiting

WAIT_FOR_OTHER_WRITER_S = 15.0


class DataDirBusy(Exception):
    """Another Treadwell process is writing to this data folder."""


@contextmanager
def open_data(data_dir: DataDir, *, write: bool = True, wait_s: float | None = None,
              waiting: Waiting | None = None) -> Iterator[sqlite_utils.Database]:
    """The database, migrated and with the shipped evidence installed, while holding the folder's lock.
    A reader of records that are already current (migrated, library installed: the usual case) reads
    without the lock; one that finds work to do takes the lock to do it, and one that cannot get the lock
    gets a read-only connection instead; a writer is refused. ``waiting``: told when a writer waits for the lock."""
    if not write:
        current = _current_records(data_dir)
        if current is not None:
            try:
                yield current
            finally:
                current.close()
            return
    lock = DataDirLock(data_dir.lock_path)
    try:
        locked = lock.acquire((WAIT_FOR_OTHER_WRITER_S if wait_s is None else wait_s) if write else 0.0,
                              waiting=waiting)
    except LockFileError as error:
        if write or not data_dir.database_path.exists():
            raise DataDirBusy(str(error)) from error
        locked = False  # nothing is written here anyway: read without the lock
    if locked:
        from core.storage.maintenance import refuse_lost_records  # here: a reader of current records never needs it

        try:
            refuse_lost_records(data_dir)
            db = open_database(data_dir.database_path, backups_dir=data_dir.backups_dir)
            try:
                sync_library(db)
                yield db
            finally:
                db.close()
        finally:
            lock.release()
        return
    if write or not data_dir.database_path.exists():
        raise DataDirBusy(
            f"Another Treadwell window or command is using the data folder {data_dir.root}. "
            "Close it, or wait for it to finish, and try again."
        )
    db = open_database(data_dir.database_path, read_only=True)
    try:
        yield db
    finally:
        db.close()


def _current_records(data_dir: DataDir) -> sqlite_utils.Database | None:
    """A read-only connection when there is nothing to migrate or install (WAL lets it read beside a
    writer); None when there is, or when there is no database yet (or an empty file: lost records, said by the
    locked path)."""
    if not data_dir.database_path.is_file() or data_dir.database_path.stat().st_size == 0:
        return None
    from core.evidence.library import library_content_hash
    from core.storage import evidence_store
    from core.storage.schema import MIGRATIONS

    db = open_database(data_dir.database_path, read_only=True)
    try:
        if not MIGRATIONS.pending(db) and \
                evidence_store.installed_library(db).get("content_hash") == library_content_hash():
            return db
    except BaseException:
        db.close()
        raise
    db.close()
    return None
