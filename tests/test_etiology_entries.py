"""The etiologies as the picker lists them, read with the standard library for the first frame."""

from __future__ import annotations

import json

import pytest

from core.evidence.derived import animal_models_of, no_animal_treadmill_note
from core.evidence.entries import EntryError
from core.storage.etiology_entries import etiology_entries, read_installed_entries
from core.evidence.library import load_library
from core.storage.library_sync import open_evidence_database
from core.evidence.shipped import shipped_library_version
from core.resources import resource_path
from core.storage import evidence_store
from tests import evidence_factory as make
from tests.storage.helpers import digest


@pytest.fixture
def installed(data_dir):
    """A real database with the shipped library installed, closed again."""
    open_evidence_database(data_dir.database_path).close()
    return data_dir.database_path


def test_the_shipped_library_reads_back_whole_with_its_counts(installed) -> None:
    shipped = json.loads(resource_path("evidence", "etiologies.json").read_text(encoding="utf-8"))
    entries = read_installed_entries(installed)
    assert [e.id for e in entries] == [e["id"] for e in shipped]
    for entry, record in zip(entries, shipped):
        assert (entry.name, entry.description, entry.human_evidence) == \
            (record["name"], record["description"], record["human_evidence"])
        assert (entry.description_source.label, entry.description_source.doi) == \
            (record["description_source"]["label"], record["description_source"]["doi"])
        assert [(s.label, s.doi, s.unverified) for s in entry.human_sources] == \
            [(c["label"], c["doi"], c["unverified"]) for c in record["human_citations"]]
        assert [(p.text, p.source.label) for p in entry.safety] == [(p["text"], p["citation"]["label"]) for p in record["safety"]]
    library = load_library()
    for entry in entries:
        assert entry.study_count == sum(1 for study in library.studies if entry.id in study.etiologies)
        derived = [(m.name, m.study_ids) for m in animal_models_of(entry.id, library.studies)]
        assert [(m.name, list(m.study_ids)) for m in entry.animal_models] == derived
        assert entry.no_animal_treadmill_note == no_animal_treadmill_note(entry.id, library.studies)


def test_counts_include_local_studies(data_dir) -> None:
    db = open_evidence_database(data_dir.database_path)
    try:
        before = {e.id: e.study_count for e in etiology_entries(db.conn)}
        local = make.study("local-smith-2024", "Smith", 2024).model_copy(
            update={"origin": "local", "etiologies": ["spinal-cord-injury"]})
        evidence_store.add_local_studies(db, [local])
        after = {e.id: e.study_count for e in etiology_entries(db.conn)}
    finally:
        db.close()
    assert after["spinal-cord-injury"] == before["spinal-cord-injury"] + 1
    assert {k: v for k, v in after.items() if k != "spinal-cord-injury"} == \
        {k: v for k, v in before.items() if k != "spinal-cord-injury"}


def test_nothing_is_read_or_created_without_a_database(data_dir) -> None:
    assert read_installed_entries(data_dir.database_path) is None
    assert not data_dir.database_path.exists()


def test_another_installed_version_waits_for_the_full_start(installed) -> None:
    db = open_evidence_database(installed)
    try:
        db[evidence_store.STATE].upsert({"key": "library_version", "value": "2020.1.1"}, pk="key")
    finally:
        db.close()
    assert shipped_library_version() != "2020.1.1"
    assert read_installed_entries(installed) is None


def test_reading_never_writes_the_file(installed) -> None:
    before = digest(installed)
    assert read_installed_entries(installed)
    assert digest(installed) == before


@pytest.mark.parametrize(("change", "named"), [
    (lambda r: r.pop("name"), "'name'"),
    (lambda r: r.update(animal_models="CCI"), "'animal_models'"),
    (lambda r: r.update(animal_models=["CCI"]), "animal_models: expected an object"),
    (lambda r: r.update(human_citations=[{"label": "X 2020", "unverified": "yes"}]), "'unverified'"),
    (lambda r: r.update(safety=[{"text": "Check feet daily for blisters.", "citation": None}]), "citation"),
])
def test_a_tampered_row_is_named_and_the_first_frame_waits(installed, change, named) -> None:
    db = open_evidence_database(installed)
    try:
        row = db.execute(f"select id, json from {evidence_store.ETIOLOGIES} order by position limit 1").fetchone()
        record = json.loads(row[1])
        change(record)
        db.execute(f"update {evidence_store.ETIOLOGIES} set json = ? where id = ?", [json.dumps(record), row[0]])
        db.conn.commit()
        with pytest.raises(EntryError, match=named) as error:
            etiology_entries(db.conn)
        assert row[0] in str(error.value)
    finally:
        db.close()
    assert read_installed_entries(installed) is None


def test_a_damaged_file_gives_nothing_rather_than_an_error(data_dir) -> None:
    data_dir.database_path.write_bytes(b"not a database" * 100)
    assert read_installed_entries(data_dir.database_path) is None


@pytest.mark.parametrize("stored", [42, "{not json", '"just a string"'])
def test_a_row_that_is_not_an_etiology_object_is_refused_plainly(installed, stored) -> None:
    db = open_evidence_database(installed)
    try:
        db.execute(f"update {evidence_store.ETIOLOGIES} set json = ? where position = 0", [stored])
        db.conn.commit()
        with pytest.raises(EntryError, match=evidence_store.ETIOLOGIES):
            etiology_entries(db.conn)
    finally:
        db.close()
    assert read_installed_entries(installed) is None


def test_the_diabetic_entry_names_its_one_animal_treadmill_study_as_given_with_insulin() -> None:
    """Chen 2015 gave treadmill training with insulin: the entry said nothing of an animal treadmill study missing."""
    note = no_animal_treadmill_note("diabetic-neuropathy", load_library().studies)
    assert note.startswith("The library holds no animal treadmill study of pain that tested exercise alone for this")
    assert "gave exercise together with another treatment, so their effect is not exercise's alone: Chen 2015." in note


def test_an_installed_entry_names_its_models_studies_and_one_stored_without_names_still_reads(installed) -> None:
    diabetic = next(e for e in read_installed_entries(installed) if e.id == "diabetic-neuropathy")
    assert diabetic.animal_models[0].studies == ("Chen 2013", "Chen 2015", "Azarbayjani 2020")
    from core.evidence.entries import entry_from_row
    shipped = json.loads(resource_path("evidence", "etiologies.json").read_text(encoding="utf-8"))[0]
    older = {**shipped, "animal_models": [{"name": "CCI", "study_ids": ["chen-2012"]}]}  # as stored before 2026.12.4
    assert entry_from_row(json.dumps(older), 1).animal_models[0].named == "chen-2012"
