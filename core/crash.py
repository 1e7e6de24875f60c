"""Last-resort handling of unexpected errors: log the traceback, then tell the person plainly."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from core.logging_setup import redact

log = logging.getLogger(__name__)

# Receives (plain summary, technical details); the UI shows a dialog, the CLI prints to stderr.
CrashReporter = Callable[[str, str], None]

PLAIN_SUMMARY = (
    "Treadwell hit an unexpected problem. Your saved records are safe. "
    "If it happens again, copy the details and send them to your IT contact."
)


def describe_os_error(error: BaseException) -> str | None:
    """A plain sentence for the operating-system errors people meet, or None."""
    import errno

    if not isinstance(error, OSError):
        return None
    known = {
        errno.ENOSPC: "The disk is full. Free some space and try again.",
        errno.EACCES: "Treadwell is not allowed to write there. Choose another folder or ask IT for access.",
        errno.EPERM: "Treadwell is not allowed to write there. Choose another folder or ask IT for access.",
        errno.EROFS: "That drive is read-only. Choose another folder.",
        errno.EBUSY: "The file is open in another program. Close it there and try again.",
    }
    return known.get(error.errno or 0)


def format_details(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    return redact("".join(traceback.format_exception(kind, value, tb)))


CANCELLED = "Cancelled. What was saved before it stays saved (each record whole); the list commands show it."


def stderr_reporter(summary: str, details: str) -> None:
    print(f"{summary}\n\n{details}", file=sys.stderr)


def install_crash_handlers(reporter: CrashReporter, *, window: bool = False) -> None:
    """Route uncaught exceptions, on any thread, to the log and then to ``reporter``; a command's Ctrl+C to one line.
    ``window``: the app's window, where Ctrl+C in its terminal cuts one slot short and the window goes on (found in
    review: "Cancelled ... the list commands show it" there), so Python's own report stays."""

    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # seen by a tester: Ctrl+C half a second into a command, after these
            if window:  # handlers but before the command's own handling, printed a traceback
                sys.__excepthook__(kind, value, tb)
            else:
                print(CANCELLED, file=sys.stderr)
            return
        details = format_details(kind, value, tb)
        log.critical("Unhandled error", exc_info=(kind, value, tb))  # the log keeps where, never the message
        summary = describe_os_error(value) or PLAIN_SUMMARY
        try:
            reporter(summary, details)
        except Exception:  # the reporter itself must never take the app down
            log.exception("Could not show the error report")
            stderr_reporter(summary, details)

    def handle_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            handle(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = handle
    threading.excepthook = handle_thread
