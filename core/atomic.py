"""Write a file completely or not at all: a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import errno
import glob
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple


class WriteError(Exception):
    """The file could not be written; the message is a plain sentence naming the file."""


class OutputKind(NamedTuple):
    """What is written for the user, and how a file of that kind begins: only such a file is replaced."""
    name: str  # as the message names it: "PDF"
    example: str  # a file name to suggest when a folder is given instead of a file
    marker: bytes  # found near the start of every file of this kind


SNIFFED_BYTES = 512


def write_output(path: Path, data: bytes, *, kind: OutputKind, data_folder: Path, inputs: Iterable[Path] = ()) -> None:
    """A file the user asked for (a handout, an exported patient). It never lands inside Treadwell's data
    folder, which holds the records and their backups, never over a file the command reads, and never over
    a file of another kind (a profile given as the PDF's name); a file of its own kind is replaced
    atomically, as asked."""
    stage_output(path, data, kind=kind, data_folder=data_folder, inputs=inputs).commit()


def stage_output(path: Path, data: bytes, *, kind: OutputKind, data_folder: Path,
                 inputs: Iterable[Path] = ()) -> StagedFile:
    """As write_output, but put in place only by ``commit()``: a command stages what it writes before it saves
    anything, so a folder it cannot write to stops it while nothing is done yet."""
    refuse_protected_output(path, kind=kind, data_folder=data_folder, inputs=inputs)
    return StagedFile(path, data)


def refuse_protected_output(path: Path, *, kind: OutputKind, data_folder: Path, inputs: Iterable[Path] = ()) -> None:
    """Raises WriteError when ``path`` is (or links to) the data folder, a file in it, one of ``inputs``, a
    folder, a device or a pipe, or a file that is not of ``kind``, or when its folder does not exist, or when the
    system cannot use the name at all (too long, a loop of links): checked before a command does any work or saves
    anything."""
    try:
        _refuse_protected_output(path, kind=kind, data_folder=data_folder, inputs=inputs)
    except (OSError, RuntimeError) as error:  # seen by a tester: a 300-letter name, a loop of links, a traceback
        raise WriteError(f"{unusable_name(path, error)} Choose another name.") from error


def unusable_name(path: Path, error: OSError | RuntimeError) -> str:
    """"The name x…x.pdf cannot be used (File name too long).": a name the system refuses, shortened to be read."""
    name = path.name if len(path.name) <= 60 else f"{path.name[:28]}…{path.name[-28:]}"
    return f"The name {name} cannot be used ({getattr(error, 'strerror', None) or error})."


def _refuse_protected_output(path: Path, *, kind: OutputKind, data_folder: Path, inputs: Iterable[Path]) -> None:
    if str(path) == "-":  # seen by a tester: "--pdf -" wrote a file named "-" where a command reads standard output
        raise WriteError(f"'-' would be a file named '-': a {kind.name} is written to a file, never to standard "
                         f"output. Give the file's name, for example {kind.example}.")
    target = path.resolve()
    folder = data_folder.resolve()
    if target == folder or folder in target.parents:
        raise WriteError(f"{path.name} would be written inside Treadwell's data folder ({folder}), which holds the "
                         "records and their backups. Choose another folder.")
    if target.is_dir():
        raise WriteError(f"{target} is a folder. Give the file's name too, for example {target / kind.example}.")
    _refuse_missing_folder(path)
    if not target.exists():
        return
    if not target.is_file():  # read to check its kind, a pipe would wait for ever; replaced, a device is gone
        raise WriteError(f"{path.name} is a device or a pipe, not a file, so nothing was written to it. "
                         "Choose a file name.")
    protected = [*inputs, *(item for item in folder.rglob("*") if item.is_file())] if folder.is_dir() else [*inputs]
    for item in protected:
        try:
            same = os.path.samefile(target, item)
        except OSError:
            continue
        if same:
            what = "the file this command reads" if item in inputs else "a file in Treadwell's data folder"
            raise WriteError(f"{path.name} is {what}, so it was not overwritten. Choose another name.")
    if not _is_of_kind(target, kind):
        raise WriteError(f"{path.name} already exists and is not a {kind.name}, so it was not overwritten. "
                         "Choose another name.")


def _is_of_kind(path: Path, kind: OutputKind) -> bool:
    """An empty file holds nothing to lose; one that cannot be read is left for the write to report."""
    try:
        with path.open("rb") as existing:
            start = existing.read(SNIFFED_BYTES)
    except OSError:
        return True
    return not start or kind.marker in start


def _refuse_missing_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise WriteError(f"The folder {path.parent} does not exist. Choose another place to save {path.name}.")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """An existing file at ``path`` is replaced only by a complete new one; no partial file is left."""
    StagedFile(path, data).commit()


class StagedFile:
    """The whole new file, written and flushed to disk beside ``path`` under a temporary name; ``commit()`` puts
    it in place in one rename, ``discard()`` removes it. Raises WriteError with a plain message."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        _refuse_missing_folder(path)
        _remove_stale_temporaries(path)
        try:
            handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as error:
            raise WriteError(_plain(error, path)) from error
        self._temp: Path | None = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as temp:
                temp.write(data)
                temp.flush()
                os.fsync(temp.fileno())
        except OSError as error:
            self.discard()
            raise WriteError(_plain(error, path)) from error

    def commit(self) -> None:
        assert self._temp is not None, "committed or discarded already"
        try:
            os.replace(self._temp, self.path)
        except OSError as error:
            self.discard()
            raise WriteError(_plain(error, self.path)) from error
        self._temp = None

    def discard(self) -> None:
        """Nothing is left of a file that was not committed; a committed one stays."""
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None


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
