"""A small JSON note of what the window showed last time (etiologies and study counts), so the next
start can paint real content before the evidence library and the records have loaded.

Plain json on purpose: this is read before pydantic or SQLite helpers are imported. It holds no
patient data. If it is missing or unreadable the window simply shows "loading".
"""

from __future__ import annotations

import json
from pathlib import Path

SNAPSHOT_NAME = "startup-snapshot.json"


def snapshot_path(data_root: Path) -> Path:
    return data_root / SNAPSHOT_NAME


def read_snapshot(data_root: Path) -> dict | None:
    try:
        data = json.loads(snapshot_path(data_root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("etiologies"), list):
        return None
    return data


def write_snapshot(data_root: Path, library_version: str, etiologies: list[tuple[str, str, int]]) -> None:
    """(id, name, study count) per etiology; failures are ignored (the snapshot is only a convenience)."""
    from core.atomic import WriteError, atomic_write_bytes

    payload = {"library_version": library_version,
               "etiologies": [{"id": i, "name": n, "study_count": c} for i, n, c in etiologies]}
    try:
        atomic_write_bytes(snapshot_path(data_root), json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    except WriteError:
        pass
