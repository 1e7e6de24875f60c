"""A patient brought in by a bundle whose name patients here already have is refused, naming them, unless the
importer says it is another person (refuse_namesakes=False), on every engine, as a new patient's save is. Seen by a
tester: an import added a third "Maria Schmidt" without a word, the same person typed in on two workstations split
in two. A patient already here (by the bundle's id) is never asked about: the import adds what is new."""

from __future__ import annotations

import pytest

from core.records.interface import PatientRecords
from core.records.models import NamesakeSaved
from tests.contract.test_patient_records import records  # noqa: F401 (the fixture: every engine)
from tests.storage.helpers import example


def _bundle_from_elsewhere(tmp_path, name: str) -> bytes:
    from core.storage.database import open_database
    from core.storage.library_sync import sync_library
    from core.storage.sqlite_records import SqliteRecords

    elsewhere = open_database(tmp_path / "elsewhere.sqlite3")  # another workstation
    sync_library(elsewhere)
    theirs = SqliteRecords(elsewhere).save_plan(*example(name=name), clinician="Dr B")
    bundle = SqliteRecords(elsewhere).export_patient(theirs.id).encode()
    elsewhere.close()
    return bundle


def test_an_imported_namesake_is_refused_unless_said_to_be_another_person(records: PatientRecords,  # noqa: F811
                                                                         tmp_path) -> None:
    first = records.save_plan(*example(name="Maria Schmidt"), clinician="Dr A")
    second = records.save_plan(*example(name="MARIA  SCHMIDT"), clinician="Dr A")
    bundle = _bundle_from_elsewhere(tmp_path, "Maria Schmídt")
    with pytest.raises(NamesakeSaved) as refused:
        records.import_patient(bundle, clinician="Dr A", refuse_namesakes=True)
    assert refused.value.patients == [second.patient_id, first.patient_id]
    assert records.count_patients() == 2  # nothing was written
    brought = records.import_patient(bundle, clinician="Dr A", refuse_namesakes=False)
    assert not brought.existed and records.count_patients() == 3
    again = records.import_patient(bundle, clinician="Dr A", refuse_namesakes=True)  # already here: not asked
    assert again.existed and again.patient_id == brought.patient_id and records.count_patients() == 3


def test_a_patient_of_another_name_is_imported_unasked(records: PatientRecords, tmp_path) -> None:  # noqa: F811
    records.save_plan(*example(name="Maria Schmidt"), clinician="Dr A")
    brought = records.import_patient(_bundle_from_elsewhere(tmp_path, "Mario Schmidt"), clinician="Dr A",
                                     refuse_namesakes=True)
    assert not brought.existed and records.count_patients() == 2
