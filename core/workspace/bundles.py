"""Moving a patient between workstations: what the front ends need to refuse a bundle plainly."""

from __future__ import annotations

from core.storage.bundle import MAX_BUNDLE_BYTES, BundleError

__all__ = ["MAX_BUNDLE_BYTES", "BundleError"]
