"""Moving a patient between workstations: what the front ends need to write a bundle safely and refuse one plainly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from core.atomic import OutputKind, WriteError, write_output
from core.inputs import InputError, read_input
from core.stamps import local_minute, possible_stamp
from core.workspace.exports import recording_export
from core.storage.bundle import BUNDLE_FORMAT, CLOCK_SLACK, MAX_BUNDLE_BYTES, BundleError

__all__ = ["BUNDLE_FILE", "MAX_BUNDLE_BYTES", "BundleError", "read_bundle_file", "write_bundle"]

BUNDLE_FILE = OutputKind("Treadwell patient bundle", "patient-bundle.json", f'"{BUNDLE_FORMAT}"'.encode())


def write_bundle(path: Path, records, plan_id: int, *, clinician: str, data_folder: Path) -> list[str]:
    """The bundle of the patient who owns ``plan_id`` (PatientRecords.export_patient) written to ``path`` as
    write_output writes, its export then recorded as ``clinician``'s (core/workspace/exports.py), and never over
    another patient's bundle, refused before anything is written (seen in review: a bundle from another workstation,
    not yet imported, was replaced by another patient's without a word); the same patient's older bundle is replaced,
    as asked. Returns what the clinician is told of it: a version saved while the computer's clock was wrong is dated
    by the export (seen in review: such a patient could never be exported or moved, and pydantic's own text said
    why). A walk dated after today, which every import refuses, is refused here, named as the window and the sessions
    command name it."""
    patient = records.get_plan(plan_id).patient_id
    history = records.plan_history(patient)
    ahead = [walk for walk in records.sessions(patient) if walk.date > dt.date.today() + CLOCK_SLACK]
    if ahead:
        raise WriteError(f"{path.name} was not written: the walk of {ahead[0].date.isoformat()} (session "
                         f"{ahead[0].id}) is dated after today, so another workstation would refuse the bundle. "
                         f"Correct its date (Correct in the Session log, or sessions edit {ahead[0].id}), then export "
                         "again.")
    ours = {version.uid for version in history}
    theirs = _version_uids(path)
    if theirs and not theirs & ours:
        raise WriteError(f"{path.name} holds another patient's bundle, so it was not overwritten. Choose another "
                         "name (or import that bundle first).")
    write_output(path, records.export_patient(plan_id).encode("utf-8"), kind=BUNDLE_FILE,
                 data_folder=data_folder)
    with recording_export(path):  # once written (core/workspace/exports.py)
        records.record_event("export", "patient", patient, clinician)
    return [f"Version {version.version} was saved at {local_minute(version.created_at)} by this computer's clock, "
            "which cannot be right (the clock was wrong then): the bundle dates it when it was exported."
            for version in history if not possible_stamp(version.created_at, slack=CLOCK_SLACK)]


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


def read_bundle_file(path: Path) -> bytes:
    """The file read whole (bounded, a regular file only); a file that cannot be a bundle (a folder, pipe, device, or
    one far too large) is refused like a bad bundle, in one sentence (BundleError)."""
    try:
        return read_input(path, limit=MAX_BUNDLE_BYTES, what="bundle")
    except InputError as error:
        raise BundleError([str(error)]) from error
