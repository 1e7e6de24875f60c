"""The data folder's one-writer lock, for the window's start (light: nothing heavy loads before the
first frame)."""

from __future__ import annotations

from core.storage.lock import DataDirLock, LockFileError

__all__ = ["DataDirLock", "LockFileError"]
