"""The evidence tables: versioned replacement, local studies surviving updates, and search."""

from __future__ import annotations

import pytest

from core.storage.etiology_entries import etiology_entries
from core.storage import evidence_store
from core.storage.database import open_database
from tests import evidence_factory as make


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir.database_path)
    evidence_store.ensure_schema(database)
    yield database
    database.close()


def ids(studies) -> list[str]:
    return [s.id for s in studies]


def test_install_is_skipped_when_nothing_changed(db) -> None:
    lib = make.library()
    assert evidence_store.install_library(db, lib, "hash-1") is True
    assert evidence_store.install_library(db, lib, "hash-1") is False
    assert evidence_store.installed_library(db) == {"library_version": "2026.1.1", "content_hash": "hash-1",
                                                    "search_index": evidence_store.SEARCH_INDEX}


def test_newer_library_replaces_library_rows_but_keeps_local_studies_and_other_tables(db) -> None:
    evidence_store.install_library(db, make.library(), "hash-1")
    local = make.study("local-smith-2024", "Smith", 2024).model_copy(update={"origin": "local"})
    evidence_store.add_local_studies(db, [local])
    db["clinic_notes"].insert({"id": 1, "note": "kept"}, pk="id")
    newer = make.library([make.study("bai-2022", "Bai", 2022)], version="2026.2.1")
    assert evidence_store.install_library(db, newer, "hash-2") is True
    assert set(ids(evidence_store.search_studies(db))) == {"bai-2022", "local-smith-2024"}
    assert db["clinic_notes"].count == 1
    assert evidence_store.search_studies(db, text="chen") == []  # the old library row is gone from FTS too


def test_filters_by_etiology_and_mechanism(db) -> None:
    evidence_store.install_library(db, make.library(), "h")
    assert ids(evidence_store.search_studies(db, etiology="spinal-cord-injury")) == ["li-2020"]
    assert ids(evidence_store.search_studies(db, mechanism="bdnf-trkb")) == ["kami-2016", "li-2020"]
    assert ids(evidence_store.search_studies(db, etiology="peripheral-nerve-injury", mechanism="bdnf-trkb")) == ["kami-2016"]
    assert evidence_store.search_studies(db, etiology="trigeminal-neuropathy") == []
    counts = {entry.id: entry.study_count for entry in etiology_entries(db.conn)}
    assert {i: n for i, n in counts.items() if n} == {"peripheral-nerve-injury": 2, "spinal-cord-injury": 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("TNF-α", ["chen-2012", "mu-2022"]),
        ("tnf alpha", ["chen-2012", "mu-2022"]),
        ("IL-1β", ["li-2020"]),
        ("il-1beta", ["li-2020"]),
        ("il-1 beta", ["li-2020"]),  # seen in testing: none of these four found anything
        ("IL-1b", ["li-2020"]),
        ("tnfa", ["chen-2012", "mu-2022"]),
        ("tumor necrosis factor", ["chen-2012", "mu-2022"]),
        ("cytokines", ["chen-2012"]),  # title
        ("neuroinflam", ["chen-2012", "li-2020", "mu-2022"]),  # mechanism name, prefix
        ("spinal cord", ["li-2020"]),  # etiology name
        ("kami", ["kami-2016"]),  # author
        ("mouse", ["kami-2016"]),  # species
        ("\"; drop table evidence_studies; --", []),  # typed punctuation is never FTS syntax
        ("", ["chen-2012", "kami-2016", "li-2020", "mu-2022"]),
    ],
)
def test_full_text_search(db, query, expected) -> None:
    evidence_store.install_library(db, make.library(), "h")
    assert sorted(ids(evidence_store.search_studies(db, text=query))) == sorted(expected)


def test_search_results_round_trip_the_study(db) -> None:
    lib = make.library()
    evidence_store.install_library(db, lib, "h")
    stored = {s.id: s for s in evidence_store.search_studies(db)}
    assert stored == {s.id: s for s in lib.studies}


def test_fts_query_quotes_every_word() -> None:
    assert evidence_store.fts_query('TNF-α "OR" x*') == '"TNF α" "OR" "x"'
    assert evidence_store.fts_query("  ") == ""


