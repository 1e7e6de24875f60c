"""Plan bundles between workstations: round trip with provenance, and tampered, truncated, newer or
forged files refused (tests/hostile/test_bundle_hostile.py has the hostile cases)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from core.storage.library_sync import sync_library
from core.plan.session_log import SessionLog
from core.storage import records
from core.plan.guidelines import GUIDELINES_VERSION
from core.storage.bundle import BundleError
from core.storage.bundle import content_checksum
from core.storage.bundle_transfer import export_bundle, import_bundle
from core.storage.database import open_database
from tests.storage.helpers import example


ETIOLOGY = "peripheral-nerve-injury"  # animal studies lend the structure: the evidence is re-derived too


def bundle_of(db) -> str:
    sync_library(db)  # as every command and the window have it
    first = records.save_plan(db, *example(ETIOLOGY, name="Αικατερίνη Π."), clinician="Dr A")
    second = records.save_plan(db, *example(ETIOLOGY, name="Αικατερίνη Π.", weeks=8), clinician="Dr B",
                               patient_id=first.patient_id)
    records.add_session(db, second.patient_id, SessionLog(date=dt.date(2026, 11, 3), week=2, minutes=9, rpe=12,
                                                          pain_during=3, pain_next_morning=3,
                                                          stiffer_next_morning=True), clinician="Dr B",
                        plan_id=second.id)
    return export_bundle(db, second.id)


def test_round_trip_to_another_workstation(db, tmp_path) -> None:
    text = bundle_of(db)
    source = records.plan_history(db, 1)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        ids = import_bundle(other, text.encode("utf-8"), clinician="Dr C").plan_ids
        history = records.plan_history(other, records.get_plan(other, ids[0]).patient_id)
        assert [v.version for v in history] == [1, 2] and history[1].profile.weeks == 8
        assert history[0].profile.name == "Αικατερίνη Π."
        assert [v.plan for v in history] == [v.plan for v in source]
        # Each version keeps its author and date; every audit row is the importer's, at the import.
        assert [(v.created_by, v.created_at) for v in history] == [("Dr A", source[0].created_at),
                                                                    ("Dr B", source[1].created_at)]
        assert {event.clinician for event in records.audit_trail(other)} == {"Dr C"}
        (session,) = records.sessions(other, history[1].patient_id)
        assert (session.week, session.plan_id, session.stiffer_next_morning) == (2, ids[1], True)
    finally:
        other.close()


def test_an_author_saved_with_a_line_break_still_moves_as_one_plain_line(db, tmp_path) -> None:
    """Seen in review: a clinician name with a line break and a bidi override, typed into settings.json before its
    names were checked, was saved as the author, and the bundle refused it: that patient could never be exported or
    moved to the clinic server. Settings refuse such a name now; one already saved goes out as one plain line."""
    sync_library(db)
    saved = records.save_plan(db, *example(ETIOLOGY), clinician="Zoë\nX\u202eevil")
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        text = export_bundle(db, saved.id)
        ids = import_bundle(other, text.encode("utf-8"), clinician="Dr C").plan_ids
        assert records.get_plan(other, ids[0]).created_by == "Zoë Xevil"
    finally:
        other.close()


def test_a_move_from_this_workstations_own_records_keeps_the_studies_a_plan_cites_as_saved(db, tmp_path) -> None:
    """Seen by a clinic's administrator: a plan saved before a study was imported on its workstation was re-derived
    on the move with that study, so the server's copy cited a study the patient's plan did not, and `db move-to`
    said "differs on the server" on every run. A bundle from elsewhere still takes them from this library."""
    from core.storage.bundle_transfer import SqliteBundleStore, import_into

    bundle = json.loads(bundle_of(db))
    for version in bundle["content"]["versions"]:
        version["plan"]["evidence"] = [*version["plan"]["evidence"], "local-finch-2024"]  # a study only there
    bundle["checksum"] = content_checksum(bundle["content"])
    for moved in (True, False):
        other = open_database(tmp_path / f"other-{moved}.sqlite3")
        try:
            sync_library(other)
            ids = import_into(SqliteBundleStore(other), json.dumps(bundle).encode(), clinician="Dr C",
                              lent_as_given=moved).plan_ids
            assert all(("local-finch-2024" in records.get_plan(other, plan_id).plan.evidence) is moved
                       for plan_id in ids)
        finally:
            other.close()


def test_an_import_that_names_the_patient_differently_says_so(db, tmp_path) -> None:
    """Seen in testing: a bundle adding a version named "Other Person", sex male, under the patient's id was
    imported saying only "added 1 plan version(s)", and the patient list then showed the other name."""
    sync_library(db)
    first = records.save_plan(db, *example(ETIOLOGY, name="Ann Lee", sex="female"), clinician="Dr A")
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        import_bundle(other, export_bundle(db, first.id).encode(), clinician="Dr C")
        second = records.save_plan(db, *example(ETIOLOGY, name="Other Person", sex="male"), clinician="Dr A",
                                   patient_id=first.patient_id, same_person=True)
        again = import_bundle(other, export_bundle(db, second.id).encode(), clinician="Dr C")
        assert again.identity_changed == ["name", "sex"]
        assert "Check who this is: plan version 2, now in force, gives another name and sex" in again.sentence()
        same = records.save_plan(db, *example(ETIOLOGY, name="Other Person", sex="male", weeks=8), clinician="Dr A",
                                 patient_id=first.patient_id)
        third = import_bundle(other, export_bundle(db, same.id).encode(), clinician="Dr C")
        assert third.identity_changed == [] and "Check who" not in third.sentence()
    finally:
        other.close()


def test_a_history_with_a_corrected_name_moves_whole(db, tmp_path) -> None:
    sync_library(db)
    first = records.save_plan(db, *example(ETIOLOGY, name="Jon Smiht"), clinician="Dr A")
    second = records.save_plan(db, *example(ETIOLOGY, name="John Smith"), clinician="Dr A",
                               patient_id=first.patient_id, same_person=True)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        ids = import_bundle(other, export_bundle(db, second.id).encode("utf-8"),
                            clinician="Dr C").plan_ids
        assert [records.get_plan(other, i).profile.name for i in ids] == ["Jon Smiht", "John Smith"]
    finally:
        other.close()


def problems_for(db, data: bytes) -> list[str]:
    before = db.execute("select count(*) from plans").fetchone()[0]
    with pytest.raises(BundleError) as caught:
        import_bundle(db, data, clinician="Dr C")
    assert db.execute("select count(*) from plans").fetchone()[0] == before  # nothing written
    return caught.value.problems


def test_tampered_bundle_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["content"]["versions"][0]["profile"]["age"] = 99
    assert "checksum does not match" in problems_for(db, json.dumps(bundle).encode())[0]


def test_truncated_bundle_is_refused(db) -> None:
    text = bundle_of(db)
    assert "not a readable JSON" in problems_for(db, text[: len(text) // 2].encode())[0]


def test_bundle_from_a_newer_version_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["bundle_version"] = 7
    assert "newer Treadwell" in problems_for(db, json.dumps(bundle).encode())[0]


@pytest.mark.parametrize("version", [0, -7, True, "1", 1.5])
def test_an_unknown_bundle_version_is_refused(db, version) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["bundle_version"] = version
    assert problems_for(db, json.dumps(bundle).encode())[0].startswith("bundle_version: ")


def test_a_forged_plan_with_a_recomputed_checksum_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["content"]["versions"][1]["plan"]["intensity"]["target_hr"] = [250, 300]
    bundle["checksum"] = content_checksum(bundle["content"])  # unkeyed: anyone can recompute it
    assert problems_for(db, json.dumps(bundle).encode()) == [
        "version 2 plan: intensity.target_hr: does not match what Treadwell computes from this version's profile and "
        f"the options the plan records (guidelines {GUIDELINES_VERSION})"]


def test_a_session_week_beyond_its_plan_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    bundle["content"]["session_logs"][0]["week"] = 9  # version 2 has 8 weeks
    bundle["checksum"] = content_checksum(bundle["content"])
    assert problems_for(db, json.dumps(bundle).encode()) == [
        "session log 1: week: must be from 1 to 8, the weeks of version 2's plan"]


def test_a_session_is_checked_as_strictly_as_one_typed_in(db, tmp_path) -> None:
    """A session dated 2030 was imported (typed in, it is refused as after today), and an effort of 25 was
    refused in pydantic's words ("input should be less than or equal to 20") without the allowed range."""
    bundle = json.loads(bundle_of(db))
    bundle["content"]["session_logs"][0]["rpe"] = 25
    bundle["checksum"] = content_checksum(bundle["content"])
    assert problems_for(db, json.dumps(bundle).encode()) == [
        "session log 1: rpe: must be at most 20; allowed: 6 to 20 (Borg)"]
    bundle["content"]["session_logs"][0] |= {"rpe": 12, "date": (dt.date.today() + dt.timedelta(days=2)).isoformat()}
    bundle["checksum"] = content_checksum(bundle["content"])
    assert problems_for(db, json.dumps(bundle).encode()) == [
        f"session log 1: date: is after today ({dt.date.today().isoformat()}); allowed: a date such as 2026-11-30, "
        "up to today"]
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # another workstation's clock or time zone a little ahead
    bundle["content"]["session_logs"][0]["date"] = tomorrow.isoformat()
    bundle["checksum"] = content_checksum(bundle["content"])
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        assert import_bundle(other, json.dumps(bundle).encode(), clinician="Dr C").sessions_added == 1
    finally:
        other.close()


