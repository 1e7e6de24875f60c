"""On the clinic server, an import's namesake check waits for a new patient of the name being saved meanwhile, and
then sees them, as two saves of one new patient do (found in review: the import read the names before any lock, so a
window's save of "Maria Schmidt" and an import of another could both be kept)."""

from __future__ import annotations

import threading
import time

from core.records.models import NamesakeSaved
from core.storage.clinic import open_clinic_records
from tests.contract.test_import_namesakes import _bundle_from_elsewhere
from tests.storage.helpers import example


def test_an_import_waits_for_a_namesake_saved_meanwhile_and_is_refused(clinic_url, tmp_path) -> None:
    bundle = _bundle_from_elsewhere(tmp_path, "Maria Schmidt")
    window, importer = (open_clinic_records(clinic_url, lambda etiology: []) for _ in range(2))
    outcome: list[object] = []

    def run_import() -> None:
        try:
            outcome.append(importer.import_patient(bundle, clinician="Dr B", refuse_namesakes=True))
        except NamesakeSaved as refused:
            outcome.append(refused)

    try:
        with window.transaction():  # a new patient of the name being saved, not yet committed
            window.append_version(*example(name="MARIA SCHMIDT"), [], patient_id=None, created_by="Dr A",
                                  refuse_namesakes=True)
            racing = threading.Thread(target=run_import)
            racing.start()
            time.sleep(1.0)
            assert racing.is_alive() and outcome == []  # waiting for the name's lock, not reading past it
        racing.join(timeout=30)
        assert len(outcome) == 1 and isinstance(outcome[0], NamesakeSaved), outcome
        assert window.count_patients() == 1
    finally:
        window.connection.close()
        importer.connection.close()

