"""Open the clinic database with the settings that keep records safe."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils


class DatabaseError(Exception):
    """The database cannot be opened or is damaged; the message is for the clinician."""


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed) with WAL, synchronous=FULL and foreign keys, after a quick_check."""
    is_new = not path.exists()
    try:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"The database {path.name} cannot be opened: {error}.") from error
    if verdict != "ok":
        connection.close()
        raise DatabaseError(f"The database {path.name} is damaged ({verdict}).")
    if is_new and os.name == "posix":
        path.chmod(0o600)
    return sqlite_utils.Database(connection)
