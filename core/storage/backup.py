"""Backups with SQLite's online backup API: verified after writing, rotated daily and weekly,
and restored without ever writing into a damaged file (it is moved aside, untouched)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils
from pydantic import BaseModel

from core.storage.database import TABLE_LIST_DAMAGED, DatabaseUnavailable, check_file, read_only_uri
from core.storage.schema import MIGRATIONS, known_migrations

BACKUP_PREFIX = "treadwell-"
BACKUP_SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
# how long a backup waits for another's to finish (a product default: a 1.7 GB file's backup takes a few seconds)
BACKUPS_WAIT_S = 60.0


class BackupError(Exception):
    """A backup could not be written, verified or restored; the message is for the clinician."""


class NotABackup(BackupError):
    """The file given to restore is not a backup of Treadwell's records (nothing was changed)."""


class BackupInfo(BaseModel):
    path: Path
    taken_at: dt.datetime


def backup_name(taken_at: dt.datetime) -> str:
    return f"{BACKUP_PREFIX}{taken_at.strftime(STAMP)}-{taken_at.microsecond:06d}{BACKUP_SUFFIX}"


def unused_name(path: Path) -> Path:
    """``path``, or ``stem-2.suffix``, ``stem-3.suffix``... : the first name no file (nor its -wal/-shm) has.
    Backups and set-aside databases are named once and never overwritten; callers hold the backups' lock
    (backups_held), so no other process takes the name in between."""
    candidate, number = path, 1
    while any(candidate.with_name(candidate.name + extra).exists() for extra in ("", "-wal", "-shm")):
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def taken_at(path: Path) -> dt.datetime | None:
    """When a backup was taken (naive UTC), from its name: a copy's file time is when it was copied. None: not a name
    Treadwell gave."""
    if not (path.name.startswith(BACKUP_PREFIX) and path.name.endswith(BACKUP_SUFFIX)):
        return None
    stamp = path.name[len(BACKUP_PREFIX):-len(BACKUP_SUFFIX)]
    try:
        return dt.datetime.strptime(stamp[:15], STAMP).replace(microsecond=int(stamp[16:22] or 0))
    except ValueError:
        return None


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Backups, newest first (by the time in their names); none when the folder is missing or not a folder."""
    if not backups_dir.is_dir():
        return []
    found = [BackupInfo(path=path, taken_at=taken) for path in backups_dir.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}")
             if (taken := taken_at(path)) is not None]  # else not one of ours
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


CLOCK_SLACK = dt.timedelta(minutes=5)


def dated_in_the_future(info: BackupInfo, now: dt.datetime | None = None) -> bool:
    """Named by a clock that was ahead (wrong then, or set back since): its name says nothing of its age, so it
    never counts as the newest backup."""
    return info.taken_at > (now or utc_now()) + CLOCK_SLACK


def integrity(path: Path) -> str:
    """PRAGMA integrity_check and every stored text read, through a read-only connection: 'ok' or the first problems
    (a backup that cannot be read now is not good either)."""
    try:
        return check_file(path, "integrity_check", text=True)
    except DatabaseUnavailable as error:
        return f"it cannot be read now: {error.reason}"


def _copy(source_path: Path, target: Path) -> None:
    """SQLite's online backup API into ``target``, left as one self-contained file (no -wal/-shm)."""
    source = sqlite3.connect(read_only_uri(source_path), uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    finally:
        source.close()
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())  # on disk before it is given its final name


CHECK_NAMES_THE_BACKUP = "the db check command checks the records and names the backup to restore."


