"""The etiologies as the picker lists them: each with its description, human evidence, safety
points and study count.

Plain dataclasses and the standard library's sqlite3, so the window's first frame can show them
straight from the records database, before pydantic and sqlite-utils load. The rows were validated
by pydantic when the library was installed; here each field's type is checked again, and a row that
fails names its etiology and field.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.evidence.shipped import shipped_library_version
from core.storage.evidence_tables import ETIOLOGIES, STATE, STUDY_ETIOLOGIES

FIRST_FRAME_TIMEOUT_S = 0.2  # never keep the first frame waiting on another program's lock


class EntryError(ValueError):
    """An etiology row that is not what the library installs."""


@dataclass(frozen=True)
class Source:
    label: str
    doi: str | None
    unverified: bool


@dataclass(frozen=True)
class SafetyPoint:
    text: str
    source: Source


@dataclass(frozen=True)
class AnimalModelEntry:
    name: str
    study_ids: tuple[str, ...]  # the library's pain studies that used it: its sources


@dataclass(frozen=True)
class EtiologyEntry:
    id: str
    name: str
    description: str
    description_source: Source
    study_count: int
    animal_models: tuple[AnimalModelEntry, ...]
    human_evidence: str
    human_sources: tuple[Source, ...]
    safety: tuple[SafetyPoint, ...]
    no_animal_treadmill_note: str | None


def etiology_entries(connection: sqlite3.Connection) -> list[EtiologyEntry]:
    """Every installed etiology in library order, with how many studies (library and local) it has."""
    rows = connection.execute(
        f"select e.json, (select count(*) from {STUDY_ETIOLOGIES} se where se.etiology_id = e.id) "
        f"from {ETIOLOGIES} e order by e.position").fetchall()
    return [_entry(_parse(raw), count) for raw, count in rows]


def read_installed_entries(database_path: Path) -> list[EtiologyEntry] | None:
    """The entries for the first frame, read-only, when the database holds the shipped library's version.
    None when there is no database yet, another version is about to be installed, or anything is
    amiss: the full start-up then opens, checks and reports on the records as usual (and replaces
    these entries with its own, read by ``etiology_entries`` after it checked the whole library)."""
    if not database_path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=FIRST_FRAME_TIMEOUT_S)
        try:
            installed = connection.execute(f"select value from {STATE} where key = 'library_version'").fetchone()
            if installed is None or installed[0] != shipped_library_version():
                return None
            return etiology_entries(connection)
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError):
        return None


def _parse(raw: Any) -> Any:
    try:
        return json.loads(raw)
    except (TypeError, ValueError) as error:
        raise EntryError(f"An etiology row in {ETIOLOGIES} is not JSON text ({error}).") from error


def _entry(record: Any, study_count: int) -> EtiologyEntry:
    where = f"etiology {record.get('id')!r}" if isinstance(record, dict) else ETIOLOGIES
    _object(record, where)
    return EtiologyEntry(
        id=_text(record, "id", where),
        name=_text(record, "name", where),
        description=_text(record, "description", where),
        description_source=_source(record.get("description_source"), f"{where}, description_source"),
        study_count=int(study_count),
        animal_models=tuple(_animal_model(item, f"{where}, animal_models") for item in _list(record, "animal_models", where)),
        human_evidence=_text(record, "human_evidence", where),
        human_sources=tuple(_source(item, f"{where}, human_citations") for item in _list(record, "human_citations", where)),
        safety=tuple(_safety_point(item, f"{where}, safety") for item in _list(record, "safety", where)),
        no_animal_treadmill_note=_optional_text(record, "no_animal_treadmill_note", where),
    )


def _animal_model(item: Any, where: str) -> AnimalModelEntry:
    _object(item, where)
    ids = _list(item, "study_ids", where)
    return AnimalModelEntry(name=_text(item, "name", where),
                            study_ids=tuple(_checked_text(i, "study_ids", where) for i in ids))


def _safety_point(item: Any, where: str) -> SafetyPoint:
    _object(item, where)
    return SafetyPoint(text=_text(item, "text", where), source=_source(item.get("citation"), f"{where}, citation"))


def _source(item: Any, where: str) -> Source:
    _object(item, where)
    unverified = item.get("unverified", False)
    if not isinstance(unverified, bool):
        raise EntryError(f"{where}: field 'unverified' must be true or false.")
    return Source(label=_text(item, "label", where), doi=_optional_text(item, "doi", where), unverified=unverified)


def _object(item: Any, where: str) -> None:
    if not isinstance(item, dict):
        raise EntryError(f"{where}: expected an object with named fields.")


def _list(record: dict, key: str, where: str) -> list:
    value = record.get(key, [])
    if not isinstance(value, list):
        raise EntryError(f"{where}: field {key!r} must be a list.")
    return value


def _text(record: dict, key: str, where: str) -> str:
    return _checked_text(record.get(key), key, where)


def _checked_text(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise EntryError(f"{where}: field {key!r} must be non-empty text.")
    return value


def _optional_text(record: dict, key: str, where: str) -> str | None:
    return None if record.get(key) is None else _text(record, key, where)
