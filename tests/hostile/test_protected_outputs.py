"""Outputs never overwrite the records: not the database, not any file of the data folder, not the
command's own input. Backup and set-aside names are never reused. Each save reaches the main file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat

import pytest

import json
from pathlib import Path

from core.atomic import WriteError, write_output
from core.handout.export import HANDOUT_PDF
from core.storage import records
from core.storage.backup import backup_database, restore_backup
from core.storage.database import open_database
from core.workspace.bundles import BUNDLE_FILE
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
        write_output(link, b"bundle", kind=BUNDLE_FILE, data_folder=data)
    assert (data / "treadwell.sqlite3").read_bytes() == b"records"


def test_an_existing_file_elsewhere_is_replaced_as_asked(tmp_path) -> None:
    data, out = tmp_path / "data", tmp_path / "out.pdf"
    data.mkdir()
    out.write_bytes(b"%PDF-1.4 old")
    write_output(out, b"%PDF-1.4 new", kind=HANDOUT_PDF, data_folder=data)
    assert out.read_bytes() == b"%PDF-1.4 new"


def test_an_output_never_replaces_a_file_of_another_kind(run_main, tmp_path) -> None:
    """`plans export 3 notes.json` overwrote a profile without a word, and a handout could land on any file."""
    data = tmp_path / "data"
    plan_id = saved_patient(run_main, data)
    other_profile = tmp_path / "next-patient.json"
    shutil.copy(PROFILE, other_profile)
    before = digest(other_profile)
    for command in (("plans", "export", plan_id, str(other_profile)),
                    ("plan", str(PROFILE), "--pdf", str(other_profile)),
                    ("progress", "1", "--pdf", str(other_profile))):
        result = run_main(*command, data_dir=data)
        assert result.returncode == 2, result.stderr
        assert "next-patient.json already exists and is not a" in result.stderr and "not overwritten" in result.stderr
    assert digest(other_profile) == before
    # a file of its own kind is replaced, as asked: exporting or printing again
    bundle, handout = tmp_path / "bundle.json", tmp_path / "handout.pdf"
    for command, out in ((("plans", "export", plan_id), bundle), (("plan", str(PROFILE), "--pdf"), handout)):
        assert run_main(*command, str(out), data_dir=data).returncode == 0
        out.write_bytes(out.read_bytes() + b"\nedited")
        assert run_main(*command, str(out), data_dir=data).returncode == 0
        assert not out.read_bytes().endswith(b"edited")
    empty = tmp_path / "empty.pdf"
    empty.touch()  # nothing in it to lose
    assert run_main("plan", str(PROFILE), "--pdf", str(empty), data_dir=data).returncode == 0


def test_a_folder_given_as_the_output_is_refused_with_an_example(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    plan_id = saved_patient(run_main, data)
    for command, example_name in ((("plan", str(PROFILE), "--save", "--pdf"), "handout.pdf"),
                                  (("plans", "export", plan_id), "patient-bundle.json")):
        result = run_main(*command, str(tmp_path), data_dir=data)
        assert result.returncode == 2 and "is a folder. Give the file's name too" in result.stderr
        assert example_name in result.stderr and "Traceback" not in result.stderr
        empty = run_main(*command, "", data_dir=data)  # not the working folder (tests/test_empty_file_arguments.py)
        assert empty.returncode == 2 and "must name a file; it is empty" in empty.stderr
    assert json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout)[0]["version"] == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/null").exists(),
                    reason="needs named pipes and /dev/null")
def test_a_device_or_a_pipe_given_as_the_output_is_refused_and_left_as_it_is(run_main, tmp_path) -> None:
    """Seen in review: a handout given /dev/null's name (as root) replaced the device with a PDF, and one given a
    named pipe waited for ever, reading it to see whether it was a PDF."""
    data = tmp_path / "data"
    plan_id = saved_patient(run_main, data)
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    device = tmp_path / "device.pdf"
    device.symlink_to("/dev/null")
    for target in (pipe, device):
        for command in (("plan", str(PROFILE), "--pdf"), ("progress", "1", "--pdf"), ("plans", "export", plan_id)):
            result = run_main(*command, str(target), data_dir=data, timeout=60)
            assert result.returncode == 2 and "is a device or a pipe, not a file" in result.stderr, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and stat.S_ISCHR(Path("/dev/null").stat().st_mode)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc: a folder no one can write in")
def test_a_name_the_system_cannot_use_is_refused_by_name(run_main, tmp_path) -> None:
    """Seen by a tester: a 300-letter file name, or a loop of links, crashed --pdf, plans export and db restore
    with a traceback."""
    data = tmp_path / "data"
    plan_id = saved_patient(run_main, data)
    long = tmp_path / ("x" * 300)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    for args, said in [(("plan", str(PROFILE), "--pdf", f"{long}.pdf"), "File name too long"),
                       (("progress", "1", "--pdf", f"{long}.pdf"), "File name too long"),
                       (("plans", "export", plan_id, f"{long}.json"), "File name too long"),
                       (("plan", str(PROFILE), "--pdf", str(tmp_path / "loop1")), "loop1 cannot be used"),
                       (("db", "restore", f"{long}.sqlite3"), "No backup named")]:
        result = run_main(*args, data_dir=data)
        assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr, (args, result)
        assert "cannot be used" not in result.stderr or "x" * 61 not in result.stderr  # the name shortened


def test_a_handout_that_cannot_be_written_saves_nothing(run_main, tmp_path) -> None:
    """The plan was saved and then the handout failed ("The plan was saved as plan 6, but the handout was not
    written"), though the README promises the handout is made before anything is saved."""
    data = tmp_path / "data"
    saved_patient(run_main, data)
    changed = json.loads(PROFILE.read_text(encoding="utf-8")) | {"age": 61}
    profile = tmp_path / "changed.json"
    profile.write_text(json.dumps(changed), encoding="utf-8")
    result = run_main("plan", str(profile), "--save", "--patient", "1", "--pdf", "/proc/handout.pdf", data_dir=data)
    assert result.returncode == 1 and "The handout was not written" in result.stderr  # a failure, not bad input
    assert "Nothing was saved" in result.stderr and "is saved" not in result.stderr
    assert result.stdout == ""  # no plan id on the last line, nor the plan: nothing for a script to use
    listed = json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout)
    assert [row["version"] for row in listed] == [1]


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


