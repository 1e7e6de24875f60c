"""Outputs never overwrite the records: not the database, not any file of the data folder, not the
command's own input. Backup and set-aside names are never reused. Each save reaches the main file."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from core.atomic import WriteError, write_output
from core.storage import records
from core.storage.backup import backup_database, restore_backup
from core.storage.database import open_database
from tests.conftest import REPO_ROOT
from tests.storage.helpers import digest, example

PROFILE = REPO_ROOT / "resources/examples/profiles/chemotherapy-neuropathy.json"


def saved_patient(run_main, data) -> str:
    result = run_main("plan", str(PROFILE), "--save", data_dir=data)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_exporting_onto_the_live_database_is_refused_and_changes_nothing(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    plan_id = saved_patient(run_main, data)
    before = digest(data / "treadwell.sqlite3")
    result = run_main("plans", "export", plan_id, str(data / "treadwell.sqlite3"), data_dir=data)
    assert result.returncode == 2 and "data folder" in result.stderr and "Traceback" not in result.stderr
    assert digest(data / "treadwell.sqlite3") == before


def test_no_output_lands_in_the_data_folder_or_over_the_input(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    saved_patient(run_main, data)
    profile = tmp_path / "P.json"
    shutil.copy(PROFILE, profile)
    before = digest(profile)
    for target in (profile, data / "settings-copy.pdf", data / "backups" / "x.pdf"):
        result = run_main("plan", str(profile), "--save", "--pdf", str(target), data_dir=data)
        assert result.returncode == 2 and "--pdf:" in result.stderr, result.stderr
        assert not target.exists() or target == profile
    assert digest(profile) == before
    listed = run_main("plans", "list", "--format", "json", data_dir=data)
    assert listed.stdout.count('"patient_id"') == 1  # the refused commands saved nothing


def test_a_hard_link_to_the_database_is_protected_too(tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "treadwell.sqlite3").write_bytes(b"records")
    link = tmp_path / "innocent.json"
    link.hardlink_to(data / "treadwell.sqlite3")
    with pytest.raises(WriteError, match="data folder"):
        write_output(link, b"bundle", data_folder=data)
    assert (data / "treadwell.sqlite3").read_bytes() == b"records"


def test_an_existing_file_elsewhere_is_replaced_as_asked(tmp_path) -> None:
    data, out = tmp_path / "data", tmp_path / "out.pdf"
    data.mkdir()
    out.write_bytes(b"old")
    write_output(out, b"new", data_folder=data)
    assert out.read_bytes() == b"new"


def test_two_restores_in_the_same_second_keep_both_set_aside_databases(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="A")
    db.close()
    backup = backup_database(data_dir.database_path, data_dir.backups_dir)
    now = dt.datetime(2026, 11, 30, 14, 0, 0)
    first = restore_backup(backup, data_dir.database_path, now=now)
    first_digest = digest(first)
    second = restore_backup(backup, data_dir.database_path, now=now)
    assert first != second and first.exists() and second.exists() and digest(first) == first_digest
    third_backup = backup_database(data_dir.database_path, data_dir.backups_dir, now=now)
    fourth_backup = backup_database(data_dir.database_path, data_dir.backups_dir, now=now)
    assert third_backup != fourth_backup and third_backup.exists()


def test_each_save_reaches_the_main_file_even_if_the_wal_is_deleted(data_dir, tmp_path) -> None:
    db = open_database(data_dir.database_path)
    saved = records.save_plan(db, *example(), clinician="A")
    copy = tmp_path / "main-file-only.sqlite3"
    shutil.copy(data_dir.database_path, copy)  # what is left if a sync tool deletes the -wal now
    assert sqlite3.connect(copy).execute("select count(*) from plans where id = ?", [saved.id]).fetchone()[0] == 1
    db.close()


@pytest.mark.parametrize("kind", ["empty", "another program's database", "newer schema"])
def test_restore_refuses_what_is_not_a_treadwell_backup_and_changes_nothing(data_dir, tmp_path, kind) -> None:
    from core.storage.backup import BackupError

    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="A")
    db.close()
    before = digest(data_dir.database_path)
    candidate = tmp_path / "candidate.sqlite3"
    if kind == "empty":
        candidate.write_bytes(b"")
    elif kind == "another program's database":
        other = sqlite3.connect(candidate)
        other.execute("create table photos (id integer primary key, path text)")
        other.commit()
        other.close()
    else:
        shutil.copy(data_dir.database_path, candidate)
        newer = sqlite3.connect(candidate)
        newer.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                      "values ('treadwell', 'm099_from_the_future', '2030-01-01')")
        newer.commit()
        newer.close()
    with pytest.raises(BackupError, match="was not restored"):
        restore_backup(candidate, data_dir.database_path)
    assert digest(data_dir.database_path) == before
    assert not [p for p in data_dir.root.iterdir() if "set-aside" in p.name]
