"""The PatientRecords contract, continued (tests/contract/test_patient_records.py): a patient moved whole to another
store of either engine, and moved again."""

from __future__ import annotations

from core.records.interface import PatientRecords
from tests.contract.test_patient_records import as_named, log, other, records  # noqa: F401 (the fixtures)
from tests.storage.helpers import example


def test_a_patient_moves_whole_to_another_store(records: PatientRecords,  # noqa: F811
                                                other: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(name="Αικατερίνη Π."), clinician="Dr A")
    second = records.save_plan(*example(name="Αικατερίνη Π.", weeks=8), clinician="Dr B",
                               patient_id=first.patient_id)
    records.add_session(second.patient_id, log(week=2), clinician="Dr B", plan_id=second.id)
    bundle = records.export_patient(second.id)
    imported = other.import_patient(bundle.encode("utf-8"), clinician="Dr C")
    ids = imported.plan_ids
    moved = other.plan_history(imported.patient_id)
    assert [v.version for v in moved] == [1, 2] and moved[0].profile.name == "Αικατερίνη Π."
    assert [(v.created_by, v.created_at) for v in moved] == [(as_named(records, "Dr A"), first.created_at),
                                                             (as_named(records, "Dr B"), second.created_at)]
    assert [(entry.week, entry.plan_id) for entry in other.sessions(imported.patient_id)] == [(2, ids[1])]


def test_importing_a_patient_already_here_adds_only_what_is_new(records: PatientRecords,  # noqa: F811
                                                                other: PatientRecords) -> None:  # noqa: F811
    first = records.save_plan(*example(name="Jan Kowalski"), clinician="Dr A")
    records.add_session(first.patient_id, log(3), clinician="Dr A")
    imported = other.import_patient(records.export_patient(first.id).encode(), clinician="Dr C")
    again = other.import_patient(records.export_patient(first.id).encode(), clinician="Dr C")
    assert (again.patient_id, again.existed, again.plan_ids, again.sessions_added) == \
        (imported.patient_id, True, [], 0)
    assert other.count_patients() == 1
    second = records.save_plan(*example(name="Jan Kowalski", weeks=8), clinician="Dr A", patient_id=first.patient_id)
    records.add_session(first.patient_id, log(10, week=2), clinician="Dr A", plan_id=second.id)
    newer = other.import_patient(records.export_patient(second.id).encode(), clinician="Dr C")
    assert (newer.patient_id, len(newer.plan_ids), newer.sessions_added) == (imported.patient_id, 1, 1)
    assert other.count_patients() == 1
    assert [(s.plan_version, s.week) for s in other.sessions(imported.patient_id)] == [(1, 1), (2, 2)]
    corrected = records.sessions(first.patient_id)[0]
    records.edit_session(corrected.id, corrected.as_logged().model_copy(update={"pain_during": 1}), clinician="Dr A")
    local = other.save_plan(*example(name="Jan Kowalski", weeks=10), clinician="Dr C", patient_id=imported.patient_id)
    third = records.save_plan(*example(name="Jan Kowalski", weeks=6), clinician="Dr A", patient_id=first.patient_id)
    merged = other.import_patient(records.export_patient(third.id).encode(), clinician="Dr C")
    kept = other.sessions(imported.patient_id)[0]
    assert (merged.sessions_differing, merged.versions_only_here, len(merged.plan_ids)) == \
        ([f"session {kept.id}, here 2026-11-03, week 1, 9 min, RPE 12, pain during 3, next morning 3; in the bundle "
          "2026-11-03, week 1, 9 min, RPE 12, pain during 1, next morning 3"], 1, 1)
    assert merged.version_in_force == local.version + 1 and "check it" in merged.sentence()
    assert other.sessions(imported.patient_id)[0].pain_during == 3  # kept as it is here
    # seen in review: "1 session(s) differ ... kept" named none of them, and a walk deleted at the source went unsaid
    assert ("Kept as they are here, though the bundle has other values (corrected on one side): session "
            f"{kept.id}, here 2026-11-03") in merged.sentence() and "correct the session here" in merged.sentence()
    records.delete_session(records.sessions(first.patient_id)[1].id, clinician="Dr A")
    after_delete = other.import_patient(records.export_patient(third.id).encode(), clinician="Dr C")
    assert after_delete.sessions_only_here == ["the walk of 2026-11-10 (week 2, 9 min)"]
    assert ("Kept, though not in the bundle (added here, or deleted where it was exported; an import never deletes): "
            "the walk of 2026-11-10 (week 2, 9 min).") in after_delete.sentence()
    assert len(other.sessions(imported.patient_id)) == 2
    # seen in review: a walk deleted here came back, "new", with the next import of a bundle that still had it
    gone = other.sessions(imported.patient_id)[0]
    other.delete_session(gone.id, clinician="Dr C")
    again = other.import_patient(records.export_patient(third.id).encode(), clinician="Dr C")
    assert (again.sessions_added, again.sessions_deleted_here) == (0, ["the walk of 2026-11-03 (week 1, 9 min)"])
    assert ("Not added again, as they were deleted here (an import does not undo a deletion): the walk of "
            "2026-11-03 (week 1, 9 min).") in again.sentence()
    assert gone.uid not in {session.uid for session in other.sessions(imported.patient_id)}
