"""The errors the front ends tell the clinician about, in one place (each message is a plain sentence)."""

from __future__ import annotations

from core.records.models import DifferentPatient, RecordNotFound
from core.storage.backup import BackupError
from core.storage.bundle import MAX_BUNDLE_BYTES, BundleError
from core.storage.database import (
    DatabaseDamaged, DatabaseError, DatabaseTooNew, StorageFailure, plain_storage_error,
)
from core.storage.lock import LockFileError
from core.storage.session import WAIT_FOR_OTHER_WRITER_S, DataDirBusy

__all__ = [
    "MAX_BUNDLE_BYTES", "WAIT_FOR_OTHER_WRITER_S", "BackupError", "BundleError", "DataDirBusy",
    "DatabaseDamaged", "DatabaseError", "DatabaseTooNew", "DifferentPatient", "LockFileError", "RecordNotFound",
    "StorageFailure", "plain_storage_error",
]
