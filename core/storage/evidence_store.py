"""The evidence library in SQLite: versioned library tables, local studies, and FTS5 search.

The shipped library is copied into ``evidence_*`` tables when its version or content changes;
rows with origin 'library' are replaced in one transaction, rows with origin 'local' (studies a
clinician imported) and every non-evidence table are left untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import sqlite_utils

from core.evidence.derived import with_study_facts
from core.evidence.models import Etiology, EvidenceLibrary, Mechanism, Study
from core.stamps import now_iso
from core.storage import evidence_filter
from core.storage.change_mark import mark_changed
from core.storage.evidence_tables import (
    ETIOLOGIES, MECHANISMS, SEARCH_COLUMNS, STATE, STUDIES, STUDY_ETIOLOGIES, STUDY_MECHANISMS,
)

DEFAULT_LIMIT = 200  # a page of results: each is validated into a model
MAX_STUDIES_READ = 1_000_000  # "every study", for the whole-library summaries
YEAR_INDEX = f"idx_{STUDIES}_year_first_author_id"
RANKED_MATCHES_MAX = 5000  # above this many full-text matches, results come in year order
SORTED_MATCHES_MAX = 1000  # up to this many filtered matches are sorted, more are found walking the year index
# SQLITE_MAX_VARIABLE_NUMBER was 999 before SQLite 3.32 (and can be set lower at build time): every statement
# with bound values stays under it, whatever SQLite the platform's Python carries.
MAX_SQL_VARIABLES = 999
# How the search words are made (marker_search_words): a new value makes every data folder index its studies again,
# as a new library does (seen in review: words added in code reached only folders that installed a library after).
SEARCH_INDEX = "2026.12.7"


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the evidence tables if missing (idempotent). The filter index comes with new tables; tables made
    before it get it from migration m011 (so this writes nothing to existing tables, even read-only ones)."""
    new = not db[STUDIES].exists()
    with db.atomic():
        db[STATE].create({"key": str, "value": str}, pk="key", if_not_exists=True)
        db[ETIOLOGIES].create({"id": str, "position": int, "json": str}, pk="id", if_not_exists=True)
        db[MECHANISMS].create({"id": str, "position": int, "json": str}, pk="id", if_not_exists=True)
        db[STUDIES].create(
            {"id": str, "origin": str, "year": int, **{column: str for column in SEARCH_COLUMNS}, "json": str},
            pk="id",
            if_not_exists=True,
        )
        db[STUDY_ETIOLOGIES].create(
            {"study_id": str, "etiology_id": str}, pk=("study_id", "etiology_id"), if_not_exists=True,
            foreign_keys=[("study_id", STUDIES, "id")],
        )
        db[STUDY_MECHANISMS].create(
            {"study_id": str, "mechanism_id": str}, pk=("study_id", "mechanism_id"), if_not_exists=True,
            foreign_keys=[("study_id", STUDIES, "id")],
        )
        db[STUDY_ETIOLOGIES].create_index(["etiology_id"], if_not_exists=True)
        db[STUDY_MECHANISMS].create_index(["mechanism_id"], if_not_exists=True)
        db[STUDIES].create_index(["origin"], if_not_exists=True)
        db[STUDIES].create_index(["year", "first_author", "id"], index_name=YEAR_INDEX, if_not_exists=True)
    if not db[STUDIES].detect_fts():
        db[STUDIES].enable_fts(SEARCH_COLUMNS, fts_version="FTS5", create_triggers=True, tokenize="unicode61")
    if new:
        with db.atomic():
            evidence_filter.create(db)


def scratch_library(library: EvidenceLibrary, content_hash: str) -> sqlite_utils.Database:
    """An in-memory database holding only the library (the self-test searches it); the caller closes it."""
    db = sqlite_utils.Database(memory=True, execute_plugins=False)  # no third-party plugin runs here
    ensure_schema(db)
    install_library(db, library, content_hash)
    return db


def installed_library(db: sqlite_utils.Database) -> dict[str, str]:
    """The version and content hash of the library currently in the tables ({} when none)."""
    ensure_schema(db)
    return {row["key"]: row["value"] for row in db[STATE].rows}


