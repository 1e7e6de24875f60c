"""The evidence library files shipped in ``resources/evidence`` and their version.

Standard library only: the window reads the version before its first frame, before pydantic loads.
"""

from __future__ import annotations

import json

from core.resources import resource_path

LIBRARY_FILES = ("manifest", "etiologies", "mechanisms", "studies")


def library_bytes() -> dict[str, bytes]:
    folder = resource_path("evidence")
    return {name: (folder / f"{name}.json").read_bytes() for name in LIBRARY_FILES}


def shipped_library_version() -> str:
    """The version in the shipped manifest ("" if it cannot be read: the full start-up reports why)."""
    try:
        manifest = json.loads(resource_path("evidence", "manifest.json").read_bytes())
    except (OSError, ValueError):
        return ""
    version = manifest.get("library_version") if isinstance(manifest, dict) else None
    return version if isinstance(version, str) else ""