@pytest.mark.parametrize("kind", ["empty", "not a database", "another program's database", "newer schema", "in use"])
def test_restore_refuses_what_is_not_a_treadwell_backup_and_changes_nothing(data_dir, tmp_path, kind) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="A")
    db.close()
    before = digest(data_dir.database_path)
    candidate = tmp_path / "candidate.sqlite3"
    if kind == "empty":
        candidate.write_bytes(b"")
    elif kind == "not a database":  # an exported patient given by mistake
        candidate.write_text('{"format": "treadwell-plan-bundle"}', encoding="utf-8")
    elif kind == "in use":
        candidate = data_dir.database_path
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
    from core.storage.backup import NotABackup

    with pytest.raises(NotABackup, match="is the database in use" if kind == "in use" else "was not restored"):
        restore_backup(candidate, data_dir.database_path)
    assert digest(data_dir.database_path) == before
    assert not [p for p in data_dir.root.iterdir() if "set-aside" in p.name]


def test_a_dash_for_the_output_is_refused_not_written_as_a_file_named_dash(run_main, tmp_path) -> None:
    """Seen by a tester: `plan P --pdf -` wrote a PDF named "-" in the folder it ran in, and said "Handout saved: -"."""
    profile = Path(__file__).resolve().parents[2] / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
    result = run_main("plan", str(profile), "--pdf", "-", data_dir=tmp_path / "data")
    assert result.returncode == 2 and result.stderr.endswith(
        "--pdf: '-' would be a file named '-': a PDF is written to a file, never to standard output. Give the file's "
        "name, for example handout.pdf.\n"), result.stderr
    assert not (tmp_path / "-").exists()
