"""Moving a patient between workstations: what the front ends need to write a bundle safely and refuse one plainly."""

from __future__ import annotations

import json
from pathlib import Path

from core.atomic import OutputKind, WriteError, write_output
from core.storage.bundle import BUNDLE_FORMAT, MAX_BUNDLE_BYTES, BundleError

__all__ = ["BUNDLE_FILE", "MAX_BUNDLE_BYTES", "BundleError", "write_bundle"]

BUNDLE_FILE = OutputKind("Treadwell patient bundle", "patient-bundle.json", f'"{BUNDLE_FORMAT}"'.encode())


def write_bundle(path: Path, bundle: str, *, data_folder: Path) -> None:
    """``bundle`` (as the records export it) written to ``path`` as write_output writes, and never over another
    patient's bundle (seen in review: a bundle from another workstation, not yet imported, was replaced by another
    patient's without a word); the same patient's older bundle is replaced, as asked."""
    if _patient_of(path) not in (None, _patient_of_text(bundle)):
        raise WriteError(f"{path.name} holds another patient's bundle, so it was not overwritten. Choose another "
                         "name (or import that bundle first).")
    write_output(path, bundle.encode("utf-8"), kind=BUNDLE_FILE, data_folder=data_folder)


def _patient_of(path: Path) -> str | None:
    """The patient id a bundle file names; None for no such file, or one that is not a bundle (left to write_output
    to refuse, or an empty one to replace)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BUNDLE_BYTES:
            return None
        return _patient_of_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _patient_of_text(text: str) -> str | None:
    try:
        content = json.loads(text).get("content")
        return content.get("patient_uid") if isinstance(content, dict) else None
    except (ValueError, AttributeError):
        return None
