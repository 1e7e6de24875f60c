"""What the window needs at start: the records opened safely, the etiologies with their counts,
and a backup when the records changed since the last one."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from pydantic import BaseModel

from core.data_dir import DataDir
from core.evidence.library import sync_library
from core.evidence.models import Etiology, Mechanism, Study
from core.settings import Settings
from core.storage import evidence_store
from core.storage.database import open_database
from core.startup_snapshot import write_snapshot
from core.storage.maintenance import backup_if_changed


class EtiologyEntry(BaseModel):
    etiology: Etiology
    study_count: int


class EvidenceOverview(BaseModel):
    library_version: str
    study_count: int
    etiologies: list[EtiologyEntry]
    mechanisms: list[Mechanism] = []
    studies: list[Study] = []  # the whole library, local studies included


class StartupReport(BaseModel):
    overview: EvidenceOverview | None
    read_only: bool
    backup: Path | None


def evidence_overview(db: sqlite_utils.Database) -> EvidenceOverview:
    counts = evidence_store.study_counts_by_etiology(db)
    return EvidenceOverview(
        library_version=evidence_store.installed_library(db).get("library_version", "none"),
        study_count=db[evidence_store.STUDIES].count,
        etiologies=[EtiologyEntry(etiology=e, study_count=counts.get(e.id, 0)) for e in evidence_store.load_etiologies(db)],
        mechanisms=evidence_store.load_mechanisms(db),
        studies=evidence_store.search_studies(db, limit=1_000_000),
    )


def start_records(data_dir: DataDir, settings: Settings, *, read_only: bool) -> StartupReport:
    """Raises DatabaseDamaged or DatabaseTooNew (core.storage.database) without touching the file."""
    if read_only and not data_dir.database_path.exists():
        return StartupReport(overview=None, read_only=True, backup=None)
    db = open_database(data_dir.database_path, read_only=read_only)
    try:
        backup = None
        if not read_only:
            sync_library(db)
            backup = backup_if_changed(db, data_dir, daily=settings.backup_daily_keep, weekly=settings.backup_weekly_keep)
        overview = evidence_overview(db)
        if not read_only:
            write_snapshot(data_dir.root, overview.library_version,
                           [(e.etiology.id, e.etiology.name, e.study_count) for e in overview.etiologies])
        return StartupReport(overview=overview, read_only=read_only, backup=backup)
    finally:
        db.close()
