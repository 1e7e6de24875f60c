"""The records' last-change mark, by which a backup is due (core/storage/maintenance.py backup_due): set by every
change a backup must hold, a patient's record (records.record_event) or a study the clinic imported
(evidence_store.add_local_studies; seen in review: studies imported on their own were never backed up, the mark set
only by patients' records)."""

from __future__ import annotations

import sqlite_utils


def mark_changed(db: sqlite_utils.Database, at: str) -> None:
    db["meta"].upsert({"key": "last_change_at", "value": at}, pk="key")


def last_change_at(db: sqlite_utils.Database) -> str | None:
    row = db.execute("select value from meta where key = 'last_change_at'").fetchone()
    return row[0] if row else None
