"""Open the clinic database safely: check it before writing, refuse a newer schema, then migrate."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from core.storage.schema import MIGRATIONS, known_migrations

BUSY_TIMEOUT_MS = 10_000
Database = sqlite_utils.Database  # what the layers above hold and pass back to storage, never query
StorageFailure = sqlite3.Error  # any error the SQLite engine raises (plain_storage_error words it)
ENGINE_VERSION = sqlite3.sqlite_version


class DatabaseError(Exception):
    """The database cannot be used; the message is for the clinician."""


class DatabaseDamaged(DatabaseError):
    """quick_check failed or the file is not a database. Nothing has been written to it."""


class NotTreadwellRecords(DatabaseDamaged):
    """Another program's database where the records file should be (another_programs): a restore is offered as for
    damage, and nothing is written to it."""


# how a restore is made, in the words of damage: the window's own dialog leaves it out (seen by a helper: the dialog
# said to restore "with the dialog in the app", and it was that dialog)
RESTORE_WAYS = " (the db restore command, or the dialog in the app)"


class RecordsLost(DatabaseDamaged):
    """The records file is missing or empty while backups of it are kept (core/storage/maintenance.py lost_records):
    a restore is offered as for damage, and nothing makes the file anew."""


class DatabaseUnavailable(DatabaseError):
    """SQLite could not read the file just now for a reason that is not damage: another program holds it locked,
    or the disk reported an error. Nothing suggests a restore, which would drop the newest records."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # what SQLite said


class DatabaseTooNew(DatabaseError):
    """Written by a newer Treadwell; it is left exactly as it is."""


class DataFolderReadOnly(DatabaseError):
    """The database's folder or file cannot be written: a read-only drive, or no permission."""


def writable(path: Path) -> bool:
    """Can SQLite write ``path`` and create its -wal and -shm files beside it?"""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """A read-only connection's URI. In a folder this user cannot write to (a read-only drive), SQLite cannot
    make the -shm file a WAL reader needs; when no WAL holds pending changes either, the file is read as
    immutable. (Data folders are private to their user, so no one else writes there.)"""
    wal = path.with_name(path.name + "-wal")
    settled = not wal.exists() or wal.stat().st_size == 0  # no writer has changes pending in a WAL
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if not writable(path) and settled else "")


DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}  # the primary codes that mean the file itself is bad
LOCKED_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
CHECK_WAIT_S = 5.0  # how long a check waits for another program's lock to go
TABLE_LIST_DAMAGED = "its table list holds bytes that are not text"
CHECK_LISTS_AT_MOST = 100  # problems, SQLite's default for quick_check and integrity_check


def check_file(path: Path, pragma: str = "quick_check", *, text: bool = False) -> str:
    """quick_check (or integrity_check) through a read-only connection: 'ok' or what SQLite says is
    wrong. Never writes to the file. Raises DatabaseUnavailable when it cannot be read now (locked by another
    program, a disk error): that says nothing about damage. ``text``: every stored text read as well (a full
    read, for ``db check`` and the backups): SQLite keeps any bytes it is given, and neither check looks at them."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_WAIT_S)
        try:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
            if text and [row[0] for row in rows] == ["ok"]:
                rows = [(unreadable_text(connection) or "ok",)]
        finally:
            connection.close()
    except UnicodeDecodeError:  # SQLite's own message quotes the damaged bytes (seen: one byte of a trigger's name)
        return TABLE_LIST_DAMAGED
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", None)
        if code is None or code & 0xFF in DAMAGE_CODES:  # extended codes keep the primary one in the low byte
            return str(error)
        if code & 0xFF in LOCKED_CODES:
            raise DatabaseUnavailable(
                f"The database {path.name} is locked by another program (a database viewer, a backup or sync tool?). "
                "It has not been changed, and this is not damage: close that program and try again.",
                str(error)) from error
        raise DatabaseUnavailable(
            f"The database {path.name} could not be read just now ({error}). It has not been changed. Check the "
            "drive (is it full, or disconnected?) and try again.",
            str(error)) from error
    problems = [line for row in rows for line in str(row[0]).splitlines()
                if line.strip() and not line.startswith("*** in database")]  # SQLite's heading of the list
    if len(problems) > 1:  # seen by a tester: db check printed 97 lines of "On tree page 44 cell 0: ..."
        count = f"{len(problems)}{' or more' if len(problems) >= CHECK_LISTS_AT_MOST else ''}"
        return f"{problems[0]}, the first of {count} problems SQLite's check found"
    return problems[0] if problems else f"empty answer from {pragma}"


def unreadable_text(connection: sqlite3.Connection) -> str | None:
    """Where a stored text is not UTF-8, as the first table, column and row: never the text, a patient's record. Seen
    when a tester damaged one byte of a name: quick_check said ok, a backup was verified, and the commands that read
    the patient quoted the record in their error. Every value stored as text, in every ordinary table, whatever its
    column's declared type; full-text indexes and their tables hold their own data, and are left out."""
    schema = connection.execute("select name, coalesce(sql, '') from sqlite_master where type = 'table'").fetchall()
    virtual = {name for name, sql in schema if sql.upper().startswith("CREATE VIRTUAL TABLE")}
    shadows = {f"{name}_{part}" for name in virtual
               for part in ("data", "idx", "content", "docsize", "config", "segments", "segdir", "stat")}
    tables = [(name, "WITHOUT ROWID" not in sql.upper(), [row[1] for row in connection.execute(
        f'pragma table_info("{name}")')]) for name, sql in schema
        if not name.startswith("sqlite_") and name not in virtual and name not in shadows]
    factory, connection.text_factory = connection.text_factory, bytes  # each value as stored, decoded here
    try:
        for table, has_rowid, columns in tables:
            listed = ", ".join(f'typeof("{column}"), "{column}"' for column in columns)
            for row in connection.execute(f'select {"rowid" if has_rowid else "null"}, {listed} from "{table}"'):
                for column, kind, value in zip(columns, row[1::2], row[2::2]):
                    if kind == b"text" and not _is_utf8(value):
                        where = f" of row {row[0]}" if has_rowid else ""
                        return f"the text in {table}.{column}{where} is not readable text"
    finally:
        connection.text_factory = factory
    return _broken_record(connection, tables)


