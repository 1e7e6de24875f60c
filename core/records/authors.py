"""Who logged a walk and who corrected it last, in words, as the session log in the window and ``sessions list``
show them (SessionRecord.logged_by and corrected_by, as the audit trail names them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.settings import UNNAMED_CLINICIAN

if TYPE_CHECKING:
    from core.records.models import SessionRecord


def logged_by_words(record: SessionRecord) -> str:
    """"Grace Okafor", "Grace Okafor, corrected", "Grace Okafor, corrected by Tom Reyes"."""
    by = named(record.logged_by) or "not known"  # walks logged before the audit named them (schema 4)
    if record.corrected_by is None:
        return by
    return f"{by}, corrected" if record.corrected_by == record.logged_by else \
        f"{by}, corrected by {named(record.corrected_by)}"


def author(clinician: str | None) -> str:
    """Who saved a plan version, in a list of versions: a bundle may carry none (seen in review: "by None", and a
    progress report refused)."""
    return named(clinician) or "no author recorded"


def named(clinician: str | None) -> str | None:
    """A clinician as the audit names them, as every sentence and list says it (None: not known; seen by a clinic's
    tester: "unnamed clinician" in the versions' lists beside "a clinician with no name in Settings" in the log)."""
    if not clinician:
        return None
    return "a clinician with no name in Settings" if clinician == UNNAMED_CLINICIAN else clinician
