"""A walk is deleted only as the clinician was shown it, by every engine. Seen in review: workstation A's delete
confirmation showed pain 3, workstation B had corrected it to pain 7 meanwhile, and B's correction was deleted
without a word (corrections and patient deletions were already refused so)."""

from __future__ import annotations

import pytest

from core.records.interface import PatientRecords
from core.records.models import ChangedBeforeDelete, RecordNotFound
from tests.contract.test_patient_records import as_named, log, records  # noqa: F401 (the fixture)
from tests.storage.helpers import example


def test_a_walk_corrected_since_it_was_shown_is_not_deleted(records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(), clinician="Dr A")
    shown = records.add_session(saved.patient_id, log(3, pain_during=3), clinician="Dr A")
    theirs = records.edit_session(shown.id, log(3, pain_during=7), clinician="Dr B")
    with pytest.raises(ChangedBeforeDelete) as refused:
        records.delete_session(shown.id, clinician="Dr A", based_on=shown.updated_at)
    assert refused.value.theirs == theirs and "pain during 7" in str(refused.value)
    said = f"Not deleted: this session was changed by {as_named(records, 'Dr B')} at "
    assert str(refused.value).startswith(said)
    assert records.sessions(saved.patient_id) == [theirs]
    records.delete_session(shown.id, clinician="Dr A", based_on=theirs.updated_at)  # seen, and deleted again
    assert records.sessions(saved.patient_id) == []
    with pytest.raises(RecordNotFound):
        records.delete_session(shown.id, clinician="Dr A", based_on=theirs.updated_at)


def test_a_walk_never_corrected_is_not_said_to_be_changed_by_someone(records: PatientRecords) -> None:  # noqa: F811
    """Seen in review: a mistyped --if-unchanged-since said "changed by someone else at" the walk's own logging time."""
    saved = records.save_plan(*example(), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3), clinician="Dr A")
    with pytest.raises(ChangedBeforeDelete) as refused:
        records.delete_session(walk.id, clinician="Dr A", based_on="2020-01-01T00:00:00+00:00")
    assert "was logged at " in str(refused.value) and "not corrected since, so the time given is not when it was " \
        "last saved" in str(refused.value) and "someone else" not in str(refused.value)


def test_a_walk_changed_by_a_clinician_with_no_name_says_so(records: PatientRecords) -> None:  # noqa: F811
    """Who changed a walk, as its audit row names them: a clinician with no name in Settings is "unnamed clinician"
    there (on the clinic server, their sign-in role)."""
    from core.settings import UNNAMED_CLINICIAN

    saved = records.save_plan(*example(), clinician="Dr A")
    shown = records.add_session(saved.patient_id, log(3, pain_during=3), clinician="Dr A")
    records.edit_session(shown.id, log(3, pain_during=6), clinician=UNNAMED_CLINICIAN)
    with pytest.raises(ChangedBeforeDelete) as refused:
        records.delete_session(shown.id, clinician="Dr A", based_on=shown.updated_at)
    server = getattr(records, "connection", None)
    who = server.info.user if server is not None else "a clinician with no name in Settings"
    assert str(refused.value).startswith(f"Not deleted: this session was changed by {who} at "), str(refused.value)


def test_a_walk_gone_with_its_deleted_patient_is_not_said_to_be_deleted_by_who_logged_it(
        records: PatientRecords) -> None:  # noqa: F811
    """Seen in review: the walk's latest audit row was its logging, Dr A's, so a correction refused after Dr B deleted
    the patient said "deleted by Dr A meanwhile"; a patient's walks go with them without rows of their own."""
    from core.records.models import ChangedMeanwhile

    saved = records.save_plan(*example(), clinician="Dr A")
    shown = records.add_session(saved.patient_id, log(3), clinician="Dr A")
    records.delete_patient(saved.patient_id, clinician="Dr B")
    with pytest.raises((ChangedMeanwhile, RecordNotFound)) as refused:
        records.edit_session(shown.id, log(3, pain_during=5), clinician="Dr C", based_on=shown.updated_at)
    assert "Dr A" not in str(refused.value), str(refused.value)


def test_a_walk_deleted_already_says_by_whom_and_when(records: PatientRecords) -> None:  # noqa: F811
    """Seen in a clinic-server review: two workstations confirmed the same delete, and the second was told only
    "There is no logged session with id 1"."""
    saved = records.save_plan(*example(), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3), clinician="Dr A")
    records.delete_session(walk.id, clinician="Dr B", based_on=walk.updated_at)
    with pytest.raises(RecordNotFound) as refused:
        records.delete_session(walk.id, clinician="Dr A", based_on=walk.updated_at)
    said = f"Not deleted: session {walk.id} was deleted already, by {as_named(records, 'Dr B')} at "
    assert str(refused.value).startswith(said) and str(refused.value).endswith(" UTC."), str(refused.value)
    with pytest.raises(RecordNotFound, match="^There is no logged session with id 999.$"):
        records.delete_session(999, clinician="Dr A")
