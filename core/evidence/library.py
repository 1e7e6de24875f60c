"""Load the curated evidence library shipped in ``resources/evidence`` and keep the database in step."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from core.evidence.models import EvidenceLibrary
from core.evidence.shipped import library_bytes
from core.storage import evidence_store
from core.storage.database import open_database


@lru_cache(maxsize=1)
def load_library() -> EvidenceLibrary:
    """Read and validate the library; a broken file raises pydantic's ValidationError naming the field."""
    parts = {name: json.loads(raw.decode("utf-8")) for name, raw in library_bytes().items()}
    return EvidenceLibrary.model_validate(parts)


def library_content_hash() -> str:
    """What the database records when it installs the library: equal hashes, same library."""
    digest = hashlib.sha256()
    for name, raw in sorted(library_bytes().items()):
        digest.update(name.encode() + b"\0" + raw + b"\0")
    return digest.hexdigest()


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