@pytest.mark.parametrize("data", [b"", b"\x00\xff\xfe", b"[]", b'{"format": "something else"}'])
def test_other_files_are_refused(db, data) -> None:
    assert problems_for(db, data)


def as_version_1(text: str) -> bytes:
    """The same course as a Treadwell of bundle version 1 wrote it: no ids, sessions without heart rate or note."""
    bundle = json.loads(text)
    content = bundle["content"]
    del content["patient_uid"]
    for version in content["versions"]:
        del version["uid"]
    for log in content["session_logs"]:
        for field in ("uid", "heart_rate", "note"):
            del log[field]
    bundle.update(bundle_version=1, checksum=content_checksum(content))
    return json.dumps(bundle).encode("utf-8")


def test_a_version_1_bundle_still_imports_and_a_second_import_finds_the_first(db, tmp_path) -> None:
    data = as_version_1(bundle_of(db))
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        first = import_bundle(other, data, clinician="Dr C")
        assert (first.existed, len(first.plan_ids), first.sessions_added) == (False, 2, 1)
        again = import_bundle(other, data, clinician="Dr C")
        assert (again.patient_id, again.existed, again.plan_ids, again.sessions_added) == (first.patient_id, True, [], 0)
        assert records.count_patients(other) == 1
    finally:
        other.close()


