"""The evidence filter index (migration m011, core/storage/evidence_filter.py): a search with an etiology or
mechanism filter returns the studies the link tables gave before it, in the same order, on every path
(ranked by relevance, walked in year order, or few and sorted), and the index follows every change."""

from __future__ import annotations

import itertools
import sqlite3

import pytest
import sqlite_utils

from core.storage import evidence_filter, evidence_store
from core.storage.database import open_database
from tests import evidence_factory as make
from tests.bench.bench_evidence_search import synthetic_library
from tests.conftest import REPO_ROOT
from tests.fixtures.db.make_fixture import load_fixture

TEXTS = [None, "IL", "kam", "TNF-α", "spinal cord BDNF", "Safakhah", "rat il-1beta", "zzz"]


def _library(count: int, version: str):
    library = synthetic_library(count)
    return library.model_copy(update={"manifest": library.manifest.model_copy(update={"library_version": version})})


def _local_studies(library) -> list:
    """Studies a clinic imported: other words and scripts, and an etiology of their own."""
    mechanism = library.mechanisms[0].id
    return [make.study(f"local-{i}", author, 2000 + i, etiologies=etiologies, title=title,
                       markers=(("IL-6", "down", mechanism),)).model_copy(update={"origin": "local"})
            for i, (author, etiologies, title) in enumerate([
                ("Żółć", ("peripheral-nerve-injury",), "Ходьба и IL-6"),
                ("Kamiński", ("spinal-cord-injury", "post-stroke-pain"), "跑步机 IL rats"),
                ("Safakhah", ("not-in-the-library",), None)])]


def _searches(library) -> list[tuple]:
    etiologies = [None, "not-in-the-library", "unknown", *[e.id for e in library.etiologies[:3]]]
    mechanisms = [None, "unknown", *[m.id for m in library.mechanisms[:3]]]
    return [combo for combo in itertools.product(etiologies, mechanisms, TEXTS) if combo[0] or combo[1]]


def _results(db: sqlite_utils.Database, searches: list[tuple], limit: int = 40) -> dict[tuple, list[str]]:
    return {(e, m, t): [s.id for s in evidence_store.search_studies(db, etiology=e, mechanism=m, text=t, limit=limit)]
            for e, m, t in searches}


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir.database_path)
    evidence_store.install_library(database, _library(400, "2026.1.1"), "first")
    evidence_store.add_local_studies(database, _local_studies(_library(1, "x")))
    evidence_store.install_library(database, _library(300, "2026.2.1"), "second")  # library rows replaced
    yield database
    database.close()


@pytest.mark.parametrize(("ranked_max", "sorted_max"), [(5000, 1000), (30, 0), (30, 15), (0, 1000)])
def test_filtered_search_finds_what_the_link_tables_found(db, monkeypatch, ranked_max, sorted_max) -> None:
    monkeypatch.setattr(evidence_store, "RANKED_MATCHES_MAX", ranked_max)  # ranked, or walked in year order
    monkeypatch.setattr(evidence_store, "SORTED_MATCHES_MAX", sorted_max)  # walked, or few and sorted
    searches = _searches(_library(1, "x"))
    indexed = _results(db, searches)
    monkeypatch.setattr(evidence_filter, "present", lambda db: False)  # the link tables, as before the index
    assert indexed == _results(db, searches)
    assert sum(1 for ids in indexed.values() if ids) > len(searches) // 3
    assert indexed[("not-in-the-library", None, "Safakhah")] == ["local-2"]


def test_the_index_follows_every_change_of_the_studies(db) -> None:
    db.execute(f"insert into {evidence_filter.INDEX}({evidence_filter.INDEX}, rank) values ('integrity-check', 1)")
    studies = db.execute(f"select count(*) from {evidence_store.STUDIES}").fetchone()[0]
    assert studies == 303
    indexed = db.execute(f"select count(*) from {evidence_filter.INDEX}").fetchone()[0]
    assert indexed == studies
    first = db.execute(f"select rowid from {evidence_store.STUDIES} limit 1").fetchone()[0]
    db.execute(f"update {evidence_store.STUDIES} set title = 'Renamed unique-word' where rowid = ?", [first])
    db.execute(f"insert into {evidence_filter.INDEX}({evidence_filter.INDEX}, rank) values ('integrity-check', 1)")
    assert [row[0] for row in db.execute(evidence_filter.MATCHING, [evidence_filter.expression('"unique"', None, None)])
            ] == [first]


def test_an_upgraded_database_finds_what_it_found_before(data_dir) -> None:
    load_fixture(REPO_ROOT / "tests" / "fixtures" / "db" / "schema-9.sql", data_dir.database_path)
    old = sqlite_utils.Database(sqlite3.connect(data_dir.database_path))  # as schema 9 kept the evidence
    library = _library(250, "2026.1.1")
    evidence_store.install_library(old, library, "first")
    evidence_store.add_local_studies(old, _local_studies(library))
    assert not evidence_filter.present(old)
    searches = _searches(library)
    before = _results(old, searches)
    old.close()
    db = open_database(data_dir.database_path)
    try:
        assert evidence_filter.present(db)
        assert _results(db, searches) == before
        db.execute(f"insert into {evidence_filter.INDEX}({evidence_filter.INDEX}, rank) values ('integrity-check', 1)")
    finally:
        db.close()


def test_an_in_memory_copy_has_the_index() -> None:
    db = evidence_store.scratch_library(make.library(), "h")
    try:
        assert evidence_filter.present(db)
        assert [s.id for s in evidence_store.search_studies(db, etiology="peripheral-nerve-injury",
                                                            mechanism="bdnf-trkb")] == ["kami-2016"]
    finally:
        db.close()
