"""The errors the front ends tell the clinician about, in one place (each message is a plain sentence).
Errors of rarer paths stay with them, so a command loads only what it uses: bundles in
core/workspace/bundles.py, backups in core/workspace/maintenance.py."""

from __future__ import annotations

from core.records.models import DifferentPatient, RecordNotFound
from core.storage.clinic_errors import ClinicServerError, for_the_command_line, plain_error
from core.storage.database import (
    RESTORE_WAYS, DatabaseDamaged, DatabaseError, DatabaseTooNew, NotTreadwellRecords, RecordsLost, StorageFailure,
    plain_storage_error,
)
from core.storage.lock import LockFileError
from core.storage.session import WAIT_FOR_OTHER_WRITER_S, DataDirBusy

__all__ = [
    "RESTORE_WAYS", "WAIT_FOR_OTHER_WRITER_S", "ClinicServerError", "DataDirBusy", "DatabaseDamaged", "DatabaseError",
    "DatabaseTooNew", "DifferentPatient", "LockFileError", "NotTreadwellRecords", "RecordNotFound", "RecordsLost",
    "StorageFailure", "for_the_command_line", "plain_error", "plain_storage_error",
]
