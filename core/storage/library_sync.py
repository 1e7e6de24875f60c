"""Keep the database's evidence tables in step with the library shipped in ``resources/evidence``."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from core.evidence.derived import with_study_facts
from core.evidence.entries import EtiologyEntry, entry_from_row
from core.evidence.library import library_content_hash, load_library
from core.evidence.models import Study
from core.storage import evidence_store
from core.storage.database import open_database
from core.storage.etiology_entries import etiology_entry


def sync_library(db: sqlite_utils.Database) -> bool:
    """Install the shipped library into the database if it is newer or different; True if it was."""
    content_hash = library_content_hash()
    if evidence_store.installed_library(db).get("content_hash") == content_hash:
        return False  # the usual case: nothing to parse or validate
    return evidence_store.install_library(db, load_library(), content_hash)


def open_evidence_database(path: Path) -> sqlite_utils.Database:
    """Open the database with the evidence tables present and the shipped library installed."""
    db = open_database(path)
    try:
        sync_library(db)
    except BaseException:
        db.close()
        raise
    return db


def evidence_of(path: Path, etiology: str) -> tuple[list[Study], EtiologyEntry | None]:
    """The etiology's studies and its entry as step 2 shows it (None for an etiology the library does not hold),
    through one read-only connection: never migrates, syncs or writes, so it is safe beside a window that holds the
    data folder's lock. Before the first start has made the database, the shipped library is the library."""
    if not path.exists():
        return ([study for study in load_library().studies if etiology in study.etiologies],
                shipped_etiology_entry(etiology))
    db = open_database(path, read_only=True)
    try:
        return evidence_store.studies_of(db, etiology), etiology_entry(db.conn, etiology)
    finally:
        db.close()


def shipped_etiology_entry(etiology: str) -> EtiologyEntry | None:
    """The etiology's entry in the library shipped with Treadwell, as installing it would write it."""
    shipped = load_library()
    count = sum(etiology in study.etiologies for study in shipped.studies)
    return next((entry_from_row(with_study_facts(e, shipped.studies).model_dump_json(), count)
                 for e in shipped.etiologies if e.id == etiology), None)
