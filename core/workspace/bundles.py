"""Moving a patient between workstations: what the front ends need to write a bundle safely and refuse one plainly."""

from __future__ import annotations

import json
from pathlib import Path

from core.atomic import OutputKind, WriteError, write_output
from core.storage.bundle import BUNDLE_FORMAT, MAX_BUNDLE_BYTES, BundleError

__all__ = ["BUNDLE_FILE", "MAX_BUNDLE_BYTES", "BundleError", "write_bundle"]

BUNDLE_FILE = OutputKind("Treadwell patient bundle", "patient-bundle.json", f'"{BUNDLE_FORMAT}"'.encode())


def write_bundle(path: Path, records, plan_id: int, *, clinician: str, data_folder: Path) -> None:
    """The bundle of the patient who owns ``plan_id`` (PatientRecords.export_patient, audited as ``clinician``'s)
    written to ``path`` as write_output writes, and never over another patient's bundle, refused before the export is
    audited (seen in review: a bundle from another workstation, not yet imported, was replaced by another patient's
    without a word); the same patient's older bundle is replaced, as asked."""
    ours = {version.uid for version in records.plan_history(records.get_plan(plan_id).patient_id)}
    theirs = _version_uids(path)
    if theirs and not theirs & ours:
        raise WriteError(f"{path.name} holds another patient's bundle, so it was not overwritten. Choose another "
                         "name (or import that bundle first).")
    write_output(path, records.export_patient(plan_id, clinician=clinician).encode("utf-8"), kind=BUNDLE_FILE,
                 data_folder=data_folder)


def _version_uids(path: Path) -> set[str]:
    """The plan versions' ids a bundle file holds (they travel with the patient's versions); none for no such file,
    or one that is not a bundle (left to write_output to refuse, or an empty one to replace)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BUNDLE_BYTES:
            return set()
        versions = json.loads(path.read_text(encoding="utf-8"))["content"]["versions"]
        return {version["uid"] for version in versions if isinstance(version.get("uid"), str)}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return set()