def _broken_record(connection: sqlite3.Connection, tables: list[tuple[str, bool, list[str]]]) -> str | None:
    """Where a record kept as JSON text ("json" or "..._json" columns: a plan, a profile, an audit entry's values)
    is not whole JSON: seen when a tester zeroed a disk sector inside a plan (zero bytes are UTF-8), that db check
    and the backups' check passed while the plan could not be read; the good backups went in rotation. SQLite's
    json_valid, which refuses a zero byte in JSON. Not a zero byte in any text: an older Treadwell kept control
    characters in a name or a note, and every backup would have been refused."""
    for table, has_rowid, columns in tables:
        for column in (column for column in columns if column == "json" or column.endswith("_json")):
            row = connection.execute(f'select {"rowid" if has_rowid else "null"} from "{table}" where "{column}" is '
                                     f'not null and not json_valid("{column}") limit 1').fetchone()
            if row is not None:
                where = f" of row {row[0]}" if has_rowid else ""
                return f"the record in {table}.{column}{where} is not whole"
    return None


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def open_database(path: Path, *, read_only: bool = False, backups_dir: Path | None = None) -> sqlite_utils.Database:
    """WAL, synchronous=FULL, foreign keys on; the schema migrated unless ``read_only``. With ``backups_dir`` (the
    data folder's backups), records of an earlier schema are backed up there before they are upgraded."""
    if path.exists() and path.stat().st_size > 0:
        verdict = check_file(path)
        if verdict != "ok":
            raise DatabaseDamaged(
                f"The database {path.name} is damaged ({verdict}). It has not been changed. "
                f"Restore the newest good backup{RESTORE_WAYS}."
            )
    elif read_only:
        raise DatabaseError(f"There is no database at {path} yet.")
    if not read_only and not writable(path):
        if os.access(path.parent, os.W_OK):  # seen by a tester: a read-only file was said to be a read-only folder
            raise DataFolderReadOnly(
                f"The database file {path} cannot be written (it is marked read-only, or belongs to another user), so "
                "Treadwell cannot save there. Nothing was changed. Check the file's permissions.")
        raise DataFolderReadOnly(
            f"The data folder {path.parent} cannot be written (a read-only drive, or no permission), so Treadwell "
            "cannot save there. Nothing was changed. Check the folder's permissions, or choose another data folder.")
    try:
        if read_only:
            connection = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        else:
            connection = sqlite3.connect(path, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"The database {path.name} cannot be opened: {error}.") from error
    db = sqlite_utils.Database(connection, execute_plugins=False)
    try:
        applied = [migration.name for migration in MIGRATIONS.applied(db)]  # read once, for the checks
        if another_programs(db, applied):  # before WAL mode is written to its header
            raise NotTreadwellRecords(another_programs_said(path.name))
        _refuse_newer_schema(applied, path)
        if not read_only:
            _write_ahead(connection, path)
            if backups_dir is not None:
                _back_up_before_upgrade(applied, path, backups_dir)
            MIGRATIONS.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def _write_ahead(connection: sqlite3.Connection, path: Path) -> None:
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        # Copy each committed transaction into the main file at once (a checkpoint after every commit):
        # if a sync tool or a careless hand deletes the -wal file, what was confirmed is still there.
        connection.execute("PRAGMA wal_autocheckpoint = 1")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"The database {path.name} cannot be opened: {error}.") from error


