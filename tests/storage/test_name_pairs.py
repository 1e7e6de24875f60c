"""The letter-pair index of patients' names (migration m010, core/storage/name_pairs.py): one- and two-letter
searches find the same patients, in the same order and with the same count, as the name scan before it."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from core.storage import name_pairs, records
from core.storage.database import open_database
from core.storage.schema import MIGRATIONS
from tests.conftest import REPO_ROOT
from tests.fixtures.db.make_fixture import load_fixture
from tests.storage.helpers import example

# Accents and case folded away, letters that NFKD turns into upper-case ASCII (ℌ, Ｈ), other scripts, LIKE's
# own characters, a one-letter name and names that differ only in case or accents.
NAMES = ["Zoë Ørsted", "ZOE ORSTED", "zoe orsted", "Wu Li", "WU Wei", "Łukasz Wójcik", "Ольга Иванова",
         "ОЛЬГА", "王伟", "王", "محمد علي", "Σωκράτης Παπαδόπουλος", "ΣΩΚΡΆΤΗΣ", "O'Brien-Smith", "Mary O'Neil 50%",
         "a_b c\\d", "ℌans Ｈeld", "Straße", "İpek Şahin", "Ærø Œuvre", "Nguyễn Thị", "श्रेया", "ਗੁਰਪ੍ਰੀਤ", "שרה",
         "X", "x y", "Anna-Maria Kowalska 42", "  Padded  "]


def _searches(db: sqlite_utils.Database) -> list[str]:
    """Every one- and two-character piece of every saved name, as typed in either case, and some that match
    nothing or only by folding."""
    folded = [row[0] for row in db.execute("select name_folded from patients")]
    pieces = {name[i:i + size] for name in folded for size in (1, 2) for i in range(len(name) - size + 1)}
    pieces |= {piece.upper() for piece in pieces} | {"wu", "zz", "%", "_", "\\", "%%", "_b", "ö", "Ø", "ℌa", "ha", "ss"}
    return sorted(piece for piece in pieces if piece.strip())


def _results(db: sqlite_utils.Database, searches: list[str]) -> dict[str, tuple]:
    return {search: ([(p.plan_id, p.patient_id, p.patient_name) for p in records.list_plans(db, search=search,
                                                                                             limit=1000)],
                     records.count_patients(db, search=search))
            for search in searches}


def _save(db: sqlite_utils.Database, names: list[str]) -> list[int]:
    profile, plan = example()
    return [records.save_plan(db, profile.model_copy(update={"name": name}), plan, clinician="Dr A").patient_id
            for name in names]


@pytest.mark.parametrize("many", [records.MANY_MATCHES, 1])  # 1: names that hold the letters are "many"
def test_the_migrated_database_finds_what_the_name_scan_found(data_dir, monkeypatch, many) -> None:
    monkeypatch.setattr(records, "MANY_MATCHES", many)
    db = sqlite_utils.Database(sqlite3.connect(data_dir.database_path))
    MIGRATIONS.apply(db, stop_before="m010_name_pair_index")  # the records as schema 9 kept them
    db.execute("alter table plans add column reason text not null default ''")  # today's save_plan writes it
    _save(db, NAMES)
    db.execute("alter table plans drop column reason")  # m016 adds it again
    assert not name_pairs.present(db)
    searches = _searches(db)
    before = _results(db, searches)  # the code of schema 9: a LIKE scan of the names
    db.close()
    db = open_database(data_dir.database_path)
    try:
        assert name_pairs.present(db)
        after = _results(db, searches)
        assert after == before
        assert len([s for s in searches if len(records.fold_name(s.strip())) == 2]) > 200
        assert after["wu"][1] == 2 and after["ss"][1] == 1 and after["ha"][1] == 1  # WU Wei, Straße, ℌans
        assert after["ол"] == before["ОЛ"] and after["ол"][1] == 2
        db.execute(f"insert into {name_pairs.INDEX}({name_pairs.INDEX}, rank) values ('integrity-check', 1)")
    finally:
        db.close()


@pytest.mark.parametrize("many", [records.MANY_MATCHES, 1])
def test_the_index_follows_every_save_rename_and_delete(db, monkeypatch, many) -> None:
    monkeypatch.setattr(records, "MANY_MATCHES", many)
    ids = _save(db, NAMES)
    records.save_plan(db, *example(name="Wuthering Zoë"), clinician="Dr A", patient_id=ids[0], same_person=True)
    records.save_plan(db, *example(name="Ölga Wu"), clinician="Dr A", patient_id=ids[6], same_person=True)
    records.delete_patient(db, ids[3], clinician="Dr A")
    _save(db, ["Wu Again", "Zoë Ørsted"])
    searches = _searches(db)
    indexed = _results(db, searches)
    monkeypatch.setattr(name_pairs, "present", lambda db: False)  # the scan, as before the index
    assert indexed == _results(db, searches)
    assert indexed["wu"][1] == 4  # renamed twice to Wu…, one Wu deleted, one added
    db.execute(f"insert into {name_pairs.INDEX}({name_pairs.INDEX}, rank) values ('integrity-check', 1)")


@pytest.mark.parametrize("fixture", ["schema-4.sql", "schema-9.sql"])
def test_a_released_database_gets_the_index_of_its_names(data_dir, fixture) -> None:
    load_fixture(REPO_ROOT / "tests" / "fixtures" / "db" / fixture, data_dir.database_path)
    db = open_database(data_dir.database_path)
    try:
        (patient,) = records.list_plans(db)  # "Example Patient (Parkinson's)"
        assert [p.patient_id for p in records.list_plans(db, search="(p")] == [patient.patient_id]
        assert records.count_patients(db, search="'S") == 1 and records.count_patients(db, search="wu") == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