def test_the_parts_of_a_typed_word_match_together(db) -> None:
    """Seen in testing: "il-1 beta" found Bobinski 2018 (IL-4, β-NGF, and a "1" in its protocol) besides the two
    studies with IL-1β: each part of "il-1" was matched anywhere in the study."""
    from core.evidence.library import load_library

    evidence_store.install_library(db, load_library(), "h")
    for typed in ("il-1 beta", "IL-1β", "il-1", "IL-1b"):
        assert evidence_store.search_study_ids(db, typed) == {"chen-2012", "mu-2022"}, typed
    # the seeds print "GAD65/67", "GAD 65/67" and "GAD-65/67": each spelling finds all
    assert evidence_store.search_study_ids(db, "GAD65/67") == evidence_store.search_study_ids(db, "gad 65/67") == \
           evidence_store.search_study_ids(db, "gad-65/67") == evidence_store.search_study_ids(db, "GAD67") == \
           evidence_store.search_study_ids(db, "gad-67") == {
        "kami-2016-gaba", "li-2020", "dugan-2020", "li-2022", "cho-2021"}
    # words typed with a slash are words apart (seen in review: "GABA/GAD" found nothing once words matched whole)
    assert evidence_store.search_study_ids(db, "GABA/GAD") >= {"kami-2016-gaba", "cho-2021"}
    assert evidence_store.search_study_ids(db, "tnf-α/il-1β") == {"chen-2012", "mu-2022"}


def test_search_ids_match_search_studies(db) -> None:
    evidence_store.install_library(db, make.library(), "h")
    for text in ("TNF-α", "kami", "spinal cord", "nothing-like-this"):
        assert evidence_store.search_study_ids(db, text) == {s.id for s in evidence_store.search_studies(db, text=text)}
    assert evidence_store.search_study_ids(db, "  ") == set()


def test_the_clinics_own_studies_are_indexed_again_with_a_new_library(db) -> None:
    """Seen in review: imported under an earlier Treadwell, a study of TNF-α was not found by "tnfa"."""
    evidence_store.install_library(db, make.library(), "hash-1")
    local = make.study("local-smith-2024", "Smith", 2024).model_copy(update={"origin": "local"})
    evidence_store.add_local_studies(db, [local])
    db.execute("update evidence_studies set markers = 'TNF-α TNF-alpha' where id = 'local-smith-2024'")  # as before
    assert "local-smith-2024" not in evidence_store.search_study_ids(db, "tnfa")
    evidence_store.install_library(db, make.library(version="2026.2.1"), "hash-2")
    assert "local-smith-2024" in evidence_store.search_study_ids(db, "tnfa")


@pytest.mark.parametrize(("marker", "words"), [
    ("IL-6", "interleukin"), ("GAD65/67", "glutamic acid decarboxylase"), ("SOD2", "superoxide dismutase"),
    ("NT-3 mRNA", "neurotrophin"), ("TNF-α", "tumor tumour necrosis factor"), ("NO", "nitric oxide"),
    ("NOX2", None), ("GADD45", None), ("MDA5", None), ("NT-proBNP", None), ("ILK", None)])
def test_an_abbreviation_is_spelled_out_only_as_itself_or_a_numbered_member(marker, words) -> None:
    """Seen in review: NOX2 was indexed as "nitric oxide", GADD45 as "glutamic acid decarboxylase"."""
    indexed = evidence_store.marker_search_words([marker])
    assert (words in indexed) if words else not any(word.islower() for word in indexed.split())


def test_a_new_way_of_making_the_search_words_indexes_the_studies_again(db) -> None:
    """Words the code adds to the index (GAD67 for GAD65/67) reached only a data folder that installed a new library
    afterwards: a folder with the same library kept the old words."""
    evidence_store.install_library(db, make.library(), "h")
    assert not evidence_store.install_library(db, make.library(), "h")  # nothing new: nothing done
    db.execute("update evidence_state set value = 'before' where key = 'search_index'")
    assert evidence_store.install_library(db, make.library(), "h")
    assert evidence_store.installed_library(db)["search_index"] == evidence_store.SEARCH_INDEX
