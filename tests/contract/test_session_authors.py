"""Each walk names who logged it here and who corrected it last, as the audit trail names them (seen in review: with
several workstations on one clinic database, no screen said who had logged a walk). Run for every engine."""

from __future__ import annotations

from core.records.interface import PatientRecords
from core.settings import UNNAMED_CLINICIAN
from tests.contract.test_patient_records import as_named, log, records  # noqa: F401 (the fixture)
from tests.storage.helpers import example


def test_each_walk_names_who_logged_it_and_who_corrected_it_last(records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3), clinician="Dr A")
    other = records.add_session(saved.patient_id, log(4), clinician="Dr B")
    assert (walk.logged_by, walk.corrected_by) == (as_named(records, "Dr A"), None)
    records.edit_session(walk.id, log(3, note="pain typed in the wrong box"), clinician="Dr C")
    corrected = records.edit_session(walk.id, log(3, pain_during=4), clinician="Dr D")
    assert (corrected.logged_by, corrected.corrected_by) == (as_named(records, "Dr A"), as_named(records, "Dr D"))
    assert [(s.logged_by, s.corrected_by) for s in records.sessions(saved.patient_id)] == [
        (as_named(records, "Dr A"), as_named(records, "Dr D")), (as_named(records, "Dr B"), None)]
    records.delete_session(other.id, clinician="Dr C")
    back = records.undelete_session(other.id, clinician="Dr E")  # the walk Dr B logged, brought back
    assert (back.logged_by, back.corrected_by) == (as_named(records, "Dr B"), None)
    assert records.get_session(other.id) == back


def test_a_walk_logged_with_no_name_in_settings_says_so(records: PatientRecords) -> None:  # noqa: F811
    saved = records.save_plan(*example(), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3), clinician=UNNAMED_CLINICIAN)
    server = getattr(records, "connection", None)  # the clinic server names the role signed in
    assert walk.logged_by == (UNNAMED_CLINICIAN if server is None else server.info.user)


def test_a_refused_correction_or_delete_names_the_clinician_and_speeds_as_the_clinic_reads_them(
        records: PatientRecords) -> None:  # noqa: F811
    """Seen in review: "changed by unnamed clinician", and "at 3.54 km/h" beside an imperial clinic's mph form."""
    from core.records.models import ChangedBeforeDelete, ChangedMeanwhile

    saved = records.save_plan(*example(), clinician="Dr A")
    walk = records.add_session(saved.patient_id, log(3, speed_kmh=3.54), clinician="Dr A")
    theirs = records.edit_session(walk.id, log(3, speed_kmh=3.54, pain_during=4), clinician=UNNAMED_CLINICIAN)
    refused = ChangedMeanwhile(log(3, speed_kmh=4.02), theirs, by=UNNAMED_CLINICIAN)
    assert "by a clinician with no name in Settings" in refused.said_in("imperial")
    assert "Yours: " in refused.said_in("imperial") and "at 2.5 mph (4.02 km/h)" in refused.said_in("imperial")
    assert "Theirs: " in str(refused) and "at 3.54 km/h" in str(refused)  # the command line's, in km/h
    gone = ChangedBeforeDelete(theirs, by=UNNAMED_CLINICIAN).said_in("imperial")
    assert "a clinician with no name in Settings" in gone and "at 2.2 mph (3.54 km/h)" in gone
