"""Hostile plan bundles, continued: provenance kept apart from the import, and inputs that are not files
(read bounded, before the lock, refused in one sentence)."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from core.storage import records
from core.storage.bundle import BundleError
from core.storage.bundle_transfer import export_bundle, import_bundle
from core.storage.database import open_database
from core.storage.library_sync import sync_library
from tests.hostile.bundle_helpers import NAME, counts, exported, refused, resigned

# --- Provenance ---------------------------------------------------------------------------------------------


def test_provenance_keeps_the_original_authors_and_dates_and_the_audit_names_the_importer(db, tmp_path) -> None:
    bundle = exported(db)
    recorded = [(v["created_by"], v["created_at"]) for v in bundle["content"]["versions"]]
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        started = records.now_iso()
        ids = import_bundle(other, json.dumps(bundle).encode("utf-8"), clinician="Dr C").plan_ids
        versions = [records.get_plan(other, i) for i in ids]
        assert [(v.created_by, v.created_at) for v in versions] == recorded  # as recorded in the bundle
        trail = records.audit_trail(other)
        assert trail and {event.clinician for event in trail} == {"Dr C"}  # the importer did every write here
        assert all(event.at >= started for event in trail)  # at the time of the import, never backdated
        assert any(e.action == "import" and e.record_type == "patient" for e in trail)
        assert {e.record_id for e in trail if e.action == "import" and e.record_type == "plan"} == set(ids)
        again = json.loads(export_bundle(other, ids[-1]))  # the chain survives a second move
        assert [(v["created_by"], v["created_at"]) for v in again["content"]["versions"]] == recorded
    finally:
        other.close()


# --- Inputs that are not files ------------------------------------------------------------------------------


def test_the_window_refuses_a_pipe_a_folder_and_a_device_without_reading_them(data_dir, tmp_path) -> None:
    from core.workspace.gateway import RecordsGateway

    open_database(data_dir.database_path).close()
    gateway = RecordsGateway(data_dir, read_only=False)
    gateway.open()
    try:
        before = counts(gateway._db)
        targets = [tmp_path]
        if hasattr(os, "mkfifo"):
            os.mkfifo(tmp_path / "bundle.fifo")
            targets.append(tmp_path / "bundle.fifo")
        if Path("/dev/zero").exists():
            targets.append(Path("/dev/zero"))
        for target in targets:
            with pytest.raises(BundleError) as caught:
                gateway.import_bundle(target, clinician="Dr C")
            assert len(caught.value.problems) == 1 and "not a regular file" in caught.value.problems[0]
        huge = tmp_path / "huge.json"
        with open(huge, "wb") as handle:
            handle.truncate(10**10)  # sparse: refused by its size, never read
        with pytest.raises(BundleError) as caught:
            gateway.import_bundle(huge, clinician="Dr C")
        assert "larger than" in caught.value.problems[0]
        assert counts(gateway._db) == before
    finally:
        gateway.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_the_command_line_refuses_non_files_before_taking_the_lock(run_main, tmp_path, kind) -> None:
    data = tmp_path / "data"
    target = {"fifo": tmp_path / "bundle.fifo", "folder": tmp_path, "device": Path("/dev/zero")}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    if not target.exists():
        pytest.skip(f"no {target} here")
    result = run_main("plans", "import", str(target), data_dir=data, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a regular file" in lines[0] and "Traceback" not in result.stderr
    assert not (data / "treadwell.sqlite3").exists(), "the records were opened before the input was read"


def test_a_forged_bundle_on_the_command_line_is_plain_and_writes_nothing(run_main, tmp_path, db) -> None:
    data = tmp_path / "data"
    bundle = exported(db)
    bundle["content"]["versions"][0]["plan"]["weeks"][0]["target_hr"] = [250, 300]
    bundle["content"]["session_logs"][0]["week"] = 26
    path = tmp_path / "forged.json"
    path.write_bytes(resigned(bundle))
    result = run_main("plans", "import", str(path), data_dir=data)
    assert result.returncode == 2 and "Traceback" not in result.stderr and NAME not in result.stderr
    assert "version 1 plan: weeks.0.target_hr" in result.stderr and "session log 1: week" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "Nothing was imported."
    listed = run_main("plans", "list", "--format", "json", data_dir=data)
    assert json.loads(listed.stdout) == []


def test_a_big_list_of_bad_records_gives_a_bounded_answer(db) -> None:
    bundle = exported(db)
    log = bundle["content"]["session_logs"][0]
    bundle["content"]["session_logs"] = [dict(copy.deepcopy(log), week=26) for _ in range(5_000)]
    problems = refused(db, resigned(bundle))
    assert len(problems) <= 51 and "more" in problems[-1]


def test_ids_that_are_another_patients_here_are_refused_in_words_and_write_nothing(db) -> None:
    """Seen by a tester: a bundle edited to a new patient id, its versions' or walks' ids kept, was refused as "The
    database reported a problem (UNIQUE constraint failed: plans.uid)" (exit 1), naming neither what nor why."""
    import uuid

    bundle = exported(db)
    bundle["content"]["patient_uid"] = str(uuid.uuid4())
    [problem] = refused(db, resigned(bundle))
    assert problem.startswith("the ids of its versions are another patient's in these records, so nothing was "
                              "imported"), problem
    for version in bundle["content"]["versions"]:
        version["uid"] = str(uuid.uuid4())
    [problem] = refused(db, resigned(bundle))
    assert problem.startswith("the ids of its walks are another patient's in these records"), problem


def test_a_number_too_long_to_read_is_said_so(db) -> None:
    """Seen by a tester: 5,000 digits in a bundle said only "the file is not a readable JSON plan bundle (ValueError)"."""
    text = json.dumps(exported(db)).replace('"version": 1,', '"version": ' + "9" * 5000 + ",", 1)
    assert refused(db, text.encode()) == ["the file is not a readable JSON plan bundle: it holds a number too long to "
                                          "read (more than 4,300 digits: changed by hand?)"]


def test_a_patient_id_taken_meanwhile_is_not_called_an_edited_file() -> None:
    """Two workstations importing the same patient at once collide on the patient's id: that is the move's "run it
    again" (core/storage/move.py), not an edited file (seen in review)."""
    import sqlite3

    from core.storage.bundle_transfer import _ids_taken

    assert _ids_taken(sqlite3.IntegrityError("UNIQUE constraint failed: patients.uid")) is None
    assert _ids_taken(sqlite3.IntegrityError("UNIQUE constraint failed: plans.uid")) == "versions"
    assert _ids_taken(sqlite3.IntegrityError("UNIQUE constraint failed: sessions.uid")) == "walks"
    assert _ids_taken(sqlite3.OperationalError("database is locked")) is None