@pytest.mark.parametrize("where", ["patient", "version", "session"])
def test_a_version_2_bundle_without_its_ids_is_refused(db, where) -> None:
    bundle = json.loads(bundle_of(db))
    content = bundle["content"]
    target = {"patient": content, "version": content["versions"][0], "session": content["session_logs"][0]}[where]
    del target["patient_uid" if where == "patient" else "uid"]
    bundle["checksum"] = content_checksum(content)
    problems = problems_for(db, json.dumps(bundle).encode())
    assert any("uid: is missing" in line for line in problems), problems


def test_an_id_given_twice_is_refused(db) -> None:
    bundle = json.loads(bundle_of(db))
    content = bundle["content"]
    content["versions"][1]["uid"] = content["versions"][0]["uid"]
    bundle["checksum"] = content_checksum(content)
    assert any("is given to another record too" in line for line in problems_for(db, json.dumps(bundle).encode()))


def test_a_session_under_a_blocked_version_is_refused_before_anything_is_written(db) -> None:
    sync_library(db)
    blocked = records.save_plan(db, *example(ETIOLOGY, contraindications=["unstable-angina"]), clinician="Dr A")
    assert blocked.plan.blocked
    bundle = json.loads(export_bundle(db, blocked.id))
    content = bundle["content"]
    content["session_logs"] = [{"version": 1, "uid": "0d4f8a52-6c1e-4b7a-9a43-5e2f1c7b8d90", "date": "2026-11-03",
                                "week": 1, "minutes": 9, "rpe": 12}]
    content["patient_uid"] = "7e0c1d2e-7a41-4c59-9f1e-2b8e6d0a9c31"  # another patient, so the import would add it
    bundle["checksum"] = content_checksum(content)
    problems = problems_for(db, json.dumps(bundle).encode())
    assert problems == ["session log 1: week: version 1's plan is blocked by screening and has no weeks to walk"]


