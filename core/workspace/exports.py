"""An export (a patient's bundle, a progress report, a handout) is recorded in the audit trail once its file is
written: a file that could not be written is no export, and a data folder whose disk is full does not keep a patient's
records from being taken out of it. Seen by a tester with the data folder's disk full: the bundle's export was
recorded first, so the bundle was never written, and the message said only "The disk is full, so nothing was saved";
a progress report was said saved, then "The disk is full, so nothing was saved"."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from core.storage.clinic_errors import ClinicServerError, ServerBusy, ServerLost, ServerUnanswered, plain_error
from core.storage.database import DatabaseError, DataFolderReadOnly, StorageFailure, storage_cause_in_words


class ExportNotRecorded(Exception):
    """The file is written, and its export is not in the audit trail: the message says both, and why."""


@contextmanager
def recording_export(written: Path):
    """Around the audit entry of an export whose file is written: what keeps the entry out is said with the file's
    being there (the command exits 1: it did not do all it does)."""
    try:
        yield
    except Exception as error:
        if (why := not_recorded_because(error)) is None:
            raise
        raise ExportNotRecorded(f"{written} was written, but the audit trail could not record its export: {why}.") \
            from None


def not_recorded_because(error: Exception) -> str | None:
    """Why the records could not take an audit entry, as a clause ("the data folder's disk is full"), for the
    sentence that says what was done all the same: never the records' own sentences, which say "nothing was saved"
    (seen in review, after "Progress report saved"); None for an error that is not the records' (a defect)."""
    from core.workspace.gateway import DataFolderMissing  # the window's: loaded there already

    # psycopg: imported only on the clinic server, where the commands' records raise its errors unwrapped (seen in
    # review: they reached the command line's "nothing was changed"); "did not confirm": a commit whose answer was lost
    # may have been recorded
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(error, psycopg.Error):
        return f"the clinic database did not confirm it ({plain_error(error)})"
    cause = error.__cause__ if isinstance(error, DatabaseError) else error  # the window's records word SQLite's
    if isinstance(cause, StorageFailure):
        return storage_cause_in_words(cause)
    return next((clause for kind, clause in (
        ((ServerUnanswered, ServerLost), "the clinic database cannot be reached now"),
        (ServerBusy, "the clinic database was busy"), (ClinicServerError, "the clinic database refused it"),
        (DataFolderReadOnly, "the data folder is read-only"),
        (DataFolderMissing, "the data folder was moved or deleted while Treadwell was open"),
        (DatabaseError, "the records could not be written")) if isinstance(error, kind)), None)
