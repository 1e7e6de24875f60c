"""Write a file completely or not at all: a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import errno
import glob
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path


class WriteError(Exception):
    """The file could not be written; the message is a plain sentence naming the file."""


def write_output(path: Path, data: bytes, *, data_folder: Path, inputs: Iterable[Path] = ()) -> None:
    """A file the user asked for (a handout, an exported patient). It never lands inside Treadwell's data
    folder, which holds the records and their backups, and never over a file the command reads; an
    existing file anywhere else is replaced atomically, as asked."""
    refuse_protected_output(path, data_folder=data_folder, inputs=inputs)
    atomic_write_bytes(path, data)


def refuse_protected_output(path: Path, *, data_folder: Path, inputs: Iterable[Path] = ()) -> None:
    """Raises WriteError when ``path`` is (or links to) the data folder, a file in it, or one of ``inputs``, or
    when its folder does not exist: checked before a command does any work or saves anything."""
    target = path.resolve()
    folder = data_folder.resolve()
    if target == folder or folder in target.parents:
        raise WriteError(f"{path.name} would be written inside Treadwell's data folder ({folder}), which holds the "
                         "records and their backups. Choose another folder.")
    _refuse_missing_folder(path)
    if not target.exists():
        return
    protected = [*inputs, *(item for item in folder.rglob("*") if item.is_file())] if folder.is_dir() else [*inputs]
    for item in protected:
        try:
            same = os.path.samefile(target, item)
        except OSError:
            continue
        if same:
            what = "the file this command reads" if item in inputs else "a file in Treadwell's data folder"
            raise WriteError(f"{path.name} is {what}, so it was not overwritten. Choose another name.")


def _refuse_missing_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise WriteError(f"The folder {path.parent} does not exist. Choose another place to save {path.name}.")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """An existing file at ``path`` is replaced only by a complete new one; no partial file is left."""
    folder = path.parent
    _refuse_missing_folder(path)
    _remove_stale_temporaries(path)
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(_plain(error, path)) from error
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise WriteError(_plain(error, path)) from error


STALE_AFTER_S = 600


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of this target left by a process that was killed mid-write (older than 10 min,
    so a write still under way elsewhere is never touched)."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if time.time() - stale.stat().st_mtime > STALE_AFTER_S:
                stale.unlink()
        except OSError:
            pass


def _plain(error: OSError, path: Path) -> str:
    if error.errno == errno.ENOSPC:
        return f"The disk is full, so {path.name} was not saved. Free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM):
        if path.exists() and os.name == "nt":
            return f"{path.name} is open in another program. Close it there and try again."
        return f"Treadwell is not allowed to write in {path.parent}. Choose another folder."
    if error.errno == errno.EROFS:
        return f"{path.parent} is on a read-only drive. Choose another folder."
    if error.errno == errno.EBUSY:
        return f"{path.name} is open in another program. Close it there and try again."
    return f"{path.name} could not be saved: {error.strerror or error}."
