"""The patients listed the most recently saved first, on every engine, a patient brought in from elsewhere (a bundle,
or `db move-to`) by when its versions were saved there, not by when it arrived. Seen by a clinic's tester: patients
moved to the server (saved at 02:49) were listed above those saved there at 02:56 and 02:58."""

from __future__ import annotations

import json

from core.records.interface import PatientRecords
from tests.contract.test_patient_records import records  # noqa: F401 (the fixture: every engine)
from tests.hostile.bundle_helpers import resigned
from tests.storage.helpers import example


def test_a_patient_brought_in_is_listed_by_when_it_was_saved(records: PatientRecords, tmp_path) -> None:  # noqa: F811
    from core.storage.database import open_database
    from core.storage.library_sync import sync_library
    from core.storage.sqlite_records import SqliteRecords

    elsewhere = open_database(tmp_path / "elsewhere.sqlite3")  # another workstation, its patient saved earlier
    sync_library(elsewhere)
    theirs = SqliteRecords(elsewhere).save_plan(*example(name="Ada Early"), clinician="Dr B")
    bundle = json.loads(SqliteRecords(elsewhere).export_patient(theirs.id))
    elsewhere.close()
    bundle["content"]["versions"][0]["created_at"] = "2026-01-05T09:00:00+00:00"
    ours = records.save_plan(*example(name="Bo Later"), clinician="Dr A")
    brought = records.import_patient(resigned(bundle), clinician="Dr A")
    assert [row.patient_name for row in records.list_plans()] == ["Bo Later", "Ada Early"]
    newer = records.save_plan(*example(name="Ada Early", pain_nrs=6), clinician="Dr A", patient_id=brought.patient_id)
    assert newer.version == 2  # saved here now: the most recent
    assert [row.patient_name for row in records.list_plans()] == ["Ada Early", "Bo Later"], ours


def test_a_version_saved_in_another_time_zone_or_by_a_clock_ahead_orders_its_patient_as_utc(
        records: PatientRecords, tmp_path) -> None:  # noqa: F811
    """Seen in review: a bundle's version saved half an hour ago, written "+02:00", compared as text above one saved
    here now ("+00:00"), and a workstation's clock ahead kept its patient atop the list until that time came."""
    import datetime as dt

    from core.storage.database import open_database
    from core.storage.library_sync import sync_library
    from core.storage.sqlite_records import SqliteRecords

    elsewhere = open_database(tmp_path / "elsewhere.sqlite3")
    sync_library(elsewhere)
    bundles = []
    for name, saved in (("Ada East", dt.datetime.now(dt.timezone(dt.timedelta(hours=2))) - dt.timedelta(minutes=30)),
                        ("Cy Ahead", dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2))):
        theirs = SqliteRecords(elsewhere).save_plan(*example(name=name), clinician="Dr B")
        bundle = json.loads(SqliteRecords(elsewhere).export_patient(theirs.id))
        bundle["content"]["versions"][0]["created_at"] = saved.isoformat()
        bundles.append(resigned(bundle))
    elsewhere.close()
    for bundle in bundles:
        records.import_patient(bundle, clinician="Dr A")
    records.save_plan(*example(name="Bo Now"), clinician="Dr A")
    assert [row.patient_name for row in records.list_plans()][0] == "Bo Now"