def install_library(db: sqlite_utils.Database, library: EvidenceLibrary, content_hash: str) -> bool:
    """Replace the library rows if the shipped library differs; returns True when it did."""
    current = installed_library(db)
    installed = (current.get("library_version"), current.get("content_hash"), current.get("search_index"))
    if installed == (library.manifest.library_version, content_hash, SEARCH_INDEX):
        return False
    with db.atomic():
        library_ids = [row["id"] for row in db.query(f"select id from {STUDIES} where origin = 'library'")]
        _delete_studies(db, library_ids)
        db[ETIOLOGIES].delete_where()
        db[MECHANISMS].delete_where()
        db[MECHANISMS].insert_all(
            ({"id": m.id, "position": i, "json": m.model_dump_json()} for i, m in enumerate(library.mechanisms))
        )
        mechanism_names = {m.id: m.name for m in library.mechanisms}
        etiology_names = {e.id: e.name for e in library.etiologies}
        _insert_studies(db, library.studies, mechanism_names, etiology_names)
        _index_local_markers_again(db)
        _write_etiologies(db, library.etiologies)
        db[STATE].upsert_all(
            [{"key": "library_version", "value": library.manifest.library_version},
             {"key": "content_hash", "value": content_hash}, {"key": "search_index", "value": SEARCH_INDEX}],
            pk="key",
        )
    return True


def _index_local_markers_again(db: sqlite_utils.Database) -> None:
    """The clinic's own studies' markers, indexed as this Treadwell indexes them (seen in review: imported under an
    earlier one, "tnfa" found the shipped studies of TNF-α and not the clinic's). Read from their JSON as stored,
    not validated again: a study imported under another version is kept as it was."""
    for rowid, raw in db.execute(f"select rowid, json from {STUDIES} where origin = 'local'").fetchall():
        markers = [str(finding.get("marker", "")) for finding in json.loads(raw).get("findings", [])]
        db.execute(f"update {STUDIES} set markers = ? where rowid = ?", [marker_search_words(markers), rowid])


def install_copy(db: sqlite_utils.Database, *, installed: dict[str, str], mechanisms: list[Mechanism],
                 etiologies: list[Etiology], studies: list[Study]) -> None:
    """Fill empty evidence tables with what another database holds (a clinic workstation's evidence:
    core/storage/clinic_studies.py); the etiology entries are derived again from ``studies``."""
    with db.atomic():
        db[MECHANISMS].insert_all(
            ({"id": m.id, "position": i, "json": m.model_dump_json()} for i, m in enumerate(mechanisms)))
        _insert_studies(db, studies, {m.id: m.name for m in mechanisms}, {e.id: e.name for e in etiologies})
        _write_etiologies(db, etiologies)
        db[STATE].upsert_all([{"key": key, "value": value} for key, value in installed.items()], pk="key")


def add_local_studies(db: sqlite_utils.Database, studies: list[Study]) -> None:
    """Insert imported studies in one transaction: all of them, or none if anything fails."""
    mechanism_names = {m.id: m.name for m in load_mechanisms(db)}
    etiologies = load_etiologies(db)
    etiology_names = {e.id: e.name for e in etiologies}
    with db.atomic():
        _insert_studies(db, studies, mechanism_names, etiology_names)
        _write_etiologies(db, etiologies)
        mark_changed(db, now_iso())  # a backup is due (change_mark)


def _write_etiologies(db: sqlite_utils.Database, etiologies: list[Etiology]) -> None:
    """The etiology rows, each with the animal models and the no-treadmill note its studies (library and
    local) give it (core/evidence/derived.py), so the entry can never contradict the study records."""
    studies = search_studies(db, limit=MAX_STUDIES_READ)
    db[ETIOLOGIES].delete_where()
    db[ETIOLOGIES].insert_all(
        ({"id": e.id, "position": i, "json": with_study_facts(e, studies).model_dump_json()}
         for i, e in enumerate(etiologies))
    )


