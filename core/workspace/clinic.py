"""The clinic server, for the front ends: set it up, add a clinician, and sign in to its records and its
imported studies (core/storage/clinic.py and clinic_studies.py do the work; the shipped evidence library
stays local on each workstation)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from core.data_dir import DataDir
from core.storage import evidence_store
from core.words import counted
from core.storage.clinic import (
    add_clinician, call_guarded, describe, init_clinic, open_clinic_records, rights_missing,
)
from core.storage.clinic_errors import (
    ClinicServerError, PasswordNeeded, PasswordRefused, ServerNotSetUp, ServerSchemaTooNew, made_a_clinician,
)
from core.storage.clinic_studies import ClinicStudies, clinic_evidence

if TYPE_CHECKING:
    from core.storage.database import Database
    from core.storage.move import MoveReport
    from core.storage.postgres_records import PostgresRecords

__all__ = ["ClinicServerError", "PasswordNeeded", "PasswordRefused", "ServerNotSetUp", "ServerSchemaTooNew",
           "add_clinician", "describe", "init_clinic", "move_local_records", "open_clinic_records",
           "open_clinic_session", "test_connection"]


@contextmanager
def open_clinic_session(local: Database, url: str, *, password: str | None = None
                        ) -> Iterator[tuple[PostgresRecords, Database, ClinicStudies]]:
    """Signed in to the server: its records, the evidence this workstation reads (its shipped library and the
    clinic's imported studies, in memory), and where an import goes. Closes both on leaving."""
    evidence: Database | None = None
    records = open_clinic_records(url, lambda etiology: evidence_store.studies_of(evidence, etiology),
                                  password=password)
    try:
        studies = ClinicStudies(records.connection)
        evidence = clinic_evidence(local, call_guarded(studies.all))
        yield records, evidence, studies
    finally:
        if evidence is not None:
            evidence.close()
        records.connection.close()


def test_connection(url: str, password: str | None = None) -> str:
    """Sign in and check the schema; where and as whom, and whether that sign-in may save (seen in a clinic's try: a
    role granted only SELECT passed, then every save was refused), or ClinicServerError."""
    store = open_clinic_records(url, lambda etiology: [], password=password)
    try:
        where = f"Connected to {describe(store)}; {counted(store.count_patients(), 'patient')} on the server."
        if refused := store.cannot_save_to():
            role = store.signed_in_as()
            why = rights_missing(store.connection, refused=False) or (
                f"{role} is not one of Treadwell's clinicians: {made_a_clinician(role)}.")
            return f"{where} But it may not save to {', '.join(refused)}, so no plan or walk could be saved. {why}"
        return where
    finally:
        store.connection.close()


def move_local_records(data_dir: DataDir, url: str, *, clinician: str) -> MoveReport:
    """Copy this workstation's records to the clinic server (core/storage/move.py); the local file is only read."""
    from core.storage import evidence_store
    from core.storage.move import move_to
    from core.storage.session import open_data

    with open_data(data_dir, write=False) as local:
        server = open_clinic_records(url, lambda etiology: evidence_store.studies_of(local, etiology))
        try:
            report = move_to(local, data_dir.database_path, server, clinician=clinician)
            report.namesakes = [(there, name, others) for there, name in report.new_patients
                                if (others := server.namesakes(name, besides=there))]
            return report
        finally:
            server.connection.close()
