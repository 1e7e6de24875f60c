"""A version's reason (m016) goes where the version goes: into a bundle and out of it (bundle version 4), from a
bundle of an earlier Treadwell without one, and on a clinic server upgraded with versions already saved."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from core.storage import records
from core.storage.bundle import BundleError, content_checksum
from core.storage.bundle_transfer import export_bundle, import_bundle
from core.storage.clinic import init_clinic, open_clinic_records
from core.storage.database import open_database
from core.storage.library_sync import sync_library
from tests.conftest import clinic_before
from tests.storage.helpers import example

WHY = "Pain 7/10 after week 2 walks: eight weeks, reviewed sooner"


def _patient(db) -> int:
    sync_library(db)
    first = records.save_plan(db, *example(), clinician="Dr A", reason="First assessment")
    records.save_plan(db, *example(weeks=8), clinician="Dr B", patient_id=first.patient_id, reason=WHY)
    return first.id


def test_a_bundle_carries_each_versions_reason_to_another_workstation(db, tmp_path) -> None:
    bundle = json.loads(export_bundle(db, _patient(db)))
    assert bundle["bundle_version"] == 5
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        imported = import_bundle(other, json.dumps(bundle).encode(), clinician="Dr C")
        assert [v.reason for v in records.plan_history(other, imported.patient_id)] == ["First assessment", WHY]
    finally:
        other.close()


def test_a_bundle_of_an_earlier_treadwell_has_no_reasons_and_imports(db, tmp_path) -> None:
    bundle = json.loads(export_bundle(db, _patient(db)))
    for version in bundle["content"]["versions"]:
        del version["reason"]
    bundle["bundle_version"], bundle["checksum"] = 3, content_checksum(bundle["content"])
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        imported = import_bundle(other, json.dumps(bundle).encode(), clinician="Dr C")
        assert [v.reason for v in records.plan_history(other, imported.patient_id)] == ["", ""]
    finally:
        other.close()


def test_a_bundled_reason_that_cannot_be_kept_is_refused_by_version(db, tmp_path) -> None:
    bundle = json.loads(export_bundle(db, _patient(db)))
    bundle["content"]["versions"][1]["reason"] = "pain\tflare"
    bundle["checksum"] = content_checksum(bundle["content"])
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        with pytest.raises(BundleError) as refused:
            import_bundle(other, json.dumps(bundle).encode(), clinician="Dr C")
        assert refused.value.problems == ["version 2: reason: must not contain control characters such as line "
                                          "breaks or tabs"]
        assert other.execute("select count(*) from plans").fetchone()[0] == 0
    finally:
        other.close()


def test_a_version_here_with_another_reason_is_said_to_differ_and_kept(db, tmp_path) -> None:
    """Seen in review: a bundle whose version had another reason than the same version here imported as "nothing
    new", and a move to the server compared only the plan and the profile."""
    bundle = json.loads(export_bundle(db, _patient(db)))
    bundle["content"]["versions"][1]["reason"] = "Another reason"
    bundle["checksum"] = content_checksum(bundle["content"])
    again = import_bundle(db, json.dumps(bundle).encode(), clinician="Dr C")
    assert again.versions_differing == 1 and "differs from the same version here" in again.sentence()
    assert [v.reason for v in records.plan_history(db, again.patient_id)] == ["First assessment", WHY]


def test_a_clinic_server_upgraded_to_m016_keeps_its_versions_with_no_reason(pg_server) -> None:
    url, applied = clinic_before(pg_server, "m016_plan_reason")
    assert applied[-1] == "applied m015_plans_kept"
    profile, plan = example()
    with psycopg.connect(url, autocommit=True) as admin:  # a version as the Treadwell of schema 15 saved it
        patient = admin.execute("insert into patients (uid, name, name_folded, etiology, created_at, updated_at) "
                                "values (%s, %s, %s, %s, '2026-11-01', '2026-11-01') returning id",
                                [str(uuid.uuid4()), profile.name, records.fold_name(profile.name),
                                 profile.etiology]).fetchone()[0]
        admin.execute("insert into plans (uid, patient_id, version, profile_json, plan_json, overrides_json, "
                      "guidelines_version, created_by, created_at) values (%s, %s, 1, %s, %s, '[]', %s, 'Dr A', "
                      "'2026-11-01T09:00:00+00:00')", [str(uuid.uuid4()), patient, profile.model_dump_json(),
                                                       plan.model_dump_json(), plan.guidelines_version])
    assert init_clinic(url)[:2] == ["applied m016_plan_reason", "applied m017_audit_by_record"]
    store = open_clinic_records(url, lambda etiology: [])
    try:
        (version,) = store.plan_history(patient)
        assert version.reason == "" and version.created_by == "Dr A"
        newer = store.save_plan(*example(weeks=8), clinician="Dr A", patient_id=patient, reason=WHY)
        assert [v.reason for v in store.plan_history(patient)] == ["", WHY] and newer.version == 2
    finally:
        store.connection.close()
