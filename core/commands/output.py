"""Shared output helpers for the headless commands: plain tables and JSON."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

# Characters a terminal acts on instead of showing: C0 controls but tab and line feed, DEL, C1 controls
# (ESC and CSI start escape sequences), line separators and bidi overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text as typed, with every character a terminal would act on shown as a visible \\uXXXX escape
    (also a valid JSON escape, so JSON output stays JSON)."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class OutputNotWritten(Exception):
    """The command's output could not be written (a full disk, say): what the command saved before is saved, and is
    not to be saved again. Seen by a tester: a walk saved, then "The disk is full ... try again" and a traceback, so
    it was logged twice."""


class _TerminalSafeStream:
    def __init__(self, stream: TextIO, *, output: bool = False) -> None:
        self._stream = stream
        self._output = output  # standard output: a failed write is OutputNotWritten

    def write(self, text: str) -> int:
        try:
            return self._stream.write(terminal_safe(text))
        except BrokenPipeError:  # a reader that stopped reading (| head): core/cli.py reader_may_stop
            raise
        except OSError as error:
            if not self._output:
                raise
            raise OutputNotWritten(error.strerror or str(error)) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            if not self._output:
                raise
            raise OutputNotWritten(error.strerror or str(error)) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """Everything a command prints (records, imported text, file names) reaches the terminal as text:
    an escape sequence hidden in an imported study or a name is shown, never obeyed."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafeStream(sys.stdout, output=True), _TerminalSafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Left-aligned columns, two spaces apart, by the width a terminal gives each character (two for Chinese, none
    for a combining mark: seen by a tester, the columns after a Chinese name were out of line); None prints as an
    empty cell."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([shown_width(h), *(shown_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(_padded(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_padded(v, w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


def shown_width(text: str) -> int:
    """How many columns a terminal gives ``text``: two for a wide or full-width character, none for a mark that
    combines with the one before it."""
    import unicodedata

    return sum(0 if unicodedata.combining(character) else 2 if unicodedata.east_asian_width(character) in "WF" else 1
               for character in text)


def _padded(text: str, width: int) -> str:
    return text + " " * (width - shown_width(text))


def add_format_option(parser) -> None:
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")


def fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code


def say_without_server(why: str) -> None:
    """Told on stderr when a command that saves nothing goes on without the clinic server."""
    print(why, file=sys.stderr, flush=True)


def say_waiting(seconds: float) -> None:
    """Told on stderr while a command waits for another Treadwell window or command to let go of the data folder
    (seen in review: it waited 15 s in silence, then said the folder was in use)."""
    print(f"Waiting up to {seconds:g} s for another Treadwell window or command to finish with the data folder "
          "(a window holds it until it is closed; Ctrl+C stops; nothing has been changed)...", file=sys.stderr,
          flush=True)


def audit_clinician(settings_path: Path) -> str | None:
    """Who the audit names (core.settings.clinician_of), any other problem in the settings said on stderr as a note;
    None, having said why, where the settings say no one."""
    from core.settings import SettingsError, clinician_of

    try:
        clinician, problems = clinician_of(settings_path)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return None
    if problems:
        print(f"Note: the settings file {settings_path} has values that are not valid, which this command does not "
              f"use: {'; '.join(problems)}. Correct them in Settings.", file=sys.stderr)
    return clinician
