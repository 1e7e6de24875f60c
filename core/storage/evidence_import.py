"""A clinic's own studies into the evidence tables: checked completely (core/evidence/importer.py),
then added in one transaction, or not at all."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from core.evidence.importer import ImportReport, StudyFile, check_study_file, read_study_file
from core.storage import evidence_store


def import_studies(db: sqlite_utils.Database, path: Path) -> ImportReport:
    """Validate every row; if all are valid, add them in one transaction, else add nothing."""
    return import_study_file(db, read_study_file(path))


def import_study_file(db: sqlite_utils.Database, study_file: StudyFile) -> ImportReport:
    """Check every row of a file read by ``read_study_file``; save all of them in one transaction, or none."""
    report, studies = check_study_file(
        study_file,
        {e.id for e in evidence_store.load_etiologies(db)},
        {m.id for m in evidence_store.load_mechanisms(db)},
        lambda ids: evidence_store.existing_study_ids(db, ids),
    )
    if studies:
        evidence_store.add_local_studies(db, studies)
        report.added = [s.id for s in studies]
    return report
