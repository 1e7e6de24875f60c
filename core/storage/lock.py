"""One writer per data directory: an exclusive lock on a file in it, held while writing.

The lock is filelock's (the cross-platform lock pip and virtualenv rely on, tested on Windows in its
own CI), in place of a hand-written fcntl/msvcrt pair whose Windows branch had never run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.05
# A read-only window checks every few seconds whether the folder came free by taking its lock for an instant
# (is_free): a window starting, or switching to editing, at that instant waits this long for it rather than
# be refused. Five polls; a window that finds the folder really taken waits this long before opening read-only.
PROBE_GRACE_SECONDS = 0.25


Waiting = Callable[[float], None]  # told the seconds a wait for the lock may take


class LockFileError(OSError):
    """The lock file itself cannot be opened (a folder in its place, no permission, a read-only drive)."""


class DataDirLock:
    """``acquire`` returns False when another Treadwell process holds the folder, and raises
    LockFileError, with a plain sentence, when the lock file cannot be used at all."""

    def __init__(self, path: Path) -> None:
        from filelock import FileLock  # about 7 ms to import: only when a lock is taken, not for every reader

        self.path = path
        self._lock = FileLock(path, thread_local=False, poll_interval=POLL_SECONDS, preserve_lock_file=True)

    def acquire(self, timeout_s: float = PROBE_GRACE_SECONDS, *, waiting: Waiting | None = None) -> bool:
        """Take the lock, waiting up to ``timeout_s`` for it (by default, long enough for a probe to let go).
        ``waiting`` is told how long the wait may be, once a probe's grace has passed without the lock (seen in
        review: a command waited 15 s for a window's lock and printed nothing)."""
        if waiting is not None and timeout_s > PROBE_GRACE_SECONDS:
            if self._take(PROBE_GRACE_SECONDS):
                return True
            waiting(timeout_s)
            return self._take(timeout_s - PROBE_GRACE_SECONDS)
        return self._take(timeout_s)

    def _take(self, timeout_s: float) -> bool:
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=timeout_s)
        except Timeout:
            return False
        except OSError as error:
            raise LockFileError(
                f"The lock file {self.path.name} in {self.path.parent} cannot be opened "
                f"({error.strerror or error}), so nothing can be saved there. Check that the data folder can "
                f"be written, and that {self.path.name} is a file.") from error  # the backups' lock too
        return True

    def is_free(self) -> bool:
        """Whether no process holds the folder now: the lock taken and let go at once, without waiting (a
        read-only window's check). A lock file that cannot be used is not free."""
        try:
            free = self.acquire(timeout_s=0.0)
        except LockFileError:
            return False
        self.release()
        return free

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> DataDirLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
