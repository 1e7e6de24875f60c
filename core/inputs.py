"""Reading a file the user points a command at: a regular file of bounded size, or a plain refusal.

A FIFO, /dev/zero or another device would block or never end, so they are refused by their type
before they are opened; a regular file is read to at most ``limit`` bytes (a file that grows while
it is read is refused too). Callers read their input before they take the data folder's lock.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from core.app_info import program_name


class InputError(ValueError):
    """The file cannot be used as input; the message is one plain sentence naming it."""


def read_input(path: Path, *, limit: int, what: str) -> bytes:
    """The bytes of ``path``; ``what`` names the kind of file in messages ("profile", "bundle"). One that cannot be
    read is named by its whole path (seen by a tester: "cannot read arabic.json", not saying where it was looked)."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise InputError(f"{what}: cannot read {path.absolute()}: {error.strerror or error}") from error
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{what}: {path.name} is not a regular file (a folder, device or pipe); choose a file")
    if info.st_size > limit:
        raise InputError(f"{what}: {path.name} is larger than {limit // 1_000_000 or 1} MB, the limit for this kind of file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(f"{what}: cannot read {path.absolute()}: {error.strerror or error}") from error
    if len(data) > limit:
        raise InputError(f"{what}: {path.name} grew past {limit // 1_000_000 or 1} MB while it was read")
    return data


def text_encoding(data: bytes) -> str:
    """How to decode a text file a clinic hands in: UTF-16 where it starts with that byte-order mark (a "Unicode"
    save), otherwise UTF-8 with or without its byte-order mark."""
    return "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"


_OTHER_FILES = ((b"%PDF", "a PDF"), (b"PK\x03\x04", "a zipped file (a Word or Excel document?)"),
                (b"SQLite format 3\x00", "a database"), (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
                (b"\x89PNG", "a picture"), (b"\xff\xd8\xff", "a picture"))


def encoding_problem(data: str | bytes, what: str) -> str | None:
    """A JSON file saved in another encoding than UTF-8 (Windows-1252 or Latin-1, by an older editor): said
    as such, not as the JSON parser's "invalid unicode code point"."""
    if isinstance(data, bytes):
        kind = next((kind for start, kind in _OTHER_FILES if data.startswith(start)), None)
        if kind:  # seen by a clinic's tester: a handout PDF given as the profile was told to be saved as UTF-8
            return f"{what}: the file is {kind}, not a JSON file; give the {what}'s JSON file"
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode"
            return f"{what}: the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8 and try again"
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return (f"{what}: the file is not UTF-8 text (saved as Windows-1252 or Latin-1?); save it as UTF-8 and "
                    "try again")
    return None


# Treadwell's own JSON files, each by fields only it has: (what a reader calls it, the fields, the file in words, and
# the command it is for).
_OWN_FILES = (("profile", ("etiology", "resting_hr"), "a patient profile", "plan PROFILE.json"),
              ("session", ("date", "week", "minutes"), "a walk (one session of the log)",
               "sessions add PATIENT_ID SESSION.json"),
              ("plan bundle", ("bundle_version", "content"), "a plan bundle (a patient exported)",
               "plans import BUNDLE.json"))
_READ_AS = {"profile": "a patient profile", "session": "a walk", "plan bundle": "a plan bundle"}


def another_own_file(data: str | bytes | object, what: str, *, with_command: bool = True) -> str | None:
    """Where a file (its text, or its JSON read) refused as a ``what`` ("profile", "session", "plan bundle") is
    another of Treadwell's own files, that said, and the command it is for (seen by a tester: a profile given to
    sessions add had each of its 29 fields refused, and not one line said it was a profile). None otherwise."""
    import json

    try:
        values = json.loads(data) if isinstance(data, (str, bytes)) else data
    except (RecursionError, ValueError):
        return None
    if not isinstance(values, dict):
        return None
    for kind, fields, name, command in _OWN_FILES:
        if kind != what and values.keys() >= set(fields):
            return (f"the file is {name}, not {_READ_AS[what]}" +
                    (f"; give it to {program_name()} {command}" if with_command else ""))
    return None


_PLAIN_WORDS = (("less than or equal to ", "at most "), ("greater than or equal to ", "at least "),
                ("greater than ", "more than "),
                ("a valid integer", "a whole number, written without a decimal point"), ("a valid number", "a number"),
                ("a valid string", "text"),
                ("a valid boolean", "true or false"), ("a valid array", "a list in square brackets"),
                ("a valid list", "a list in square brackets"), ("an object", "one JSON object in curly braces { }"),
                ("a valid dictionary", "one JSON object in curly braces { }"))


def number_message(given: object) -> str | None:
    """As whole_number_message, for a field that takes decimals: text that is a number in quotes, other text, or true
    or false (seen by a helper: "n/a" was told "written without quotes"). None: none of these."""
    if isinstance(given, bool):
        return "must be a number, not true or false"
    if not isinstance(given, str):
        return None
    try:
        float(given)
    except ValueError:
        return "must be a number, in digits, with a point for decimals (such as 2.5)"
    return "must be a number, written without quotes"


def in_lower_case(value: object) -> object:
    """A choice typed by hand in a file ("A4", " Imperial", "Tanaka") as the window writes it; anything else as given,
    for the field's own check."""
    return value.strip().lower() if isinstance(value, str) else value


def whole_number_message(given: object) -> str | None:
    """What a whole-number field given as text, or as true or false, is told: "72" in quotes in a file is not "written
    without a decimal point" (seen in review: a spreadsheet's numbers as text were sent after the wrong problem, and
    a pain of true was told the same). None: neither."""
    if isinstance(given, bool):
        return "must be a whole number, not true or false"
    if not isinstance(given, str):
        return None
    return ("must be a whole number, written without quotes" if given.strip().isdigit()
            else "must be a whole number, in digits only")


def said_plainly(message: str) -> str:
    """A validation message as Treadwell's own messages say it: pydantic's "Input should be less than or
    equal to 20" is "must be at most 20", "String should have at least 2 characters" is "must have at least
    2 characters", any date it cannot read "must be a real date written YYYY-MM-DD"; a message of another
    form keeps its words, lower-cased first."""
    message = message.removeprefix("Value error, ")
    if message.startswith(("Input should be a valid date", "Datetimes provided to dates should have zero time")):
        return "must be a real date written YYYY-MM-DD, such as 2026-11-30"  # 01/12/2026, 2026-02-30, 20261201
    if message.startswith("String should have "):
        return "must have " + message.removeprefix("String should have ")
    if message.startswith(("Tuple should have ", "List should have ")):  # "... at most 2 items after validation, not 3"
        count = message.split(" should have ", 1)[1].split(" after validation")[0]
        given = message.rsplit(", not ", 1)[-1] if ", not " in message else ""
        return f"must have {count}" + (f"; it has {given}" if given.isdigit() else "")
    if not message.startswith("Input should be "):
        return message[:1].lower() + message[1:]
    rest = message.removeprefix("Input should be ")
    for tail in (", unable to parse", ", got a number", ", unable to interpret"):
        rest = rest.split(tail)[0]
    rest = rest.split(" or instance of ")[0]  # pydantic names its own class: "or instance of BundledVersion"
    for words, plain in _PLAIN_WORDS:
        rest = rest.replace(words, plain)
    return "must be " + rest
