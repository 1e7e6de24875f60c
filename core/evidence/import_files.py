"""Reading a clinic's study file (CSV or JSON) into numbered rows: bounded, regular files only, UTF-8,
one plain sentence for a file that cannot be read. core/evidence/importer.py checks the rows."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from core.inputs import InputError, read_input, text_encoding

MAX_IMPORT_BYTES = 20_000_000
REQUIRED_COLUMNS = ("first_author", "year", "species", "model", "exercise_type", "protocol", "evidence_level")
OPTIONAL_COLUMNS = (
    "id", "title", "journal", "doi", "etiologies", "speed_reported", "speed_m_per_min", "minutes_low",
    "minutes_high", "sessions_per_day", "days_per_week", "weeks", "findings", "pain_outcome", "source_note",
)
SHOWN_NAME = re.compile(r"[\w .()/-]{1,40}")


class FileProblem(Exception):
    def __init__(self, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.row = row


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise FileProblem("the file must end in .csv or .json")
    what = "evidence file"
    try:
        data = read_input(path, limit=MAX_IMPORT_BYTES, what=what)
    except InputError as error:  # "evidence file: NAME is ...": the report names the file already
        raise FileProblem(str(error).removeprefix(f"{what}: ")) from error
    try:
        text = data.decode(text_encoding(data))  # a UTF-16 "Unicode" save too, as the settings file
    except UnicodeDecodeError as error:
        raise FileProblem("the file is not UTF-8 text; save it as 'CSV UTF-8' or UTF-8 JSON") from error
    return _json_rows(text) if suffix == ".json" else _csv_rows(text)


class _Object(dict):
    """A JSON object that remembers the keys it was given more than once (json keeps only the last)."""

    repeated: list[str]


def _json_object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object(pairs)
    counts = Counter(key for key, _ in pairs)
    result.repeated = [key for key, count in counts.items() if count > 1]
    return result


def _refuse_constant(name: str) -> None:
    raise FileProblem(f"the JSON holds {name}, which is not a number; write a number or leave the field out")


def _json_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        items = json.loads(text, object_pairs_hook=_json_object, parse_constant=_refuse_constant)
    except (json.JSONDecodeError, RecursionError) as error:
        where = f" at line {error.lineno}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
        raise FileProblem(f"the JSON cannot be read: {getattr(error, 'msg', 'nested too deeply')}{where}") from error
    except ValueError as error:  # Python reads at most 4,300 digits of a whole number (seen by a tester: a traceback)
        raise FileProblem("the JSON holds a number too long to read (more than 4,300 digits); write the number as it "
                          "should be") from error
    if not isinstance(items, list):
        raise FileProblem("the JSON must be a list of study objects: [{...}, {...}]")
    # the items that are not studies named, as a row's problems are (seen by a helper: which of the list, not said)
    if others := [number for number, item in enumerate(items, start=1) if not isinstance(item, dict)]:
        shown = ", ".join(map(str, others[:5])) + (" and more" if len(others) > 5 else "")
        raise FileProblem(f"the JSON must be a list of study objects; {'item' if len(others) == 1 else 'items'} "
                          f"{shown} of the list {'is' if len(others) == 1 else 'are'} not (a study is written {{...}})")
    return [(number, {"_json": item}) for number, item in enumerate(items, start=1)]


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    records = _csv_records(reader, unclosed_quote=_ends_inside_a_quote(text))
    header = [name.strip() for name in next(records, (1, []))[1]]
    if header and header[0].lower().startswith("sep=") and not any(header[1:]):  # Excel's "sep=," hint line
        header = [name.strip().lstrip("\ufeff") for name in next(records, (2, []))[1]]
    if not any(header):
        raise FileProblem("the file is empty: its first line names the columns (see import-template.csv)")
    header = [name.lower() for name in header]  # First_Author is first_author
    if len(header) == 1 and any(sep in header[0] for sep in (";", "\t")):
        raise FileProblem("the columns are not separated by commas; save the file as CSV with commas")
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise FileProblem(f"missing columns: {', '.join(missing)} (see import-template.csv)")
    repeated = [name for name, count in Counter(header).items() if count > 1]
    if repeated:
        raise FileProblem(f"columns given more than once: {_names(header, repeated)}; keep one of each")
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise FileProblem(f"unknown columns: {_names(header, unknown)} (see import-template.csv)")
    rows = []
    for row_number, cells in records:
        if len(cells) > len(header):
            rows.append((row_number, {"_extra_cells": True}))
            continue
        if any(cell.strip() for cell in cells):
            rows.append((row_number, {"_cells": dict(zip(header, cells + [""] * (len(header) - len(cells))))}))
    return rows


def _ends_inside_a_quote(text: str) -> bool:
    """A quote (") opened and never closed: the rest of the file is read as one cell of that row, whose other
    cells then look empty ("evidence_level: is required"). Only Python's strict reading says so."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _csv_records(reader, *, unclosed_quote: bool = False):
    """(row number, cells) of every record; rows are counted as a spreadsheet counts them (the header is
    row 1), so a cell holding a line break does not shift the numbers. A broken file is one plain sentence."""
    row_number = 0
    while True:
        row_number += 1
        try:
            cells = next(reader)
        except StopIteration:
            if unclosed_quote:  # the last record is the row where the quote was opened
                raise FileProblem('a quote (") opened in this row is never closed, so the rest of the file reads '
                                  "as one cell; add the closing quote", row=row_number - 1) from None
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise FileProblem(f"a cell is longer than {csv.field_size_limit():,} characters; "
                                   "is a closing quote (\") missing?", row=row_number) from error
            raise FileProblem(f"the CSV cannot be read ({error})", row=row_number) from error
        yield row_number, cells


def _names(header: list[str], names: list[str]) -> str:
    """Column names for a message: as written when they are plain, else by position; at most ten."""
    shown = []
    for name in names[:10]:
        shown.append(name if SHOWN_NAME.fullmatch(name) else f"column {header.index(name) + 1}")
    more = f" and {len(names) - 10} more" if len(names) > 10 else ""
    return ", ".join(shown) + more
