"""The etiology entries read straight from the records database with the standard library's sqlite3,
so the window's first frame can show them before pydantic and sqlite-utils load (core/evidence/entries.py
holds the entries and checks each field)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.evidence.entries import EntryError, EtiologyEntry, entry_from_row
from core.evidence.shipped import shipped_library_version
from core.storage.evidence_tables import ETIOLOGIES, STATE, STUDY_ETIOLOGIES

FIRST_FRAME_TIMEOUT_S = 0.2  # never keep the first frame waiting on another program's lock


def etiology_entries(connection: sqlite3.Connection) -> list[EtiologyEntry]:
    """Every installed etiology in library order, with how many studies (library and local) it has."""
    rows = connection.execute(
        f"select e.json, (select count(*) from {STUDY_ETIOLOGIES} se where se.etiology_id = e.id) "
        f"from {ETIOLOGIES} e order by e.position").fetchall()
    try:
        return [entry_from_row(raw, count) for raw, count in rows]
    except EntryError as error:
        raise EntryError(f"In {ETIOLOGIES}: {error}") from error


def etiology_entry(connection: sqlite3.Connection, etiology: str) -> EtiologyEntry | None:
    """One installed etiology's entry; None for one the library does not hold."""
    return next((entry for entry in etiology_entries(connection) if entry.id == etiology), None)


def read_installed_entries(database_path: Path) -> list[EtiologyEntry] | None:
    """The entries for the first frame, read-only, when the database holds the shipped library's version.
    None when there is no database yet, another version is about to be installed, or anything is
    amiss: the full start-up then opens, checks and reports on the records as usual (and replaces
    these entries with its own, read by ``etiology_entries`` after it checked the whole library)."""
    if not database_path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=FIRST_FRAME_TIMEOUT_S)
        try:
            installed = connection.execute(f"select value from {STATE} where key = 'library_version'").fetchone()
            if installed is None or installed[0] != shipped_library_version():
                return None
            return etiology_entries(connection)
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
