"""The studies a clinic imports, on its server (``clinic_studies``, migration m008), and the evidence a clinic
workstation reads.

Every workstation of the clinic sees the same imported studies: they are kept on the server, each signed by
the role that imported it (a trigger, as the audit trail is). A workstation reads its evidence from an
in-memory copy of the evidence tables holding its shipped library and the server's studies, so searching,
the etiology entries (core/evidence/derived.py) and the plans drafted from them work as they do on one
workstation's own file; the local file is only read.
"""

from __future__ import annotations

from collections.abc import Iterable

import psycopg
import sqlite_utils

from core.evidence.models import Study
from core.storage import evidence_store
from core.storage.clinic_errors import StudyImportedMeanwhile


class ClinicStudies:
    """The clinic's imported studies on the server, through a signed-in connection (autocommit)."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self.connection = connection

    def all(self) -> list[Study]:
        rows = self.connection.execute("select study_json from clinic_studies order by imported_at, id").fetchall()
        return [Study.model_validate_json(row[0]) for row in rows]

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self.connection.execute("select id from clinic_studies where id = any(%s)", [wanted]).fetchall()
        return {row[0] for row in rows}

    def add(self, studies: list[Study]) -> None:
        """All in one transaction, or none."""
        try:
            with self.connection.transaction(), self.connection.cursor() as cursor:
                cursor.executemany("insert into clinic_studies (id, study_json) values (%s, %s)",
                                   [(study.id, study.model_dump_json()) for study in studies])
        except psycopg.errors.UniqueViolation:
            taken = sorted(self.existing_ids(study.id for study in studies))
            raise StudyImportedMeanwhile(
                f"Another workstation imported {', '.join(taken)} while this file was being checked, so nothing "
                "was imported. Import the file again: the studies already there are named.") from None


def clinic_evidence(local: sqlite_utils.Database, clinic_studies: list[Study]) -> sqlite_utils.Database:
    """An in-memory evidence database: the shipped library from this workstation's file, and the clinic's
    studies beside it (a study whose id the shipped library also has is the library's). The caller closes it."""
    db = sqlite_utils.Database(memory=True, execute_plugins=False)  # no third-party plugin runs here
    evidence_store.ensure_schema(db)
    library = [study for study in evidence_store.search_studies(local, limit=evidence_store.MAX_STUDIES_READ)
               if study.origin == "library"]
    library_ids = {study.id for study in library}
    evidence_store.install_copy(db, installed=evidence_store.installed_library(local),
                                mechanisms=evidence_store.load_mechanisms(local),
                                etiologies=evidence_store.load_etiologies(local),
                                studies=library + [s for s in clinic_studies if s.id not in library_ids])
    return db
