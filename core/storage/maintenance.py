"""Database health and routine backups, for `main.py db ...`, the window's start and the self-test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlite_utils
from pydantic import BaseModel

from core.app_info import as_typed, command_for
from core.data_dir import DataDir
from core.storage.backup import (
    STAMP, BackupError, backup_database, backups_held, clinic_day, dated_in_the_future, list_backups, made_at,
    newest_good_backup, rotate_backups, utc_now,
)
from core.storage.change_mark import last_change_at
from core.storage.database import (
    RESTORE_WAYS, DatabaseError, DatabaseUnavailable, RecordsLost, another_programs, another_programs_said, check_file,
    read_only_uri,
)
from core.storage.schema import MIGRATIONS, SCHEMA_VERSION


class HealthReport(BaseModel):
    ok: bool
    lines: list[str]
    newest_good_backup: Path | None


def lost_records(data_dir: DataDir) -> str | None:
    """Why the records file must not be made anew: it is missing or empty while backups of it are kept, so records
    were there and are lost (a sync tool, a disk fault, a hand). Seen by a tester: an emptied file was taken for a
    first start, and the next patient saved was given the lost first patient's number. None where all is well."""
    path = data_dir.database_path
    if path.is_file() and path.stat().st_size > 0:
        return None
    backups = list_backups(data_dir.backups_dir)
    if not backups:
        return None  # a first start (or one that stopped before it saved anything)
    # seen by a tester: a folder of that name was called "empty"
    state = "a folder, not a file" if path.is_dir() else "empty" if path.exists() else "missing"
    said = (f"The records file {path.name} is {state}, but {len(backups)} backup{'s' if len(backups) != 1 else ''} "
            f"of it {'are' if len(backups) != 1 else 'is'} kept in {data_dir.backups_dir}: the records were lost, not "
            f"new. Nothing was written. Restore the newest good backup{RESTORE_WAYS}; to start new records instead, "
            "move the backups folder out of the data folder first.")
    # a restore stopped between its two moves (killed, a power cut) leaves the records in the file it set aside, newer
    # than any backup (seen in review: only the backups were named, and restoring one lost what was saved since)
    # only where it was set aside after the newest backup was taken, or in the same second (seen by a tester: the file
    # an earlier restore set aside, older than a backup made since, was offered as newer than any backup); a backup
    # dated in the future (a clock that ran ahead) never hides it
    aside = sorted(path.parent.glob(f"{path.stem}.set-aside-*{path.suffix}"), key=lambda found: found.name)
    dated = [backup.taken_at.replace(microsecond=0) for backup in backups if not dated_in_the_future(backup)]
    if aside and (_set_aside_at(aside[-1]) or dt.datetime.min) >= max(dated, default=dt.datetime.min):
        said += (f" A restore set {aside[-1].name} aside in the same folder: if the records were lost while a restore "
                 "was under way, that file holds them as they were, newer than any backup, and restoring it (db "
                 "restore with its path) brings them back.")
    return said


def _set_aside_at(path: Path) -> dt.datetime | None:
    """When a restore set ``path`` aside, from its name (naive UTC, as backups' names keep their time)."""
    try:
        return dt.datetime.strptime(path.stem.rsplit(".set-aside-", 1)[1][:15], STAMP)
    except (IndexError, ValueError):
        return None


def refuse_lost_records(data_dir: DataDir) -> None:
    """Raises RecordsLost (restore offered, as for damage) where ``lost_records`` says why."""
    if why := lost_records(data_dir):
        raise RecordsLost(why)