def utc_now() -> dt.datetime:
    """Naive UTC: backup names and the records' last-change mark use the same clock."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@contextlib.contextmanager
def backups_held(backups_dir: Path, *, undone: str = "no backup was made") -> Iterator[None]:
    """One backup (and its rotation) at a time in ``backups_dir``, whichever process makes it: a window or command
    holding the data folder, or a `db backup` beside a window that holds it (seen in review: a clinic's nightly `db
    backup` failed while a window was left open). SQLite's online backup API copies a consistent state of the records
    while another process writes to them, so a backup needs no more than this; a restore holds it too, so no backup
    copies the file it sets aside, or finds none between its two renames. ``undone``: what was not done on a timeout."""
    from core.storage.lock import DataDirLock

    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        lock = DataDirLock(backups_dir.with_name(f"{backups_dir.name}.lock"))  # beside: the folder holds backups only
        held = lock.acquire(BACKUPS_WAIT_S)
    except OSError as error:  # LockFileError too: the folder cannot be written
        raise BackupError(f"The backup could not be written to {backups_dir}: "
                          f"{str(getattr(error, 'strerror', None) or error).rstrip('.')}.") from error  # not ".."
    if not held:
        raise BackupError(f"Another Treadwell window or command was still making a backup in {backups_dir} after "
                          f"{BACKUPS_WAIT_S:g} s, so {undone}. Try again in a few minutes.")
    try:
        yield
    finally:
        lock.release()


def backup_database(database: Path, backups_dir: Path, *, now: dt.datetime | None = None) -> Path:
    """Copy with the online backup API into a temporary file, verify it, then give it its name; under
    backups_held(``backups_dir``)."""
    now = now or utc_now()
    target = unused_name(backups_dir / backup_name(now))
    temp = backups_dir / f".{target.name}.partial"
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        for stale in backups_dir.glob(f".{BACKUP_PREFIX}*.partial*"):  # left by a backup that was killed;
            stale.unlink(missing_ok=True)  # safe: backups run one at a time (backups_held)
        try:
            _copy(database, temp)
        except UnicodeDecodeError:  # the copy's first statement reads the table list, damaged in the database too
            raise BackupError(f"The backup failed its check ({TABLE_LIST_DAMAGED}) and was not kept.") from None
        except sqlite3.DatabaseError as error:  # the records themselves (seen by a helper: blamed on the backups folder)
            if getattr(error, "sqlite_errorname", "") not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                raise
            raise BackupError(f"No backup was made: the records in {database.name} could not be read ({error}). "
                              f"They are probably damaged: {CHECK_NAMES_THE_BACKUP}") from None
        verdict = integrity(temp)
        if verdict != "ok":  # a copy made by SQLite's backup API is as sound as the file it was made from
            raise BackupError(f"The backup failed its check ({verdict}) and was not kept. The database it was copied "
                              f"from is probably damaged too: {CHECK_NAMES_THE_BACKUP}")
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as error:  # only an OSError has a strerror
        reason = getattr(error, "strerror", None) or error
        raise BackupError(f"The backup could not be written to {backups_dir}: {reason}.") from error
    finally:
        with contextlib.suppress(OSError):  # nothing to remove where the folder itself is unusable
            temp.unlink(missing_ok=True)
    return target


def made_at(path: Path) -> str:
    """When a backup was made, on this workstation's clock to the minute: the time in its name (a copied backup's
    file time is when it was copied: seen in review, "made 05:31" of a backup made at 05:10), else its file time."""
    taken = taken_at(path)
    if taken is None:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    here = _on_this_clock(taken)
    return taken.strftime("%Y-%m-%d %H:%M UTC") if here is None else here.strftime("%Y-%m-%d %H:%M")


def clinic_day(info: BackupInfo) -> dt.date:
    """The day a backup was made on this workstation's calendar (its name holds the moment in UTC), as the daily
    backup counts days (seen in review: kept by UTC days, a Sydney clinic's evening backup and the next morning's were
    one day, and the evening's was deleted)."""
    here = _on_this_clock(info.taken_at)
    return info.taken_at.date() if here is None else here.date()


def _on_this_clock(taken: dt.datetime) -> dt.datetime | None:
    """A backup's moment (named in UTC) on this workstation's clock; None for a name dated at the calendar's ends
    (year 1 or 9999), which has no local time: said as named."""
    try:
        return taken.replace(tzinfo=dt.timezone.utc).astimezone()
    except OverflowError:
        return None


def rotate_backups(backups_dir: Path, *, daily: int, weekly: int) -> list[Path]:
    """Keep every backup of the newest day (a backup made by hand never takes the place of one made earlier
    that day), the newest of each of the other last ``daily`` days that have one, and the newest of each of
    the ``weekly`` ISO weeks before those, days as this workstation's calendar counts them (clinic_day); delete
    the rest (never one dated in the future). Returns what was deleted."""
    keep: set[Path] = set()
    kept_days: set[dt.date] = set()
    kept_weeks: set[tuple[int, int]] = set()
    now = utc_now()
    # one dated in the future is kept aside, neither counted nor deleted: taken as the newest day, it made the backup
    # just written the one to delete (seen in review)
    listed = list_backups(backups_dir)
    keep.update(info.path for info in listed if dated_in_the_future(info, now))
    backups = [info for info in listed if not dated_in_the_future(info, now)]
    newest_day = clinic_day(backups[0]) if backups else None
    for info in backups:  # newest first, so the first of each day or week is its newest
        day = clinic_day(info)
        week = tuple(day.isocalendar())[:2]
        if day == newest_day:
            keep.add(info.path)
        if day in kept_days:
            continue
        if len(kept_days) < daily:
            kept_days.add(day)
            kept_weeks.add(week)  # a week with a daily backup needs no weekly one
            keep.add(info.path)
        elif week not in kept_weeks and len(kept_weeks - {tuple(d.isocalendar())[:2] for d in kept_days}) < weekly:
            kept_weeks.add(week)
            keep.add(info.path)
    deleted = []
    for info in list_backups(backups_dir):
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            deleted.append(info.path)
    return deleted


def newest_good_backup(backups_dir: Path) -> Path | None:
    """The newest backup that passes integrity_check and can replace the records (restore_backup's checks); one
    dated in the future only when no other passes."""
    for info in sorted(list_backups(backups_dir), key=dated_in_the_future):  # a stable sort: newest first in each
        if integrity(info.path) == "ok" and not not_a_treadwell_backup(info.path):
            return info.path
    return None


SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
CORE_TABLES = ("meta", "patients", "plans", "audit")  # in every released schema: an older backup restores too


def not_a_database_file(path: Path) -> str | None:
    """Why ``path`` is no database at all (empty, another kind of file, unreadable), or None."""
    try:
        with path.open("rb") as handle:
            start = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    if not start:
        return "the file is empty"
    if start != SQLITE_HEADER:
        return "it is not a database file (a backup is a .sqlite3 file from the backups folder)"
    return None


def not_a_treadwell_backup(path: Path) -> str | None:
    """Why a database file that passed its integrity check cannot replace the records (another program's
    database, a backup made by a newer Treadwell), or None when it can."""
    try:
        db = sqlite_utils.Database(sqlite3.connect(read_only_uri(path), uri=True), execute_plugins=False)
    except sqlite3.Error as error:
        return f"it cannot be opened as a database ({error})"
    try:
        tables = set(db.table_names())
        missing = [name for name in CORE_TABLES if name not in tables]
        if missing:
            return "it is another program's database, not Treadwell's records"
        unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known_migrations()]
        if unknown:
            return f"it was made by a newer Treadwell (schema changes {', '.join(unknown)})"
    except sqlite3.Error as error:
        return f"it cannot be read as a database ({error})"
    finally:
        db.close()
    return None


def restore_backup(backup: Path, database: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Put a verified backup in place of the database. The current file (damaged or not) is moved
    aside unchanged, with its WAL files; returns where it went, or None if there was none."""
    if database.exists() and os.path.samefile(backup, database):
        raise NotABackup(f"{backup.name} is the database in use, not a backup. Nothing was changed; choose one of "
                         "the backups the db check command lists.")
    def refused(problem: str) -> str:
        return f"{backup.name} was not restored: {problem}. Nothing was changed; choose one of the backups the " \
               "db check command lists."
    if problem := not_a_database_file(backup):
        raise NotABackup(refused(problem))
    if (verdict := integrity(backup)) != "ok":  # a damaged backup is not bad input
        raise BackupError(refused(f"it failed its check ({verdict})"))
    if problem := not_a_treadwell_backup(backup):
        raise NotABackup(refused(problem))
    now = now or utc_now()
    aside = None
    temp = database.with_name(f".{database.name}.restoring")
    try:
        temp.unlink(missing_ok=True)  # a restore that was killed half-way leaves this behind
        _copy(backup, temp)
        _keep_ids_unused(temp, [database, *(info.path for info in list_backups(backup.parent))])
        if database.exists():
            aside = unused_name(database.with_name(f"{database.stem}.set-aside-{now.strftime(STAMP)}{database.suffix}"))
            os.replace(database, aside)
            for extra in ("-wal", "-shm"):
                companion = database.with_name(database.name + extra)
                if companion.exists():
                    os.replace(companion, aside.with_name(aside.name + extra))
        os.replace(temp, database)
    except BaseException as error:
        if aside is not None and not database.exists():  # stopped between the moves (Ctrl+C, seen in review: no
            for extra in ("", "-wal", "-shm"):  # database was left in place): the one in use goes back
                if (moved := aside.with_name(aside.name + extra)).exists():
                    os.replace(moved, database.with_name(database.name + extra))
            aside = None
        if isinstance(error, OSError):  # seen by a tester: "[Errno 1] Operation not permitted: '/…' -> '/…'"
            named = f" ({Path(error.filename).name})" if error.filename else ""
            raise BackupError(f"The backup could not be restored: {error.strerror or error}{named}. The database in "
                              "use was left in place; check that its folder and file can be written.") from error
        if isinstance(error, sqlite3.Error):
            raise BackupError(f"The backup could not be restored: {error}.") from error
        raise
    finally:
        temp.unlink(missing_ok=True)
    return aside


def _keep_ids_unused(restored: Path, others: list[Path]) -> None:
    """The restored copy never gives a patient, plan or walk an id the records it replaces, or another backup, gave
    (seen by a tester: a backup of three days before restored, the next new patient was "patient 2", another
    person's id in the records set aside, in newer backups and on handouts already printed). Files that cannot be
    read are passed over."""
    given = dict.fromkeys(_ID_TABLES, 0)
    for path in others:
        with contextlib.suppress(sqlite3.Error, OSError, ValueError):
            if path.is_file():
                with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
                    given = {table: max(given[table], last) for table, last in _ids_given(connection).items()}
    with contextlib.closing(sqlite3.connect(restored)) as connection:
        raised = {table: last for table, last in given.items() if last > _ids_given(connection)[table]}
        with connection:
            for table, last in raised.items():
                connection.execute("insert into meta (key, value) values (?, ?) on conflict (key) do update set "
                                   "value = excluded.value", [f"last_id.{table}", str(last)])


_ID_TABLES = ("patients", "plans", "sessions")


def _ids_given(connection: sqlite3.Connection) -> dict[str, int]:
    """The highest id each record table ever gave in a file; 0 for a table its schema does not have yet."""
    from core.storage.records import last_id_given

    given = {}
    for table in _ID_TABLES:
        try:
            given[table] = last_id_given(sqlite_utils.Database(connection), table)
        except sqlite3.OperationalError:  # "no such table": the first released schema had no walks
            given[table] = 0
    return given