def another_programs(db: sqlite_utils.Database, applied: list[str]) -> bool:
    """Whether the file holds tables while none of Treadwell's migrations was applied to it (``applied``): another
    program's, as every table of Treadwell's records is made by a migration, each in a transaction with its record
    (seen by a tester: a browser's database copied over the records was taken for new records, and Treadwell's tables
    written into it beside its own, with no backup made; in review: Chromium's have a "meta" table, as Treadwell's)."""
    if applied:
        return False
    return any(not name.startswith("sqlite_") and name != "_sqlite_migrations" for name in db.table_names())


def another_programs_said(name: str) -> str:
    return (f"The records file {name} is another program's database, not Treadwell's records. It has not been "
            f"changed. If it took the place of Treadwell's records, restore the newest good backup{RESTORE_WAYS}; to "
            "start new records, move it out of the data folder.")


def data_version(db: sqlite_utils.Database) -> int:
    """SQLite's count of commits by other connections to this file: a number that changes when another window (or
    process) has saved something since it was last read on this connection."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def journal_mode(path: Path, backups_dir: Path) -> str:
    """Open (check, migrate, records of an earlier schema backed up first) the database and say which journal it
    keeps: 'wal' is expected (seen in review: --self-test on a clinic's data folder upgraded it with no backup)."""
    db = open_database(path, backups_dir=backups_dir)
    try:
        return db.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        db.close()


def _back_up_before_upgrade(applied: list[str], path: Path, backups_dir: Path) -> None:
    """Seen in review: records of the first released schema were upgraded to the newest with no backup of them as
    they were, which the earlier version could still open; and on a nearly full disk, upgraded before the save that
    ran out of room. An upgrade now waits for a verified backup, and is refused, changing nothing, without one."""
    if not applied or set(known_migrations()) <= set(applied):  # a new database, or records already of this schema
        return
    from core.storage.backup import BackupError, backup_database, backups_held  # here: backup.py imports this module

    try:
        with backups_held(backups_dir):
            target = backup_database(path, backups_dir)
    except BackupError as error:
        raise DatabaseError(
            f"The records in {path.name} are from an earlier version of Treadwell. This version upgrades them, after "
            f"backing them up as they are, and the backup was not made. {error} The records have not been changed. "
            "Free some space on the disk, or make the backups folder writable, and open Treadwell again.") from error
    logging.getLogger(__name__).info("records of schema %d backed up to %s before their upgrade to schema %d",
                                     len(applied), target.name, len(known_migrations()))


def _refuse_newer_schema(applied: list[str], path: Path) -> None:
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        raise DatabaseTooNew(
            f"The database {path.name} was written by a newer version of Treadwell "
            f"(it has changes this version does not know: {', '.join(unknown)}). It has not been changed. "
            "Install the newer version to open it."
        )


def plain_storage_error(error: sqlite3.Error) -> str:
    """A sentence for the SQLite errors people meet; nothing half-saved is left (each change is one transaction)."""
    return {
        "damaged": "The database is damaged: a record's text cannot be read. Nothing was saved. The db check command "
                   "says where, and which backup to restore.",
        "full": "The disk is full, so nothing was saved. Free some space and try again; earlier records are safe.",
        "read-only": "The data folder is read-only, so nothing was saved. Check its permissions or choose another "
                     "folder.",
        "locked": "The database is locked by another program (a database viewer, a backup or sync tool?), so nothing "
                  "was saved. Close that program and try again.",
        "disk error": "The disk reported an error, so nothing was saved. Earlier records are safe; check the drive.",
    }.get(_storage_cause(error), f"The database reported a problem ({error}); nothing was saved.")


def storage_cause_in_words(error: sqlite3.Error) -> str:
    """What kept SQLite from writing, for a sentence that says what else was done: "the data folder's disk is
    full" (seen in review: "Progress report saved ..., but ...: The disk is full, so nothing was saved")."""
    return {
        "damaged": "the database is damaged (the db check command says where)",
        "full": "the data folder's disk is full",
        "read-only": "the data folder is read-only",
        "locked": "the database is locked by another program (a database viewer, a backup or sync tool?)",
        "disk error": "the data folder's disk reported an error",
    }.get(_storage_cause(error), f"the database reported a problem ({error})")


def _storage_cause(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "could not decode to utf-8" in text:  # SQLite's message quotes the record: a patient's, never shown (and it
        return "damaged"  # may hold "locked" or "full", seen in review)
    if "disk is full" in text or "database or disk is full" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read-only"
    if "locked" in text or "busy" in text:  # Treadwell's own lock file keeps a second Treadwell writer out (seen by
        return "locked"  # a tester: another program's lock was blamed on "another Treadwell window or command")
    return "disk error" if "disk i/o" in text else ""