def check_health(data_dir: DataDir) -> HealthReport:
    """integrity_check with every stored text read, schema version and counts (read-only), plus the state of the
    backups. Not quick_check (an ordinary open's): seen in review, it passed a file whose index had lost rows, which
    every backup's check then refused, so no backup was made and nothing called the file damaged."""
    path = data_dir.database_path
    lines: list[str] = []
    ok, damaged = True, False
    if lost := lost_records(data_dir):
        ok, damaged = False, True
        lines.append(lost)
    elif not path.exists():
        lines.append(f"No database yet at {path}: it is created on first use.")
    else:
        try:
            verdict = check_file(path, "integrity_check", text=True)
        except DatabaseUnavailable as error:  # locked, or a disk error: not damage, so no restore is offered
            verdict, ok = None, False
            lines.append(str(error))
        if verdict is None:
            pass
        elif verdict != "ok":
            ok, damaged = False, True
            lines.append(f"Database {path.name} is damaged: {verdict}. It has not been changed.")
        else:
            db = _read_only(path)
            try:
                applied = [m.name for m in MIGRATIONS.applied(db)]
                known = [m.name for m in MIGRATIONS._migrations]
                unknown = [name for name in applied if name not in known]
                if another_programs(db, applied):
                    ok, damaged = False, True
                    lines.append(another_programs_said(path.name))
                elif unknown:
                    ok = False
                    lines.append(f"Database {path.name} comes from a newer Treadwell ({', '.join(unknown)}); "
                                 "it is left unchanged.")
                else:
                    tables = set(db.table_names())
                    patients = db.execute("select count(*) from patients").fetchone()[0] if "patients" in tables else 0
                    plans = db.execute("select count(*) from plans").fetchone()[0] if "plans" in tables else 0
                    lines.append(f"Database {path.name}: ok (integrity_check), schema {len(applied)} of "
                                 f"{SCHEMA_VERSION}, "
                                 f"{patients} patient{'s' if patients != 1 else ''}, "
                                 f"{plans} plan version{'s' if plans != 1 else ''}.")
            finally:
                db.close()
    backups = list_backups(data_dir.backups_dir)
    ahead = [info.path.name for info in backups if dated_in_the_future(info)]
    good = newest_good_backup(data_dir.backups_dir) if backups else None
    if backups:
        newest = next((info for info in backups if info.path.name not in ahead), backups[0])
        # when, on this computer's clock: the names hold the time in UTC (seen in review: a Sydney clinic's backup
        # of 08:00 named 21:00 the day before)
        lines.append(f"Backups: {len(backups)} in {data_dir.backups_dir}; newest {newest.path.name} (made "
                     f"{made_at(newest.path)}); newest that passes integrity_check: "
                     f"{f'{good.name} (made {made_at(good)})' if good else 'none'}.")
        if good is None:  # seen by a tester: every backup cut short, and db check said so in passing, exit 0
            ok = False
            lines.append("No backup passes its check, so there is no good copy of the records to restore. " +
                         ("Ask your IT contact for help." if damaged else
                          f"Make one now ({command_for(data_dir.root)} db backup), and ask your IT contact to look "
                          "at the disk."))
    else:
        lines.append(f"Backups: none yet in {data_dir.backups_dir}.")
    if ahead:
        lines.append(f"Dated in the future: {', '.join(ahead)}. The computer's clock was ahead when "
                     f"{'they were' if len(ahead) > 1 else 'it was'} made; kept, but not taken for the newest backup "
                     "while another one passes its check.")
    if damaged and good:
        # the data folder named, so the line can be run as printed whichever folder was checked
        lines.append(f"To restore it: {command_for(data_dir.root)} db restore {as_typed(good)}")
    return HealthReport(ok=ok, lines=lines, newest_good_backup=good)


def _read_only(path: Path) -> sqlite_utils.Database:
    import sqlite3

    return sqlite_utils.Database(sqlite3.connect(read_only_uri(path), uri=True), execute_plugins=False)


def backup_now(data_dir: DataDir, *, daily: int, weekly: int, rotate: bool = True) -> Path:
    """A verified backup, then the older ones rotated (``rotate`` False: none deleted, where how many to keep cannot be
    read from the settings: seen in review, a settings file's bad phone number stopped `db backup` and `db restore`,
    and a command's daily backup rotated with the defaults, which could delete backups a clinic meant to keep)."""
    refuse_lost_records(data_dir)  # seen in review: an emptied file's backup was "verified", then the newest good one
    if not data_dir.database_path.exists():
        raise DatabaseError("There is no database to back up yet.")
    with backups_held(data_dir.backups_dir):  # a rotation beside another's backup could delete it
        target = backup_database(data_dir.database_path, data_dir.backups_dir)
        if rotate:
            rotate_backups(data_dir.backups_dir, daily=daily, weekly=weekly)
    return target


def backup_if_changed(db: sqlite_utils.Database, data_dir: DataDir, *, daily: int, weekly: int) -> Path | None:
    """On start: back up when the records changed since the newest backup (or there is none yet)."""
    return backup_now(data_dir, daily=daily, weekly=weekly) if backup_due(db, data_dir) else None


def backup_due(db: sqlite_utils.Database, data_dir: DataDir, *, once_a_day: bool = False) -> bool:
    """Whether the records changed since the newest backup (or there is none yet). With ``once_a_day`` (a
    command that writes, which may run many times a day), only when the newest backup is from an earlier day."""
    changed = last_change_at(db)
    if changed is None:
        return False  # nothing saved yet
    changed_at = dt.datetime.fromisoformat(changed).astimezone(dt.timezone.utc).replace(tzinfo=None)
    # a change marked by a clock that was ahead says nothing of when it was made: backed up once a day (it made every
    # start back up, seen in review)
    ahead = changed_at > utc_now()
    backups = [info for info in list_backups(data_dir.backups_dir) if not dated_in_the_future(info)]
    if backups and not ahead and backups[0].taken_at >= changed_at:
        return False
    taken_on = clinic_day(backups[0]) if backups else None  # as rotation counts days
    return not ((once_a_day or ahead) and taken_on == dt.date.today())


def backup_of_the_day(data_dir: DataDir, *, daily: int, weekly: int, rotate: bool = True) -> Path | None:
    """For a window left open from one day into the next: the day's backup where the records changed since the newest
    backup and none was made today, as a command that writes makes one (seen by a helper: a window open all week
    made only the backup of the day it started). None where none was due. On a read-only connection of its own;
    ``rotate`` as backup_now. Raises RecordsLost, or BackupError where the records cannot be read."""
    import sqlite3

    refuse_lost_records(data_dir)  # found in review: an emptied file gave SQLite's own error, logged as a crash
    try:
        db = _read_only(data_dir.database_path)
        try:
            due = backup_due(db, data_dir, once_a_day=True)
        finally:
            db.close()
    except sqlite3.Error as error:
        raise BackupError(f"The records could not be read to back them up ({error}).") from error
    return backup_now(data_dir, daily=daily, weekly=weekly, rotate=rotate) if due else None