def existing_study_ids(db: sqlite_utils.Database, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are already studies; asked in batches of at most MAX_SQL_VARIABLES values."""
    wanted = list(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), MAX_SQL_VARIABLES):
        batch = wanted[start:start + MAX_SQL_VARIABLES]
        marks = ",".join("?" * len(batch))
        found.update(row[0] for row in db.execute(f"select id from {STUDIES} where id in ({marks})", batch))
    return found


def studies_with_dois(db: sqlite_utils.Database, dois: Iterable[str]) -> dict[str, str]:
    """Of ``dois``, those a study already has, as DOI (lower case) -> that study's id; compared in lower case, as
    DOIs are (a scan of the studies that have one: asked once an import)."""
    wanted = {doi.lower() for doi in dois}
    if not wanted:
        return {}
    found: dict[str, str] = {}
    for study_id, doi in db.execute(f"select id, lower(json_extract(json, '$.doi')) from {STUDIES} "
                                    "where json_extract(json, '$.doi') is not null order by id"):
        if doi in wanted:
            found.setdefault(doi, study_id)
    return found


def study_count(db: sqlite_utils.Database) -> int:
    return db[STUDIES].count


def load_etiologies(db: sqlite_utils.Database) -> list[Etiology]:
    rows = db.query(f"select json from {ETIOLOGIES} order by position")
    return [Etiology.model_validate_json(row["json"]) for row in rows]


def load_mechanisms(db: sqlite_utils.Database) -> list[Mechanism]:
    rows = db.query(f"select json from {MECHANISMS} order by position")
    return [Mechanism.model_validate_json(row["json"]) for row in rows]


def studies_of(db: sqlite_utils.Database, etiology: str) -> list[Study]:
    """Every study of an etiology (library and local): what a plan is drafted and re-derived from."""
    return search_studies(db, etiology=etiology, limit=MAX_STUDIES_READ)


def search_studies(
    db: sqlite_utils.Database,
    *,
    etiology: str | None = None,
    mechanism: str | None = None,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Study]:
    """Studies matching every filter given; full-text matches by relevance, the rest by year and author.
    With a filter, the words and the filters are one query of the filter index (core/storage/evidence_filter.py).
    Conditions are semi-joins, so the planner can walk the full-text or year index and stop at ``limit``."""
    query = fts_query(text or "")
    # Thousands of full-text matches: relevance order would rank them all; year order walks an index instead.
    ranked = bool(query) and not _matches_more_than(db, f"{STUDIES}_fts", query, RANKED_MATCHES_MAX)
    filtered = bool(etiology or mechanism) and evidence_filter.present(db)
    if filtered:
        expression = evidence_filter.expression(query, etiology, mechanism)
        # Ranked, it only checks the rows the main index yields in rank order (``+``: never a way to find rows).
        conditions, params = [f"{'+' if ranked else ''}s.rowid in ({evidence_filter.MATCHING})"], [expression]
    else:
        conditions, params = _link_conditions(etiology, mechanism)
        if query and not ranked:
            conditions.insert(0, f"s.rowid in (select rowid from {STUDIES}_fts where {STUDIES}_fts match ?)")
            params.insert(0, query)
    if ranked:
        where = " and ".join([f"{STUDIES}_fts match ?", *conditions])
        sql = (f"select s.json from {STUDIES}_fts f join {STUDIES} s on s.rowid = f.rowid where {where} "
               "order by f.rank limit ?")
        params.insert(0, query)
    else:
        # Few filtered matches are sorted; walking the year index for them would read most of it.
        few = filtered and not _matches_more_than(db, evidence_filter.INDEX, expression, SORTED_MATCHES_MAX)
        source = f"{STUDIES} s" if few else f"{STUDIES} s indexed by {YEAR_INDEX}"
        where = f" where {' and '.join(conditions)}" if conditions else ""
        sql = f"select s.json from {source}{where} order by s.year, s.first_author, s.id limit ?"
    return [Study.model_validate_json(row[0]) for row in db.execute(sql, [*params, limit]).fetchall()]


def _link_conditions(etiology: str | None, mechanism: str | None) -> tuple[list[str], list]:
    """The filters as semi-joins on the link tables: for a database read before migration m011."""
    conditions, params = [], []
    if etiology:
        conditions.append(f"s.id in (select study_id from {STUDY_ETIOLOGIES} where etiology_id = ?)")
        params.append(etiology)
    if mechanism:
        conditions.append(f"s.id in (select study_id from {STUDY_MECHANISMS} where mechanism_id = ?)")
        params.append(mechanism)
    return conditions, params


def _matches_more_than(db: sqlite_utils.Database, index: str, query: str, threshold: int) -> bool:
    probe = f"select count(*) from (select 1 from {index} where {index} match ? limit {threshold + 1})"
    return db.execute(probe, [query]).fetchone()[0] > threshold


def search_study_ids(db: sqlite_utils.Database, text: str) -> set[str]:
    """Ids of the studies matching ``text`` (no models built: cheap enough for every keystroke)."""
    query = fts_query(text)
    if not query:
        return set()
    rows = db.execute(f"select s.id from {STUDIES}_fts f join {STUDIES} s on s.rowid = f.rowid "
                      f"where {STUDIES}_fts match ?", [query]).fetchall()
    return {row[0] for row in rows}


_TOKEN = re.compile(r"\w+", re.UNICODE)
# Markers print Greek letters (TNF-α, IL-1β); people type them in Latin letters, spelled out or as one letter.
_GREEK_LATIN = {"α": ("alpha", "a"), "β": ("beta", "b"), "γ": ("gamma", "g"), "δ": ("delta", "d"),
                "κ": ("kappa", "k"), "μ": ("mu", "m")}
_GREEK = re.compile(f"-?([{''.join(_GREEK_LATIN)}])")
# What a marker's letters stand for, as people type it in full (seen in testing: "nerve growth factor", "tumor
# necrosis factor", "brain-derived" found nothing, nor "il-1 beta", "IL-1b" or "tnfa").
_MARKER_WORDS = {
    "TNF": "tumor tumour necrosis factor", "IL": "interleukin", "BDNF": "brain-derived neurotrophic factor",
    "NGF": "nerve growth factor", "NT": "neurotrophin", "GABA": "gamma-aminobutyric acid",
    "MOR": "mu-opioid receptor", "KCC2": "potassium chloride cotransporter",
    "NKCC1": "sodium potassium chloride cotransporter", "SOD": "superoxide dismutase", "CAT": "catalase",
    "GPx": "glutathione peroxidase", "GSH": "glutathione", "MDA": "malondialdehyde", "ROS": "reactive oxygen species",
    "NO": "nitric oxide", "GAD": "glutamic acid decarboxylase", "Hsp72": "heat shock protein",
    "PACAP": "pituitary adenylate cyclase-activating polypeptide",
}
# A whole abbreviation, or a family's numbered member (IL-6, GAD65, SOD2, NT-3), never the start of another name
# (NOX2, GADD45, ILK, MDA5, NT-proBNP: seen in review).
_NUMBERED = ("IL", "GAD", "SOD", "NT")


def _alternatives(names) -> str:
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


_ABBREVIATION = re.compile(
    rf"\b(?:({_alternatives(_NUMBERED)})(?=-?\d)|({_alternatives(_MARKER_WORDS)})(?=$|[^A-Za-z0-9-]|-(?![A-Za-z0-9])))")


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match, and the parts of one word written
    with a hyphen or another mark ("IL-1", "O'Brien") match together, in order (seen in testing: "il-1 beta" found
    Bobinski 2018, which has an IL-4, a β-NGF and a "1" elsewhere); a last part of three or more characters matches
    as a prefix (a one- or two-letter prefix would match most of the library)."""
    phrases = [_TOKEN.findall(word) for word in _WORDS_APART.split(text)]  # "GABA/GAD": two words (seen in review)
    return " ".join(f'"{" ".join(parts)}"' + ("*" if len(parts[-1]) >= 3 else "") for parts in phrases if parts)


def _delete_studies(db: sqlite_utils.Database, ids: list[str]) -> None:
    for table in (STUDY_ETIOLOGIES, STUDY_MECHANISMS):
        db.conn.executemany(f"delete from {table} where study_id = ?", [(i,) for i in ids])
    db.conn.executemany(f"delete from {STUDIES} where id = ?", [(i,) for i in ids])


def _insert_studies(
    db: sqlite_utils.Database, studies: list[Study], mechanism_names: dict[str, str], etiology_names: dict[str, str]
) -> None:
    """Each multi-row insert binds at most MAX_SQL_VARIABLES values (rows x columns)."""
    db[STUDIES].insert_all((_study_row(s, mechanism_names, etiology_names) for s in studies),
                           batch_size=_rows_per_statement(len(_STUDY_COLUMNS)))
    db[STUDY_ETIOLOGIES].insert_all(
        ({"study_id": s.id, "etiology_id": e} for s in studies for e in s.etiologies), batch_size=_rows_per_statement(2)
    )
    db[STUDY_MECHANISMS].insert_all(
        ({"study_id": s.id, "mechanism_id": m} for s in studies for m in sorted({f.mechanism for f in s.findings})),
        batch_size=_rows_per_statement(2),
    )


def _rows_per_statement(columns: int) -> int:
    return max(1, MAX_SQL_VARIABLES // columns)


def marker_search_words(markers: list[str]) -> str:
    """The findings' markers as the search finds them: as printed, with each Greek letter spelled out and as one
    Latin letter, joined or apart (IL-1β: "IL-1beta", "IL-1b", "IL-1 beta"; TNF-α: "TNFa"), and the names their
    letters stand for ("nerve growth factor" for NGF)."""
    words = []
    for marker in markers:
        words.append(marker)
        if _GREEK.search(marker):
            words += [marker.translate({ord(g): names[0] for g, names in _GREEK_LATIN.items()}),  # IL-1beta
                      marker.translate({ord(g): names[1] for g, names in _GREEK_LATIN.items()}),  # IL-1b, TNF-a
                      _GREEK.sub(lambda m: f" {_GREEK_LATIN[m.group(1)][0]}", marker),  # IL-1 beta
                      _GREEK.sub(lambda m: _GREEK_LATIN[m.group(1)][1], marker)]  # TNFa
        words += [_MARKER_WORDS[m.group(1) or m.group(2)] for m in _ABBREVIATION.finditer(marker)]
        # the seeds print "GAD65/67", "GAD 65/67" and "GAD-65/67" for the same enzymes: each found as the others,
        # and each enzyme by its own name (GAD67, GAD 67)
        words += [_LETTERS_DIGITS.sub(r"\1 \2", marker), _LETTERS_SPACE_DIGITS.sub(r"\1\2", marker)]
        words += [f"{m.group(1)}{number} {m.group(1)} {number}" for m in _NUMBERED_PAIR.finditer(marker)
                  for number in m.group(2, 3)]
    return " ".join(dict.fromkeys(words))


_LETTERS_DIGITS = re.compile(r"\b([A-Za-z]{2,})(\d)")
_LETTERS_SPACE_DIGITS = re.compile(r"\b([A-Za-z]{2,})[ -](\d)")
_NUMBERED_PAIR = re.compile(r"\b([A-Za-z]{2,})[ -]?(\d+)/(\d+)\b")
_WORDS_APART = re.compile(r"[\s/,;]+")


_STUDY_COLUMNS = ("id", "origin", "year", *SEARCH_COLUMNS, "json")


def _study_row(study: Study, mechanism_names: dict[str, str], etiology_names: dict[str, str]) -> dict:
    mechanism_ids = sorted({f.mechanism for f in study.findings})
    return {
        "id": study.id,
        "origin": study.origin,
        "year": study.year,
        "first_author": study.first_author,
        "title": study.title or "",
        "model": study.model,
        "species": " ".join(filter(None, [study.species, study.species_reported, study.strain])),
        "markers": marker_search_words([f.marker for f in study.findings]),
        "mechanisms": " ".join(mechanism_names.get(m, m) for m in mechanism_ids),
        "etiologies": " ".join(etiology_names.get(e, e) for e in study.etiologies),
        "exercise": f"{study.exercise.type} {study.exercise.protocol}",
        "json": study.model_dump_json(),
    }
