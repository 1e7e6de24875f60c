"""What the window needs at start: the library installed, and the etiologies with their counts."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from core.evidence.library import open_evidence_database
from core.evidence.models import Etiology
from core.storage import evidence_store


class EtiologyEntry(BaseModel):
    etiology: Etiology
    study_count: int


class EvidenceOverview(BaseModel):
    library_version: str
    study_count: int
    etiologies: list[EtiologyEntry]


def evidence_overview(database_path: Path) -> EvidenceOverview:
    """Open the database (installing a newer shipped library if needed) and count studies per etiology."""
    db = open_evidence_database(database_path)
    try:
        counts = evidence_store.study_counts_by_etiology(db)
        return EvidenceOverview(
            library_version=evidence_store.installed_library(db)["library_version"],
            study_count=db[evidence_store.STUDIES].count,
            etiologies=[EtiologyEntry(etiology=e, study_count=counts.get(e.id, 0)) for e in evidence_store.load_etiologies(db)],
        )
    finally:
        db.close()
