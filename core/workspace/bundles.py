"""Moving a patient between workstations: what the front ends need to refuse a bundle plainly."""

from __future__ import annotations

from core.atomic import OutputKind
from core.storage.bundle import BUNDLE_FORMAT, MAX_BUNDLE_BYTES, BundleError

__all__ = ["BUNDLE_FILE", "MAX_BUNDLE_BYTES", "BundleError"]

BUNDLE_FILE = OutputKind("Treadwell patient bundle", "patient-bundle.json", f'"{BUNDLE_FORMAT}"'.encode())
