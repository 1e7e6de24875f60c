"""A walk a bundle moves keeps who logged it and who corrected it last, as a plan version keeps its author (m019,
bundle version 5). Seen by two testers: every moved walk read as logged by the importing clinician, or "a clinician
with no name in Settings", and its correction was gone."""

from __future__ import annotations

import json

from core.records.authors import logged_by_words
from core.records.interface import PatientRecords
from tests.contract.test_patient_records import as_named, log, other, records  # noqa: F401 (the fixtures)
from tests.storage.helpers import example


def test_a_moved_walk_keeps_who_logged_and_corrected_it(records: PatientRecords,  # noqa: F811
                                                       other: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(name="Wanjiru K."), clinician="Dr A")
    records.add_session(saved.patient_id, log(3), clinician="Dr A")
    corrected = records.add_session(saved.patient_id, log(5), clinician="Dr A")
    records.edit_session(corrected.id, log(5, pain_next_morning=6), clinician="Dr B")
    bundle = records.export_patient(saved.id)
    assert json.loads(bundle)["bundle_version"] == 5

    imported = other.import_patient(bundle.encode("utf-8"), clinician="Dr C")
    moved = {walk.date.day: walk for walk in other.sessions(imported.patient_id)}
    dr_a, dr_b = as_named(records, "Dr A"), as_named(records, "Dr B")
    assert (moved[3].logged_by, moved[3].corrected_by) == (dr_a, None)
    assert logged_by_words(moved[5]) == f"{dr_a}, corrected by {dr_b}"

    other.edit_session(moved[5].id, log(5, pain_next_morning=4), clinician="Dr D")  # corrected where it was moved
    assert other.get_session(moved[5].id).corrected_by == as_named(other, "Dr D")
    again = other.export_patient(imported.plan_ids[-1])  # and moved on, as it reads there
    walks = {item["date"]: item for item in json.loads(again)["content"]["session_logs"]}
    assert walks["2026-11-05"]["logged_by"] == dr_a and walks["2026-11-05"]["corrected_by"] == as_named(other, "Dr D")


def test_a_walk_from_a_bundle_of_version_4_reads_as_logged_by_the_importing_clinician(
        records: PatientRecords, other: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(name="Wanjiru K."), clinician="Dr A")
    records.add_session(saved.patient_id, log(3), clinician="Dr A")
    bundle = json.loads(records.export_patient(saved.id))
    bundle["bundle_version"] = 4  # before walks named their authors
    for walk in bundle["content"]["session_logs"]:
        del walk["logged_by"], walk["corrected_by"]
    from core.storage.bundle import content_checksum

    bundle["checksum"] = content_checksum(bundle["content"])
    imported = other.import_patient(json.dumps(bundle).encode("utf-8"), clinician="Dr C")
    assert [walk.logged_by for walk in other.sessions(imported.patient_id)] == [as_named(other, "Dr C")]