def test_a_patient_moved_with_version_1_bundles_before_the_upgrade_stays_one_patient(tmp_path) -> None:
    """Workstation A upgrades from the first released schema; the version 1 bundle that moved its patient
    (made before the upgrade, so without ids) is imported again: the ids derived on both sides agree."""
    from tests.conftest import REPO_ROOT
    from tests.fixtures.db.make_fixture import load_fixture

    import sqlite3

    from core.evidence.library import load_library
    from core.plan.engine import compute_plan
    from core.plan.profile import stored_profile

    load_fixture(REPO_ROOT / "tests" / "fixtures" / "db" / "schema-4.sql", tmp_path / "a.sqlite3")
    connection = sqlite3.connect(tmp_path / "a.sqlite3")
    with connection:  # its plans as today's guidelines compute them, so the bundle can be re-derived here
        studies = load_library().studies
        for plan_id, profile_json in connection.execute("select id, profile_json from plans").fetchall():
            profile = stored_profile(profile_json)
            plan = compute_plan(profile, [s for s in studies if profile.etiology in s.etiologies])
            connection.execute("update plans set plan_json = ? where id = ?", [plan.model_dump_json(), plan_id])
        for _ in range(2):  # two logs under version 1, the same walk entered twice
            connection.execute("insert into session_logs (plan_id, week, date, minutes, speed_kmh, rpe, pain_during, "
                               "pain_next_morning, created_at) values (1, 1, '2026-01-02', 15.0, null, 12, 2, 2, "
                               "'2026-01-02T10:00:00+00:00')")
    connection.close()
    upgraded = open_database(tmp_path / "a.sqlite3")
    try:
        sync_library(upgraded)
        (patient,) = records.list_plans(upgraded)
        before = (records.plan_history(upgraded, patient.patient_id), records.sessions(upgraded, patient.patient_id))
        assert len(before[1]) == 3
        version_1 = as_version_1(export_bundle(upgraded, patient.plan_id))
        again = import_bundle(upgraded, version_1, clinician="Dr C")
        assert (again.patient_id, again.existed, again.plan_ids, again.sessions_added) == \
            (patient.patient_id, True, [], 0)
        assert (records.plan_history(upgraded, patient.patient_id),
                records.sessions(upgraded, patient.patient_id)) == before
    finally:
        upgraded.close()


def test_a_bundle_whose_version_was_edited_is_said_to_differ_and_changes_nothing_here(db) -> None:
    """Seen in review: a bundle with the same ids and an edited profile name (checksum recomputed) was imported
    as "Nothing new: patient 2 already has everything in this bundle", though a saved version never changes."""
    bundle = json.loads(bundle_of(db))
    again = import_bundle(db, json.dumps(bundle).encode(), clinician="Dr C")
    assert again.versions_differing == 0 and again.sentence().startswith("Nothing new")
    bundle["content"]["versions"][0]["profile"]["name"] = "Other Name"
    bundle["checksum"] = content_checksum(bundle["content"])
    edited = import_bundle(db, json.dumps(bundle).encode(), clinician="Dr C")
    assert edited.versions_differing == 1 and edited.plan_ids == [] and "Nothing new" not in edited.sentence()
    assert "1 plan version in the bundle differs from the same version here" in edited.sentence()
    assert records.plan_history(db, edited.patient_id)[0].profile.name == "Αικατερίνη Π."


def test_a_patients_own_export_is_not_said_to_differ_after_the_clinic_imports_a_study(db, tmp_path) -> None:
    """Seen by a helper: a study imported for the patient's etiology after the plan was saved, and the patient's own
    untouched export was "edited after it was exported" (what the library lends a plan is re-derived from this
    workstation's studies, the saved version kept what it had); an edited clinical value still differs."""
    from core.storage.evidence_import import import_studies
    from tests.test_evidence_import import GOOD_ROW, HEADER

    bundle = bundle_of(db)
    row = GOOD_ROW.replace(":neuroinflammation,", ":neuroinflammation-glia,")  # the shipped library's id
    (tmp_path / "mine.csv").write_text(HEADER + "\n" + row + "\n", encoding="utf-8")
    assert import_studies(db, tmp_path / "mine.csv").ok
    again = import_bundle(db, bundle.encode(), clinician="Dr C")
    assert again.versions_differing == 0 and again.sentence().startswith("Nothing new"), again.sentence()
    edited = json.loads(bundle)
    edited["content"]["versions"][0]["profile"]["name"] = "Other Name"
    edited["checksum"] = content_checksum(edited["content"])
    assert import_bundle(db, json.dumps(edited).encode(), clinician="Dr C").versions_differing == 1
