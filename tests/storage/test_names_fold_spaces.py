"""m018: a name folds with its spaces as one between words and none at either end, so "Maria  Lopez" (two spaces) or
"Maria Lopez " is another patient of the same name as Maria Lopez, found, asked about and refused unasked. Seen by a
clinic's tester: both saved as new patients, with no question, on the clinic server and on a workstation alike. Names
saved before are folded again by the upgrade, from the first released schema's records, on both engines."""

from __future__ import annotations


import pytest

from core.records.models import NamesakeSaved
from core.storage import records
from core.storage.database import open_database
from core.storage.record_rows import fold_name
from tests.conftest import REPO_ROOT, clinic_before
from tests.contract.test_patient_records import records as engine  # noqa: F401 (the fixture: every engine)
from tests.fixtures.db.make_fixture import load_fixture
from tests.storage.helpers import example


def test_spaces_fold_as_one() -> None:
    assert fold_name("  Maria \t Lopez ") == fold_name("MARIA LOPEZ") == "maria lopez"


@pytest.mark.parametrize("typed", ["Maria  Lopez", " Maria Lopez ", "maria\u00a0lopez"])
def test_a_namesake_typed_with_other_spaces_is_refused(engine, typed) -> None:  # noqa: F811
    first = engine.save_plan(*example(name="Maria Lopez"), clinician="Dr A")
    with pytest.raises(NamesakeSaved) as refused:
        engine.save_plan(*example(name=typed), clinician="Dr A", refuse_namesakes=True)
    assert refused.value.patients == [first.patient_id] and engine.count_patients() == 1


def test_names_of_the_first_released_schema_are_folded_again(data_dir) -> None:
    load_fixture(REPO_ROOT / "tests" / "fixtures" / "db" / "schema-4.sql", data_dir.database_path)
    import sqlite3

    with sqlite3.connect(data_dir.database_path) as connection:  # saved before m018: folded with its two spaces
        connection.execute("update patients set name = 'Maria  Lopez ', name_folded = 'maria  lopez '")
    connection.close()
    db = open_database(data_dir.database_path)
    try:
        assert db.execute("select name, name_folded from patients").fetchall() == [("Maria  Lopez ", "maria lopez")]
        with pytest.raises(NamesakeSaved):
            records.save_plan(db, *example(name="Maria Lopez"), clinician="Dr A", refuse_namesakes=True)
        assert [row.patient_name for row in records.list_plans(db, search="maria lopez")] == ["Maria  Lopez "]
    finally:
        db.close()


def test_names_on_the_clinic_server_are_folded_again(pg_server) -> None:
    from core.storage.clinic import connect, init_clinic

    url, _ = clinic_before(pg_server, "m018_names_fold_spaces")
    with connect(url) as admin:
        admin.execute("insert into patients (uid, name, name_folded, etiology, created_at, updated_at) values "
                      "('p1', 'Maria  Lopez ', 'maria  lopez ', 'peripheral-nerve-injury', '2026-11-01', "
                      "'2026-11-01')")
    assert init_clinic(url)[:1] == ["applied m018_names_fold_spaces"]
    with connect(url) as admin:
        assert admin.execute("select name, name_folded from patients").fetchall() == [("Maria  Lopez ", "maria lopez")]
