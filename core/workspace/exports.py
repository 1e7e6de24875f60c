"""An export (a patient's bundle, a progress report) is recorded in the audit trail once its file is written: a file
that could not be written is no export, and a data folder whose disk is full or read-only does not keep a patient's
records from being taken out of it. Seen by a tester with the data folder's disk full: the bundle's export was
recorded first, so the bundle was never written, and the message said only "The disk is full, so nothing was saved";
a progress report was said saved, then "The disk is full, so nothing was saved"."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from core.storage.clinic_errors import ClinicServerError
from core.storage.database import DatabaseError, StorageFailure, plain_storage_error


class ExportNotRecorded(Exception):
    """The file is written, and its export is not in the audit trail: the message says both, and why."""


@contextmanager
def recording_export(written: Path):
    """Around the audit entry of an export whose file is written: what keeps the entry out is said with the file's
    being there (the command exits 1: it did not do all it does)."""
    try:
        yield
    except (DatabaseError, ClinicServerError, StorageFailure) as error:
        why = plain_storage_error(error) if isinstance(error, StorageFailure) else str(error)
        raise ExportNotRecorded(f"{written} was written, but the audit trail could not record its export: {why}") \
            from None
