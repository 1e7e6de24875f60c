"""Logging to a rotating file in the data directory. Logs hold events, never patient data."""

from __future__ import annotations

import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler

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


class LogUnavailable(Exception):
    """The log file cannot be opened; the message is one plain sentence. Treadwell runs on without it."""


def configure_logging(data_dir: DataDir, level: int = logging.INFO) -> logging.Handler:
    """Send the root logger to ``logs/treadwell.log`` (1 MB, five files kept). Raises LogUnavailable when
    the file cannot be opened (a folder in its place, no permission, a read-only drive)."""
    path = data_dir.logs_dir / LOG_FILE_NAME
    try:
        handler = RotatingFileHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_FILES_KEPT, encoding="utf-8")
    except OSError as error:
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
