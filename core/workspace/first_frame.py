"""What the window's first frame reads, before anything heavy loads: the installed etiologies, read-only,
with the standard library's sqlite3 (core/storage/etiology_entries.py)."""

from __future__ import annotations

from core.storage.etiology_entries import read_installed_entries

__all__ = ["read_installed_entries"]
