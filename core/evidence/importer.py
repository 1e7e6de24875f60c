"""Clinician-added studies from a CSV or JSON file: checked row by row, saved all-or-nothing.

The CSV template and its notes are in ``resources/evidence/import-template.csv`` and
``import-template.md``. Imported studies get ids starting ``local-`` and origin 'local', so a
library update never replaces or collides with them. The template's example row (a shipped study, marked
EXAMPLE ROW) is refused with the reason (import_messages.py), never imported.

The file is read and parsed by ``read_study_file`` without the database (so a command reads its
input before it takes the data folder's lock); ``import_study_file`` checks every row against the
library and saves them all, or nothing. ``import_studies`` does both.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from core.evidence.import_csv import CSV_FIELDS, DECIMAL, cleaned, column_of, study_fields
from core.evidence.import_messages import example_row_problem, is_reference, plain_message
from core.evidence.models import Study
from core.evidence.import_files import (  # noqa: F401 (MAX_IMPORT_BYTES: the limit, for callers)
    MAX_IMPORT_BYTES, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, SHOWN_NAME, FileProblem, read_rows,
)

# OWASP CSV injection: a spreadsheet may run a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LOCAL_REVIEW = "local-import"  # the only source an imported study can name (he-2024, ghanbari-2025 are curated)
ID_MAX_LENGTH = 80  # core.evidence.models.Slug

# C0 and C1 controls (tab and line feed allowed inside text), bidi embeddings, overrides and isolates,
# and the Unicode line and paragraph separators: they can hide or reorder text on screen and in a terminal.
_FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class ImportProblem(BaseModel):
    row: int | None  # CSV row (the header is row 1) or JSON item number (1-based); None for the whole file
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


@dataclass
class StudyFile:
    """A file read and split into rows, before any check against the library."""

    name: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)  # problems with the file as a whole


def read_study_file(path: Path) -> StudyFile:
    """Read (bounded, regular files only) and parse the file; no database is touched."""
    study_file = StudyFile(name=path.name)
    try:
        study_file.rows = read_rows(path)
    except FileProblem as problem:
        study_file.problems.append(ImportProblem(row=problem.row, field=None, message=str(problem)))
        return study_file
    if not study_file.rows:
        study_file.problems.append(ImportProblem(row=None, field=None, message="the file holds no studies"))
    return study_file


def check_study_file(
    study_file: StudyFile,
    known_etiologies: set[str],
    known_mechanisms: set[str],
    already_present: Callable[[Iterable[str]], set[str]],
    dois_present: Callable[[Iterable[str]], dict[str, str]] = lambda dois: {},
) -> tuple[ImportReport, list[Study]]:
    """Check every row of a file read by ``read_study_file`` against the library's etiologies and mechanisms,
    the ids ``already_present`` finds and the DOIs ``dois_present`` finds (DOI -> the study that has it); the
    studies to add, or a report of every problem (then none)."""
    report = ImportReport(file=study_file.name, problems=list(study_file.problems))
    if report.problems:
        return report, []
    studies: list[Study] = []
    ids = _Ids()
    made = set()  # ids made from author and year, for rows that left the id empty
    repeats = _Repeats()
    for row_number, raw in study_file.rows:
        problems, study, candidate = _validate_row(row_number, raw, study_file.name)
        problems += _check_references(row_number, candidate, known_etiologies, known_mechanisms)
        if study is not None:
            repeated = repeats.of(row_number, study)
            problems += repeated
            if not _has_own_id(raw):
                if study.id in ids.rows:
                    study = study.model_copy(update={"id": ids.next_free(study.id)})
                made.add(study.id)
            if study.id in ids.rows and not repeated:  # a study given twice is said as such, not as its id
                problems.append(ImportProblem(row=row_number, field="id",
                                              message=f"duplicate id: also used on row {ids.rows[study.id]}"))
            ids.rows.setdefault(study.id, row_number)
            studies.append(study)
        report.problems += problems
    for study_id in sorted(already_present(ids.rows)):
        another = (f" (imported before?); if this row is another study, give it its own id, such as "
                   f"{_free_id(ids, study_id, already_present)}" if study_id in made else "")
        message = f"a study with id '{study_id}' is already in the library{another}"
        report.problems.append(ImportProblem(row=ids.rows[study_id], field="id", message=message))
    for doi, study_id in sorted(dois_present(repeats.dois).items()):
        report.problems.append(ImportProblem(row=repeats.dois[doi], field="doi", message=(
            f"the library already has this study, as '{study_id}' (the same DOI): imported again, it would be counted "
            "twice in the dosing summaries")))
    if report.problems:
        report.problems.sort(key=lambda p: (p.row or 0, p.field or ""))
        return report, []
    return report, studies


def _free_id(ids: _Ids, base: str, already_present: Callable[[Iterable[str]], set[str]]) -> str:
    """An id made from ``base`` that neither the file nor the library has (seen by a helper: "such as
    local-smith-2024-b" of an id the library had)."""
    while (candidate := ids.next_free(base)) in already_present([candidate]):
        pass
    return candidate


class _Ids:
    """The ids used so far (id -> row) and, per generated base, the next suffix to try: a run of
    rows with the same author and year costs one step each, not a scan from -2 every time."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self._next_suffix: dict[str, int] = {}

    def next_free(self, base: str) -> str:
        number = self._next_suffix.get(base, 2)
        while True:
            suffix = f"-{number}"
            candidate = base[: ID_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
            number += 1
            if candidate not in self.rows:
                self._next_suffix[base] = number
                return candidate


def _validate_row(
    row_number: int, raw: dict[str, Any], file_name: str
) -> tuple[list[ImportProblem], Study | None, dict[str, Any]]:
    """Problems, the study if valid, and the candidate fields (for the reference checks). Every problem of
    the row is found in one run: a refused value (a formula, a number that is not one) is left out of the
    study, named once, and the other fields are still checked."""
    if raw.get("_extra_cells"):
        return [ImportProblem(row=row_number, field=None, message="more cells than columns")], None, {}
    example = example_row_problem(raw)
    problems = [ImportProblem(row=row_number, field=None, message=example)] if example else []
    finding_numbers: list[int] | None = None
    if "_json" in raw:
        item = raw["_json"]
        problems += [ImportProblem(row=row_number, field=path, message=message) for path, message in _json_text_problems(item)]
        reported = {p.field for p in problems if p.field}
        candidate = dict(item)
    else:
        cells = raw["_cells"]
        refused = _cell_problems(cells)
        left_out = {column for column, _ in refused}
        candidate, wrong, finding_numbers = study_fields(
            {column: "" if column in left_out else cleaned(value) for column, value in cells.items()})
        problems += [ImportProblem(row=row_number, field=c, message=m) for c, m in refused + wrong]
        # A malformed finding is left out of the list, so the others are still checked.
        reported = {CSV_FIELDS.get(c, c) for c, _ in refused + wrong if c != "findings"}
    problems += _claims(row_number, candidate, species_known="species" not in reported)
    candidate["origin"] = "local"
    if problem := _given_id_problem(candidate.get("id")):  # used as given: never rewritten without a word
        problems.append(ImportProblem(row=row_number, field="id", message=problem))
    candidate["id"] = _local_id(candidate)
    candidate.setdefault("sources", [{"review": LOCAL_REVIEW, "location": f"{file_name}, row {row_number}"}])
    try:
        # Strict: a number is a number ("2_020" and "2020" are not years, true is not 1), as typed in JSON.
        study = Study.model_validate_json(json.dumps(candidate, ensure_ascii=False), strict=True)
    except ValidationError as error:
        return problems + _model_problems(row_number, error, reported, finding_numbers), None, candidate
    return problems, (None if problems else study), candidate


def _model_problems(
    row: int, error: ValidationError, reported: set[str], finding_numbers: list[int] | None
) -> list[ImportProblem]:
    """The study model's objections in plain words (import_messages.py), leaving out fields already named
    and etiology and mechanism ids, which ``_check_references`` names with the ids allowed."""
    problems = []
    for item in error.errors(include_url=False):  # the input looked at, never quoted (plain_message)
        loc = tuple(item["loc"])
        if finding_numbers is not None and len(loc) > 1 and loc[0] == "findings" and isinstance(loc[1], int):
            loc = ("findings", finding_numbers[loc[1]], *loc[2:])  # numbered as in the cell
        path = ".".join(str(part) for part in loc)
        if any(path == field or path.startswith(field + ".") for field in reported):
            continue
        if item["type"] == "string_pattern_mismatch" and is_reference(loc):
            continue
        message = plain_message(loc, item["type"], item["msg"], item.get("input"))
        if len(loc) > 2 and loc[0] == "findings" and isinstance(loc[1], int):  # by its place, counted from 1
            path, message = "findings", f"finding {loc[1] + 1}: its {'.'.join(map(str, loc[2:]))} {message}"
        elif finding_numbers is not None:  # a CSV row: the column the clinician typed in, not the model's path
            path = column_of(path)
        else:  # seen by a tester: "sources.0.review" (a JSON list's first item counted from 0)
            path = ".".join(f"{part + 1}" if isinstance(part, int) else str(part) for part in loc)
        problems.append(ImportProblem(row=row, field=path or None, message=message))
    return problems


def _text_problem(value: str) -> str | None:
    """Why a cell or a JSON string cannot be imported as it is, or None. The value is never repeated."""
    stripped = value.strip()
    start = value[:1] if value[:1] in ("\t", "\r") else stripped[:1]
    if stripped and start in FORMULA_START and not DECIMAL.fullmatch(stripped):
        message = "looks like a spreadsheet formula; type the value itself"
        if start not in ("=", "@"):
            shown = {"\t": "a tab", "\r": "a line break"}.get(start, f"'{start}'")
            message += f" (a cell may start with {shown} only when it is a plain number)"
        return message
    bad = _FORBIDDEN_CHARACTER.search(value.replace("\r\n", "\n").replace("\r", "\n"))
    if bad:
        return (f"holds the invisible control character U+{ord(bad.group()):04X}, which can hide or reorder "
                "text; delete it")
    return None


def _cell_problems(cells: dict[str, str]) -> list[tuple[str, str]]:
    problems = []
    for column, value in cells.items():
        message = _text_problem(value) if value else None
        if message:
            problems.append((column, message))
        elif column in REQUIRED_COLUMNS and not value.strip():
            problems.append((column, "is required; see import-template.md"))
    return problems


class _Repeats:
    """A study given twice in one file, by its DOI or by every column but its id (seen in review: two identical rows
    were imported as local-dup-2023 and local-dup-2023-2, and the dosing summary counted the study twice)."""

    def __init__(self) -> None:
        self.dois: dict[str, int] = {}  # DOI (lower case) -> the row that gives it first
        self._contents: dict[str, int] = {}

    def of(self, row: int, study: Study) -> list[ImportProblem]:
        if study.doi:
            doi = study.doi.lower()
            if doi in self.dois:
                return [ImportProblem(row=row, field="doi", message=f"the same study as row {self.dois[doi]} (the same "
                                      "DOI): one study is one row; delete one")]
            self.dois[doi] = row
        content = json.dumps(study.model_dump(mode="json", exclude={"id", "sources"}), sort_keys=True)
        if content in self._contents:
            return [ImportProblem(row=row, field=None, message=f"the same study as row {self._contents[content]} "
                                  "(every column alike but the id): one study is one row; delete one")]
        self._contents[content] = row
        return []


def _json_text_problems(item: dict[str, Any]) -> list[tuple[str | None, str]]:
    """Repeated keys and unsafe strings anywhere in a JSON study, by dotted path (walked without recursion)."""
    problems = []
    stack: list[tuple[str, Any]] = [("", item)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            message = _text_problem(value)
            if message:
                problems.append((path or None, message))
        elif isinstance(value, dict):
            for key in getattr(value, "repeated", []):
                problems.append((f"{path}.{key}" if path else key,
                                 "given more than once in this study; keep one (JSON keeps only the last)"))
            stack += [(f"{path}.{key}" if path else str(key), child) for key, child in value.items()]
        elif isinstance(value, list):
            stack += [(f"{path}.{index}" if path else str(index), child) for index, child in enumerate(value)]
    return sorted(problems, key=lambda p: p[0] or "")


def _claims(row: int, candidate: dict[str, Any], species_known: bool = True) -> list[ImportProblem]:
    """What a clinic cannot claim for its own study (import-template.md, "What Treadwell sets"): the
    library's origin, the curated reviews as a source, curators' data-quality flags, and an evidence
    level above 5 for a study that is not of people (not judged when the species was refused)."""
    problems = []
    origin = candidate.get("origin", "local")
    if origin != "local":
        problems.append(ImportProblem(row=row, field="origin", message="an imported study is always 'local'; "
                                      "leave origin out"))
    sources = candidate.get("sources")
    if isinstance(sources, list):
        curated = sorted({s.get("review") for s in sources if isinstance(s, dict) and s.get("review") != LOCAL_REVIEW},
                         key=str)
        if curated:
            problems.append(ImportProblem(row=row, field="sources", message=(
                f"an imported study cannot name {', '.join(_source_name(r) for r in curated)} as its source: only "
                f"the shipped library's curators cite those reviews; leave sources out and Treadwell records the "
                f"file and row")))
    if candidate.get("flags"):
        problems.append(ImportProblem(row=row, field="flags", message=(
            "data-quality flags are set by the library's curators; leave them out and put your own notes in "
            "evidence_note")))
    level, species = candidate.get("evidence_level"), candidate.get("species")
    if species_known and type(level) is int and 1 <= level <= 4 and species != "human":
        problems.append(ImportProblem(row=row, field="evidence_level", message=(
            "only a study of people can be level 1-4 (OCEBM 2011); animal and other studies are level 5")))
    return problems


def _source_name(review: Any) -> str:
    return f"'{review}'" if isinstance(review, str) and SHOWN_NAME.fullmatch(review) else "a review"


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
    """Whether the row names its id (used as given, so a repeat is a problem) rather than having one made."""
    given = raw["_json"].get("id") if "_json" in raw else raw["_cells"].get("id", "")
    return isinstance(given, str) and bool(given.strip())


GIVEN_ID_MAX_LENGTH = 70  # as _slugify keeps it: with "local-" within ID_MAX_LENGTH
_GIVEN_ID = re.compile(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*")


def _given_id_problem(given: object) -> str | None:
    """An id the row gives is used as typed (lower-cased): "has space" was imported as local-has-space, "../etc"
    as local-etc, and two ids cut to the same 70 characters were called duplicates of each other."""
    if not isinstance(given, str) or not given.strip():
        return None
    given = given.strip()
    if not _GIVEN_ID.fullmatch(given):
        return (f"'{given[:40]}' is not an id: use letters a-z, digits 0-9 and single hyphens between them, such as "
                "smith-2024 (or leave it empty to have one made from the author and year)")
    if len(given) > GIVEN_ID_MAX_LENGTH:
        return f"at most {GIVEN_ID_MAX_LENGTH} characters; this one has {len(given)}"
    return None


def _local_id(candidate: dict[str, Any]) -> str:
    given = candidate.get("id")
    base = given if isinstance(given, str) and given.strip() else f"{candidate.get('first_author', '')}-{candidate.get('year', '')}"
    slug = _slugify(str(base))
    return slug if slug.startswith("local-") else f"local-{slug or 'study'}"


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:70]
