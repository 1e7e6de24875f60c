"""A bundle whose ids are another patient's in these records, on every engine: refused in words, nothing written.
Seen by a tester: an edited bundle (a new patient id, the versions' ids kept) was refused as "The database reported a
problem (UNIQUE constraint failed: plans.uid)"."""

from __future__ import annotations

import json
import uuid

import pytest

from core.records.interface import PatientRecords
from core.storage.bundle import BundleError
from tests.contract.test_patient_records import records  # noqa: F401 (the fixture: every engine)
from tests.hostile.bundle_helpers import resigned
from tests.storage.helpers import example


def test_a_bundle_with_another_patients_ids_is_refused_in_words(records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(), clinician="Dr A")
    bundle = json.loads(records.export_patient(saved.id))
    bundle["content"]["patient_uid"] = str(uuid.uuid4())
    with pytest.raises(BundleError) as refused:
        records.import_patient(resigned(bundle), clinician="Dr C")
    assert refused.value.problems == [
        "the ids of its versions are another patient's in these records, so nothing was imported: the file was "
        "edited, or made from a copy of these records. Export the patient again from where they were saved."]
    assert [v.id for v in records.plan_history(saved.patient_id)] == [saved.id]
    assert records.count_patients() == 1
