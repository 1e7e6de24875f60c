"""m019 on the clinic server: a server set up by the Treadwell of schema 18, with a walk on it, upgrades with the walk
read as before (the audit naming who logged it), and then keeps a moved walk's authors as the bundle names them."""

from __future__ import annotations

import json
import uuid

import psycopg

from core.storage import records
from core.storage.clinic import init_clinic, open_clinic_records
from core.storage.bundle_transfer import bundle_text
from tests.conftest import clinic_before
from tests.storage.helpers import example


def test_a_server_of_schema_18_with_a_walk_upgrades_and_keeps_moved_walks_authors(pg_server) -> None:
    url, applied = clinic_before(pg_server, "m019_walk_authors")
    assert applied[-1] == "applied m018_names_fold_spaces"
    profile, plan = example()
    with psycopg.connect(url, autocommit=True) as admin:  # a walk as the Treadwell of schema 18 saved it
        patient = admin.execute("insert into patients (uid, name, name_folded, etiology, created_at, updated_at) "
                                "values (%s, %s, %s, %s, '2026-11-01', '2026-11-01') returning id",
                                [str(uuid.uuid4()), profile.name, records.fold_name(profile.name),
                                 profile.etiology]).fetchone()[0]
        version = admin.execute(
            "insert into plans (uid, patient_id, version, profile_json, plan_json, overrides_json, guidelines_version, "
            "created_by, created_at) values (%s, %s, 1, %s, %s, '[]', %s, 'Dr A', '2026-11-01T09:00:00+00:00') "
            "returning id", [str(uuid.uuid4()), patient, profile.model_dump_json(), plan.model_dump_json(),
                             plan.guidelines_version]).fetchone()[0]
        walk = admin.execute("insert into sessions (uid, patient_id, plan_id, week, date, minutes, rpe, created_at, "
                             "updated_at) values (%s, %s, %s, 1, '2026-11-02', 10, 12, '2026-11-02T09:00:00+00:00', "
                             "'2026-11-02T09:00:00+00:00') returning id", [str(uuid.uuid4()), patient, version]
                             ).fetchone()[0]
        admin.execute("insert into audit (at, action, record_type, record_id, clinician) values "
                      "('2026-11-02T09:00:00+00:00', 'create', 'session', %s, 'Dr A')", [walk])
    assert init_clinic(url)[0] == "applied m019_walk_authors"
    store = open_clinic_records(url, lambda etiology: [])
    try:
        (kept,) = store.sessions(patient)
        assert (kept.logged_by, kept.corrected_by, kept.minutes) == ("Dr A", None, 10)
        bundle = json.loads(bundle_text(store, version))
        bundle["content"]["patient_uid"] = str(uuid.uuid4())  # as another patient's, moved in
        bundle["content"]["versions"][0]["uid"] = str(uuid.uuid4())
        bundle["content"]["session_logs"][0] |= {"uid": str(uuid.uuid4()), "logged_by": "Dr Elsewhere",
                                                 "corrected_by": "Dr Later"}
        from core.storage.bundle import content_checksum

        bundle["checksum"] = content_checksum(bundle["content"])
        moved = store.import_patient(json.dumps(bundle).encode(), clinician="Dr C", refuse_namesakes=False)
        (walk,) = store.sessions(moved.patient_id)
        assert (walk.logged_by, walk.corrected_by) == ("Dr Elsewhere", "Dr Later")
    finally:
        store.connection.close()
