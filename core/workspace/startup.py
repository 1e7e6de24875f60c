"""What the window needs at start: the records opened safely, the etiologies with their counts,
and a backup when the records changed since the last one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from core.data_dir import DataDir
from core.evidence.entries import EtiologyEntry
from core.evidence.models import Mechanism, Study
from core.settings import Settings
from core.storage import evidence_store
from core.storage.backup import BackupError
from core.storage.database import Database, open_database
from core.storage.etiology_entries import etiology_entries
from core.storage.library_sync import sync_library
from core.storage.maintenance import backup_if_changed, refuse_lost_records


@dataclass(frozen=True)
class EvidenceOverview:
    library_version: str
    study_count: int
    etiologies: list[EtiologyEntry]
    mechanisms: list[Mechanism] = field(default_factory=list)
    studies: list[Study] = field(default_factory=list)  # the whole library, local studies included

    def of(self, etiology: str) -> tuple[list[Study], EtiologyEntry | None]:
        """An etiology's studies and entry, as step 2 shows them (on a clinic workstation, the clinic's too)."""
        return ([study for study in self.studies if etiology in study.etiologies],
                next((entry for entry in self.etiologies if entry.id == etiology), None))


@dataclass(frozen=True)
class StartupReport:
    overview: EvidenceOverview | None
    read_only: bool
    backup: Path | None
    backup_problem: str | None = None  # the start-up backup failed: the records open all the same


def evidence_overview(db: Database) -> EvidenceOverview:
    return EvidenceOverview(
        library_version=evidence_store.installed_library(db).get("library_version", "none"),
        study_count=evidence_store.study_count(db),
        etiologies=etiology_entries(db.conn),
        mechanisms=evidence_store.load_mechanisms(db),
        studies=evidence_store.search_studies(db, limit=1_000_000),
    )


def start_records(data_dir: DataDir, settings: Settings, *, read_only: bool) -> StartupReport:
    """Raises DatabaseDamaged, DatabaseUnavailable or DatabaseTooNew (core.storage.database), never touching the
    file."""
    if read_only and not data_dir.database_path.exists():
        return StartupReport(overview=None, read_only=True, backup=None)
    if not read_only:
        refuse_lost_records(data_dir)
    db = open_database(data_dir.database_path, read_only=read_only, backups_dir=data_dir.backups_dir)
    try:
        backup, problem = None, None
        if not read_only:
            sync_library(db)
            try:
                backup = backup_if_changed(db, data_dir, daily=settings.backup_daily_keep,
                                           weekly=settings.backup_weekly_keep)
            except BackupError as error:  # a full disk or an unwritable backups/ must not keep the records shut
                problem = f"The start-up backup was not made: {error} The records are open; back up when you can."
        return StartupReport(overview=evidence_overview(db), read_only=read_only, backup=backup,
                             backup_problem=problem)
    finally:
        db.close()
