"""Clinician-added studies from a CSV or JSON file: checked row by row, saved all-or-nothing.

The CSV template and its notes are in ``resources/evidence/import-template.csv`` and
``import-template.md``. Imported studies get ids starting ``local-`` and origin 'local', so a
library update never replaces or collides with them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import sqlite_utils
from pydantic import BaseModel, ValidationError

from core.evidence.models import Study
from core.storage import evidence_store

MAX_IMPORT_BYTES = 20_000_000
REQUIRED_COLUMNS = ("first_author", "year", "species", "model", "exercise_type", "protocol", "evidence_level")
OPTIONAL_COLUMNS = (
    "id", "title", "journal", "doi", "etiologies", "speed_reported", "speed_m_per_min", "minutes_low",
    "minutes_high", "sessions_per_day", "days_per_week", "weeks", "findings", "pain_outcome", "source_note",
)
LIST_SEPARATOR = ";"
FORMULA_START = ("=", "@")


class ImportProblem(BaseModel):
    row: int | None  # CSV line or JSON item number (1-based); None for the whole file
    field: str | None
    message: str

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        return f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ImportReport(BaseModel):
    file: str
    added: list[str] = []
    problems: list[ImportProblem] = []

    @property
    def ok(self) -> bool:
        return not self.problems


def import_studies(db: sqlite_utils.Database, path: Path) -> ImportReport:
    """Validate every row; if all are valid, add them in one transaction, else add nothing."""
    report = ImportReport(file=path.name)
    try:
        raw_rows = _read_rows(path)
    except _FileProblem as problem:
        report.problems.append(ImportProblem(row=None, field=None, message=str(problem)))
        return report
    known_etiologies = {e.id for e in evidence_store.load_etiologies(db)}
    known_mechanisms = {m.id for m in evidence_store.load_mechanisms(db)}
    studies: list[Study] = []
    seen_ids: dict[str, int] = {}
    for row_number, raw in raw_rows:
        problems, study, candidate = _validate_row(row_number, raw, path.name)
        problems += _check_references(row_number, candidate, known_etiologies, known_mechanisms)
        if study is not None:
            if study.id in seen_ids and not _has_own_id(raw):
                study = study.model_copy(update={"id": _next_free_id(study.id, seen_ids)})
            if study.id in seen_ids:
                problems.append(ImportProblem(row=row_number, field="id",
                                              message=f"duplicate id: also used on row {seen_ids[study.id]}"))
            seen_ids.setdefault(study.id, row_number)
            studies.append(study)
        report.problems += problems
    for study_id in sorted(evidence_store.existing_study_ids(db, seen_ids)):
        report.problems.append(ImportProblem(row=seen_ids[study_id], field="id",
                                             message=f"a study with id '{study_id}' is already in the library"))
    if not raw_rows:
        report.problems.append(ImportProblem(row=None, field=None, message="the file holds no studies"))
    if report.problems:
        report.problems.sort(key=lambda p: (p.row or 0, p.field or ""))
        return report
    evidence_store.add_local_studies(db, studies)
    report.added = [s.id for s in studies]
    return report


class _FileProblem(Exception):
    pass


def _read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise _FileProblem(f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as error:
        raise _FileProblem(f"cannot read the file: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _FileProblem("the file is not UTF-8 text; save it as 'CSV UTF-8' or UTF-8 JSON") from error
    if path.suffix.lower() == ".json":
        return _json_rows(text)
    if path.suffix.lower() == ".csv":
        return _csv_rows(text)
    raise _FileProblem("the file must end in .csv or .json")


def _json_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        items = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise _FileProblem(f"the JSON cannot be read: {getattr(error, 'msg', 'nested too deeply')}") from error
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _FileProblem("the JSON must be a list of study objects")
    return [(number, {"_json": item}) for number, item in enumerate(items, start=1)]


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    if len(header) == 1 and any(sep in header[0] for sep in (";", "\t")):
        raise _FileProblem("the columns are not separated by commas; save the file as CSV with commas")
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise _FileProblem(f"missing columns: {', '.join(missing)} (see import-template.csv)")
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise _FileProblem(f"unknown columns: {', '.join(unknown)} (see import-template.csv)")
    reader.fieldnames = header
    rows = []
    for record in reader:
        if None in record:
            rows.append((reader.line_num, {"_extra_cells": True}))
            continue
        if any((value or "").strip() for value in record.values()):
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in record.items()}))
    return rows


def _validate_row(
    row_number: int, raw: dict[str, Any], file_name: str
) -> tuple[list[ImportProblem], Study | None, dict[str, Any]]:
    """Problems, the study if valid, and the candidate fields (for the reference checks)."""
    if raw.get("_extra_cells"):
        return [ImportProblem(row=row_number, field=None, message="more cells than columns")], None, {}
    if "_json" in raw:
        candidate = dict(raw["_json"])
    else:
        formula = [c for c, v in raw.items() if v.startswith(FORMULA_START)]
        if formula:
            return [ImportProblem(row=row_number, field=c, message="looks like a spreadsheet formula; "
                                  "type the value itself") for c in formula], None, {}
        try:
            candidate = _csv_to_study_fields(raw)
        except ValueError as error:
            field, message = error.args
            return [ImportProblem(row=row_number, field=field, message=message)], None, {}
    candidate["origin"] = "local"
    candidate["id"] = _local_id(candidate)
    candidate.setdefault("sources", [{"review": "local-import", "location": f"{file_name}, row {row_number}"}])
    try:
        return [], Study.model_validate(candidate), candidate
    except ValidationError as error:
        return [
            ImportProblem(row=row_number, field=".".join(str(p) for p in e["loc"]) or None, message=e["msg"])
            for e in error.errors(include_url=False, include_input=False)
        ], None, candidate


def _csv_to_study_fields(raw: dict[str, str]) -> dict[str, Any]:
    def number(column: str) -> str | None:
        return raw.get(column) or None

    low, high = number("minutes_low"), number("minutes_high")
    minutes = None if low is None and high is None else [low or high, high or low]
    source_note = raw.get("source_note")
    return {
        "id": raw.get("id") or None,
        "first_author": raw["first_author"],
        "year": raw["year"],
        "title": raw.get("title") or None,
        "journal": raw.get("journal") or None,
        "doi": raw.get("doi") or None,
        "species": raw["species"] or None,
        "model": raw["model"],
        "etiologies": _split(raw.get("etiologies", "")),
        "exercise": {
            "type": raw["exercise_type"],
            "speed_reported": raw.get("speed_reported") or None,
            "speed_m_per_min": number("speed_m_per_min"),
            "minutes_per_session": minutes,
            "sessions_per_day": number("sessions_per_day"),
            "days_per_week": number("days_per_week"),
            "weeks": number("weeks"),
            "protocol": raw["protocol"],
        },
        "findings": [_finding(item) for item in _split(raw.get("findings", ""))],
        "pain_outcome": raw.get("pain_outcome") or None,
        "evidence_level": raw["evidence_level"],
        **({"evidence_note": f"Source given by the clinician: {source_note}"} if source_note else {}),
    }


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def _finding(item: str) -> dict[str, str]:
    parts = [p.strip() for p in item.rsplit(":", 2)]
    if len(parts) != 3:
        raise ValueError("findings", f"'{item}' should be marker:direction:mechanism, e.g. TNF-α:down:neuroinflammation-glia")
    return {"marker": parts[0], "direction": parts[1], "mechanism": parts[2]}


def _check_references(
    row: int, candidate: dict[str, Any], etiologies: set[str], mechanisms: set[str]
) -> list[ImportProblem]:
    """Unknown etiology and mechanism ids, reported even when other fields of the row are wrong."""
    given_etiologies = candidate.get("etiologies")
    given_findings = candidate.get("findings")
    problems = [
        ImportProblem(row=row, field="etiologies", message=f"unknown etiology '{e}'; allowed: {', '.join(sorted(etiologies))}")
        for e in (given_etiologies if isinstance(given_etiologies, list) else [])
        if isinstance(e, str) and e not in etiologies
    ]
    mechanism_ids = [f.get("mechanism") for f in (given_findings if isinstance(given_findings, list) else []) if isinstance(f, dict)]
    problems += [
        ImportProblem(row=row, field="findings", message=f"unknown mechanism '{m}'; allowed: {', '.join(sorted(mechanisms))}")
        for m in mechanism_ids
        if isinstance(m, str) and m not in mechanisms
    ]
    return problems


def _has_own_id(raw: dict[str, Any]) -> bool:
    given = raw["_json"].get("id") if "_json" in raw else raw.get("id")
    return bool(given)


def _next_free_id(base: str, taken: dict[str, int]) -> str:
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _local_id(candidate: dict[str, Any]) -> str:
    given = candidate.get("id")
    base = given if isinstance(given, str) and given.strip() else f"{candidate.get('first_author', '')}-{candidate.get('year', '')}"
    slug = _slugify(str(base))
    return slug if slug.startswith("local-") else f"local-{slug or 'study'}"


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:70]
