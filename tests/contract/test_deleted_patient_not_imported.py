"""A patient deleted here is not brought back by an import unasked, on every engine: the deletion keeps the patient's
uid in the audit (nothing else of them), and an import of their bundle is refused, saying when and by whom they were
deleted, unless the importer says to bring them back (refuse_deleted=False). Seen in review: a patient deleted here
came back from another workstation's bundle without a word, as a walk deleted here no longer does."""

from __future__ import annotations

import json

import pytest

from core.records.interface import PatientRecords
from core.records.models import PatientDeletedHere
from tests.contract.test_patient_records import records  # noqa: F401 (the fixture: every engine)
from tests.storage.helpers import example


def test_a_deleted_patient_is_refused_unless_brought_back(records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(name="Maria Schmidt"), clinician="Dr A")
    bundle = records.export_patient(saved.id).encode()
    kept = records.save_plan(*example(name="Ana Lima"), clinician="Dr A")
    records.delete_patient(saved.patient_id, clinician="Dr Reyes")
    deleted = records.audit_trail(1)[0]
    uid = json.loads(bundle)["content"]["patient_uid"]
    assert (deleted.action, deleted.record_id, deleted.before) == ("delete", saved.patient_id, {"uid": uid})
    with pytest.raises(PatientDeletedHere) as refused:
        records.import_patient(bundle, clinician="Dr A", refuse_deleted=True)
    assert refused.value.patient_id == saved.patient_id and refused.value.clinician.startswith("Dr Reyes")
    assert str(refused.value).startswith(f"the bundle's patient was deleted here: patient {saved.patient_id}, on ")
    assert " by Dr Reyes" in str(refused.value)
    assert records.count_patients() == 1  # nothing was written
    brought = records.import_patient(bundle, clinician="Dr A", refuse_deleted=False)
    assert not brought.existed and brought.patient_id not in (saved.patient_id, kept.patient_id)
    assert records.latest_version(brought.patient_id).profile.name == "Maria Schmidt"
    again = records.import_patient(bundle, clinician="Dr A", refuse_deleted=True)  # here again: not asked
    assert again.existed and again.patient_id == brought.patient_id and records.count_patients() == 2


def test_another_patient_deleted_here_is_not_asked_about(records: PatientRecords) -> None:  # noqa: F811
    gone = records.save_plan(*example(name="Ana Lima"), clinician="Dr A")
    records.delete_patient(gone.patient_id, clinician="Dr A")
    saved = records.save_plan(*example(name="Maria Schmidt"), clinician="Dr A")
    bundle = records.export_patient(saved.id).encode()
    assert records.import_patient(bundle, clinician="Dr A", refuse_deleted=True).existed
