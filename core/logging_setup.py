"""Logging to a rotating file in the data directory. Logs hold events, never patient data."""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from pathlib import Path

from core.data_dir import DataDir

LOG_FILE_NAME = "treadwell.log"
MAX_LOG_BYTES = 1_000_000
LOG_FILES_KEPT = 5

# pydantic puts the offending input into its error text; an input may be a patient's name.
_INPUT_VALUE = re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE)


def redact(text: str) -> str:
    return _INPUT_VALUE.sub("input_value=<withheld>", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then withholds input values that validation errors would echo. A traceback keeps
    where it happened (files, lines, code) but never the exception's message: messages name files the
    clinician chose, often after a patient, and sometimes the text that could not be handled."""

    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # another handler may have cached the full traceback
        try:
            return redact(super().format(record))
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        kind, error, tb = ei
        lines = ["Traceback (most recent call last):\n", *traceback.format_list(traceback.extract_tb(tb))]
        chain = []
        while error is not None:
            chain.append(type(error).__name__)
            error = error.__cause__ or error.__context__
        return "".join(lines) + " <- ".join(chain) + ": (message withheld: it may name a patient or a file)"


class RotatingLogFile(logging.FileHandler):
    """The log file, rolled over before a record would take it past ``max_bytes``: treadwell.log becomes
    treadwell.log.1, .1 becomes .2, and so on, the oldest of ``kept`` dropped. What the standard library's
    RotatingFileHandler does; written here because ``logging.handlers`` imports socket, pickle and queue,
    about 6 ms of every start before the window's first frame (docs/performance.md)."""

    def __init__(self, path: Path, max_bytes: int, kept: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.kept = max_bytes, kept
        self.failure_told = False

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(record):
                self._roll_over()
        except Exception:  # as logging does: a failing log never stops the app
            self.handleError(record)
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        """A log that cannot be written (a full disk) is said once, in one sentence. Not logging's own report,
        which prints a traceback with the record's message and arguments for every record that fails."""
        error = sys.exc_info()[1]
        if sys.stderr is None:  # a windowed build has no stderr
            return
        if not isinstance(error, OSError):  # a record that cannot be formatted: the file itself is fine
            sys.stderr.write(f"A log record could not be formatted ({type(error).__name__}); it was left out.\n")
            return
        if self.failure_told:
            return
        self.failure_told = True
        sys.stderr.write(f"The log file {self.baseFilename} could not be written ({error.strerror or error}); "
                         "Treadwell carries on without it.\n")

    def _would_overflow(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        written = self.stream.tell()
        return written > 0 and written + len(f"{self.format(record)}{self.terminator}".encode("utf-8")) > self.max_bytes

    def _roll_over(self) -> None:
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        for number in range(self.kept - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


class LogUnavailable(Exception):
    """The log file cannot be opened; the message is one plain sentence. Treadwell runs on without it."""


def configure_logging(data_dir: DataDir, level: int = logging.INFO) -> logging.Handler:
    """Send the root logger to ``logs/treadwell.log`` (1 MB, five files kept). Raises LogUnavailable when
    the file cannot be opened (a folder in its place, no permission, a read-only drive)."""
    path = data_dir.logs_dir / LOG_FILE_NAME
    try:
        handler = RotatingLogFile(path, MAX_LOG_BYTES, LOG_FILES_KEPT)
    except OSError as error:
        logging.getLogger().addHandler(logging.NullHandler())  # not logging's last resort, which writes to stderr
        raise LogUnavailable(f"The log file {path} cannot be opened ({error.strerror or error}); Treadwell "
                             "carries on without a log.") from error
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if os.name == "posix" and path.exists():
        path.chmod(0o600)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_treadwell", False)]:
        root.removeHandler(old)
        old.close()
    handler._treadwell = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return handler
