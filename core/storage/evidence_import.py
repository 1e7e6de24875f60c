"""A clinic's own studies into the evidence tables: checked completely (core/evidence/importer.py),
then added in one transaction, or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from core.evidence.importer import ImportReport, StudyFile, check_study_file, read_study_file
from core.storage import evidence_store

if TYPE_CHECKING:
    from core.storage.clinic_studies import ClinicStudies


def import_studies(db: sqlite_utils.Database, path: Path) -> ImportReport:
    """Validate every row; if all are valid, add them in one transaction, else add nothing."""
    return import_study_file(db, read_study_file(path))


def import_study_file(db: sqlite_utils.Database, study_file: StudyFile, *,
                      clinic: ClinicStudies | None = None) -> ImportReport:
    """Check every row of a file read by ``read_study_file``; save all of them in one transaction, or none.
    ``clinic``: a clinic workstation's import goes to the server (``db`` is then its in-memory evidence, which
    gets them too, so the same run sees them)."""

    def existing(ids: Iterable[str]) -> set[str]:
        found = evidence_store.existing_study_ids(db, ids)
        return found if clinic is None else found | clinic.existing_ids(ids)

    report, studies = check_study_file(
        study_file,
        {e.id for e in evidence_store.load_etiologies(db)},
        {m.id for m in evidence_store.load_mechanisms(db)},
        existing,
        lambda dois: evidence_store.studies_with_dois(db, dois),  # on a clinic workstation, its in-memory copy
    )
    if studies:
        if clinic is not None:
            clinic.add(studies)
        evidence_store.add_local_studies(db, studies)
        report.added = [s.id for s in studies]
    return report
