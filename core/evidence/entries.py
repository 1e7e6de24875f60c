"""The etiologies as the picker lists them: each with its description, human evidence, safety
points and study count.

Plain named tuples, so the window's first frame can show them straight from the records database
(core/storage/etiology_entries.py reads the rows) before pydantic and sqlite-utils load. The rows
were validated by pydantic when the library was installed; here each field's type is checked again,
and a row that fails names its etiology and field.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from core.citing import cited


class EntryError(ValueError):
    """An etiology row that is not what the library installs."""


class Source(NamedTuple):
    label: str
    doi: str | None
    unverified: bool

    def cited(self) -> str:
        return cited(self.label, self.doi, self.unverified)


class SafetyPoint(NamedTuple):
    text: str
    source: Source


class CertaintyEntry(NamedTuple):
    rating: str | None  # GRADE's high, moderate, low or very low; None: nothing in people on this pain to rate
    why: str
    source: Source

    LABEL = "Certainty (GRADE)"

    @property
    def rated(self) -> str:
        """The rating and why: "very low. Three small studies ...", or "not rated. No trial ..."."""
        return f"{self.rating or 'not rated'}. {self.why}"

    @property
    def in_words(self) -> str:
        """"Certainty (GRADE): very low. Three small studies ...", as the clinician summary says it."""
        return f"{self.LABEL}: {self.rated}"


class AnimalModelEntry(NamedTuple):
    name: str
    study_ids: tuple[str, ...]  # the library's pain studies that used it: its sources
    studies: tuple[str, ...] = ()  # the same by author and year, "Chen 2013" (none in an entry stored before 2026.12.4)

    @property
    def named(self) -> str:
        """The studies as a clinician knows them, or their ids where the stored entry does not name them."""
        return ", ".join(self.studies or self.study_ids)


class EtiologyEntry(NamedTuple):
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
    certainty: CertaintyEntry | None = None  # none in an entry stored before library 2026.12.13
    # its studies flagged as not of neuropathic pain (core/evidence/derived.py); None: stored before library 2026.12.17
    not_of_neuropathic_pain: tuple[str, ...] | None = None

    @property
    def studies_in_words(self) -> str:
        """"19 studies, 4 not of neuropathic pain": how many of its studies the flags say are no evidence on its pain
        (no pain model or no pain outcome); "19 studies" where none is flagged so, or the entry was stored before."""
        count = self.study_count
        studies = f"{count} {'study' if count == 1 else 'studies'}"
        flagged = len(self.not_of_neuropathic_pain or ())
        if not flagged or not count:
            return studies
        return f"{studies}, " + (f"{flagged} not" if flagged < count else "not" if count == 1 else "none") + \
            " of neuropathic pain"


def entry_from_row(raw: Any, study_count: int) -> EtiologyEntry:
    """One etiology row as storage reads it: its JSON text and how many studies it has."""
    return _entry(_parse(raw), study_count)


def _parse(raw: Any) -> Any:
    try:
        return json.loads(raw)
    except (TypeError, ValueError) as error:
        raise EntryError(f"An etiology row is not JSON text ({error}).") from error


def _entry(record: Any, study_count: int) -> EtiologyEntry:
    where = f"etiology {record.get('id')!r}" if isinstance(record, dict) else "an etiology row"
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
        certainty=None if record.get("human_certainty") is None
        else _certainty(record["human_certainty"], f"{where}, human_certainty"),
        not_of_neuropathic_pain=None if record.get("not_of_neuropathic_pain") is None else tuple(
            _checked_text(name, "not_of_neuropathic_pain", where)
            for name in _list(record, "not_of_neuropathic_pain", where)),
    )


def _certainty(item: Any, where: str) -> CertaintyEntry:
    _object(item, where)
    rating = item.get("rating")
    if rating not in (None, "high", "moderate", "low", "very low"):
        raise EntryError(f"{where}: field 'rating' must be high, moderate, low, very low or null.")
    return CertaintyEntry(rating=rating, why=_text(item, "why", where),
                          source=_source(item.get("citation"), f"{where}, citation"))


def _animal_model(item: Any, where: str) -> AnimalModelEntry:
    _object(item, where)
    ids = _list(item, "study_ids", where)
    return AnimalModelEntry(name=_text(item, "name", where),
                            study_ids=tuple(_checked_text(i, "study_ids", where) for i in ids),
                            studies=tuple(_checked_text(n, "studies", where) for n in _list(item, "studies", where)))


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
