"""Saving plans and looking after the database from the command line."""

from __future__ import annotations

import json
import os
import shlex
import sqlite3

from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "resources" / "examples" / "profiles"


def save(run_main, data, etiology="parkinsons-pain", *extra):
    result = run_main("plan", str(EXAMPLES / f"{etiology}.json"), "--save", *extra, data_dir=data)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1])


def test_save_prints_the_id_alone_on_the_last_line_and_versions_follow(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    first = save(run_main, data)
    unchanged = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", "--patient", "1", data_dir=data)
    assert unchanged.stdout.strip().splitlines()[-1] == "1" and "nothing new saved" in unchanged.stderr
    changed = tmp_path / "parkinsons-10-weeks.json"
    changed.write_text(json.dumps({**json.loads((EXAMPLES / "parkinsons-pain.json").read_text()), "weeks": 10}))
    result = run_main("plan", str(changed), "--save", "--patient", "1", "--format", "json", data_dir=data)
    saved = json.loads(result.stdout)  # one JSON document (seen in review: the id after it made it no longer JSON)
    assert (first, saved["saved_plan_id"]) == (1, 2) and len(saved["weeks"]) == 10
    shown = json.loads(run_main("plans", "show", "2", "--format", "json", data_dir=data).stdout)
    assert shown["version"] == 2 and shown["patient_id"] == 1 and shown["plan"]["weeks"]
    listed = json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout)
    assert [(r["plan_id"], r["version"]) for r in listed] == [(2, 2)]


def test_patient_without_save_and_unknown_ids_are_plain_errors(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    result = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--patient", "1", data_dir=data)
    assert result.returncode == 2 and "--patient: only used with --save" in result.stderr
    missing = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", "--patient", "9", data_dir=data)
    assert missing.returncode == 2 and "no patient with id 9" in missing.stderr
    show = run_main("plans", "show", "42", data_dir=data)
    assert show.returncode == 2 and "no saved plan with id 42" in show.stderr


def test_search_by_name(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    save(run_main, data, "parkinsons-pain")
    save(run_main, data, "multiple-sclerosis-pain")
    found = json.loads(run_main("plans", "list", "--search", "PARKINSON", "--format", "json", data_dir=data).stdout)
    assert [r["etiology"] for r in found] == ["parkinsons-pain"]
    table = run_main("plans", "list", data_dir=data)
    assert "Example Patient (MS)" in table.stdout and "plan id" in table.stdout and table.stderr == ""
    # a list cut at --limit says so (it stopped at 100 without a word)
    cut = run_main("plans", "list", "--limit", "1", "--format", "json", data_dir=data)
    assert len(json.loads(cut.stdout)) == 1
    assert "Showing the 1 most recently saved of 2 patients; --limit N shows more" in cut.stderr
    # a search that finds no one says so (an empty table read as a listing that failed)
    nobody = run_main("plans", "list", "--search", "zzz", data_dir=data)
    assert nobody.returncode == 0 and 'No saved patient\'s name contains "zzz".' in nobody.stderr


def test_export_and_import_a_bundle(run_main, tmp_path) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    save(run_main, data)
    bundle = tmp_path / "patient.json"
    exported = run_main("plans", "export", "1", str(bundle), data_dir=data)
    # named: a patient id typed where the plan id goes exports someone else, and the clinician must see whom
    assert exported.returncode == 0 and exported.stdout.startswith("Exported ")
    assert "(patient 1; plan 1 is their version 1), the whole course of care, to" in exported.stdout
    result = run_main("plans", "import", str(bundle), data_dir=other)
    assert result.returncode == 0 and "1 plan version (plan id " in result.stdout
    tampered = json.loads(bundle.read_text(encoding="utf-8"))
    tampered["content"]["patient_name"] = "Someone Else"
    bundle.write_text(json.dumps(tampered), encoding="utf-8")
    refused = run_main("plans", "import", str(bundle), data_dir=other)
    assert refused.returncode == 2 and "checksum does not match" in refused.stderr and "Nothing was imported" in refused.stderr
    assert len(json.loads(run_main("plans", "list", "--format", "json", data_dir=other).stdout)) == 1


def test_an_import_keeps_who_saved_each_version_and_audits_the_importer(run_main, tmp_path) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    for folder, clinician in ((data, "Dr Author"), (other, "Dr Importer")):
        folder.mkdir()
        (folder / "settings.json").write_text(json.dumps({"clinician_name": clinician}), encoding="utf-8")
    save(run_main, data)
    original = json.loads(run_main("plans", "show", "1", "--format", "json", data_dir=data).stdout)
    bundle = tmp_path / "patient.json"
    exported = run_main("plans", "export", "1", str(bundle), data_dir=data)
    # named: a patient id typed where the plan id goes exports someone else, and the clinician must see whom
    assert exported.returncode == 0 and exported.stdout.startswith("Exported ")
    assert "(patient 1; plan 1 is their version 1), the whole course of care, to" in exported.stdout
    assert run_main("plans", "import", str(bundle), data_dir=other).returncode == 0
    imported = json.loads(run_main("plans", "show", "1", "--format", "json", data_dir=other).stdout)
    assert (imported["created_by"], imported["created_at"]) == ("Dr Author", original["created_at"])
    assert imported["plan"] == original["plan"]
    connection = sqlite3.connect(other / "treadwell.sqlite3")
    try:
        audit = connection.execute("select action, record_type, clinician from audit").fetchall()
    finally:
        connection.close()
    assert {row[2] for row in audit} == {"Dr Importer"}
    assert ("import", "patient", "Dr Importer") in audit and ("import", "plan", "Dr Importer") in audit


def test_import_refuses_a_folder_or_a_pipe_in_one_sentence_without_opening_the_records(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    targets = [tmp_path]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "patient.fifo")
        targets.append(tmp_path / "patient.fifo")
    for target in targets:
        result = run_main("plans", "import", str(target), data_dir=data, timeout=60)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1 and "is not a regular file" in result.stderr
    assert not (data / "treadwell.sqlite3").exists()


def test_commands_that_write_back_up_the_records_once_a_day_before_changing_them(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    save(run_main, data)  # nothing saved before it: nothing to back up
    assert not list((data / "backups").glob("treadwell-*.sqlite3"))
    save(run_main, data, "diabetic-neuropathy")  # the first patient is backed up before the second is saved
    backups = list((data / "backups").glob("treadwell-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("select count(*) from patients").fetchone()[0] == 1
    save(run_main, data, "post-stroke-pain")  # the same day: no second backup
    assert len(list((data / "backups").glob("treadwell-*.sqlite3"))) == 1
    run_main("etiologies", data_dir=data)  # reading never backs up
    assert len(list((data / "backups").glob("treadwell-*.sqlite3"))) == 1


def test_db_backup_check_and_restore_after_damage(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    save(run_main, data)
    backup = run_main("db", "backup", data_dir=data)
    assert backup.returncode == 0 and "verified" in backup.stdout
    assert run_main("db", "check", data_dir=data).returncode == 0
    (data / "treadwell.sqlite3").write_bytes(os.urandom(6000))
    for extra in ("-wal", "-shm"):
        (data / f"treadwell.sqlite3{extra}").unlink(missing_ok=True)
    check = run_main("db", "check", data_dir=data)
    assert check.returncode == 1 and "damaged" in check.stdout
    refused = run_main("plans", "list", data_dir=data)
    assert refused.returncode == 1 and "damaged" in refused.stderr and "Traceback" not in refused.stderr
    # The line to run names this data folder: run as printed, it restores here, not into the default folder.
    # printed to be run as it stands: from a checkout, as the README runs it
    suggested = next(line for line in check.stdout.splitlines() if line.startswith("To restore it: uv run main.py "))
    restored = run_main(*shlex.split(suggested.removeprefix("To restore it: uv run main.py ")))
    assert restored.returncode == 0 and "kept unchanged as" in restored.stdout
    # the work saved after the backup is not lost unsaid: where it is, is named
    assert "Anything saved after that is not in the restored records" in restored.stdout
    assert json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout)[0]["plan_id"] == 1


def test_files_are_private_on_posix(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    save(run_main, data)
    assert run_main("db", "backup", data_dir=data).returncode == 0
    if os.name != "posix":
        return
    assert data.stat().st_mode & 0o777 == 0o700
    for path in [*data.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path


def test_a_new_patient_of_a_name_already_here_is_refused_unless_said_to_be_another_person(run_main, tmp_path) -> None:
    """Saved and then only noted, the same person entered twice split their course of care in two (a clinic's
    tester): refused before anything is saved, naming the patient, as the window asks before it saves."""
    data = tmp_path / "data"
    save(run_main, data)
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", "--pdf", str(out), data_dir=data)
    assert result.returncode == 2 and result.stdout == "" and not out.exists()
    assert "not saved: patient 1 has the same name, Example Patient" in result.stderr
    assert "--patient 1" in result.stderr and "--new-patient" in result.stderr
    assert "No handout was written" in result.stderr
    assert len(json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout)) == 1
    assert save(run_main, data, "parkinsons-pain", "--new-patient") == 2  # another person of that name
    again = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", data_dir=data)
    assert again.returncode == 2 and "patients 2 and 1 have the same name" in again.stderr
    assert "--patient 2" in again.stderr  # the newest first
    assert save(run_main, data, "parkinsons-pain", "--patient", "1") == 1  # the first's, unchanged: not refused
    assert save(run_main, data, "diabetic-neuropathy") == 3  # another name: nothing asked
    for wrong in (("--new-patient",), ("--save", "--patient", "1", "--new-patient")):
        refused = run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), *wrong, data_dir=data)
        assert refused.returncode == 2 and refused.stderr.startswith("--new-patient: only used with --save and "
                                                                      "without --patient")


def test_a_name_the_handout_cannot_print_is_refused_before_anything_is_saved(run_main, tmp_path) -> None:
    profile = json.loads((EXAMPLES / "diabetic-neuropathy.json").read_text())
    path = tmp_path / "khmer.json"
    path.write_text(json.dumps({**profile, "name": "សុខ ចាន់"}, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data"
    result = run_main("plan", str(path), "--save", data_dir=data)
    assert result.returncode == 2 and "name: the handout's fonts cannot print 'ស' (U+179F)" in result.stderr
    assert "Nothing was saved" in result.stderr
    assert json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout) == []


def test_db_check_and_backup_say_the_clinic_servers_records_are_backed_up_there(run_main, tmp_path) -> None:
    """With a clinic server, `db check` and `db backup` cover this workstation's own database only, and say so
    (they reported '0 patients' and 'Backed up' as if the clinic's records were in them)."""
    data = tmp_path / "data"
    save(run_main, data)
    server = ("--records", "postgresql://grace_okafor@clinic-server.invalid/treadwell")
    for action in ("check", "backup"):
        result = run_main(*server, "db", action, data_dir=data)
        assert result.returncode == 0, result.stderr
        assert "The patient records are on the clinic server, and its administrator backs them up" in result.stdout
        plain = run_main("db", action, data_dir=data)
        assert "clinic server" not in plain.stdout
    backup = next((data / "backups").iterdir()).name  # and restoring one (seen in review: said nothing of the server)
    restored = run_main(*server, "db", "restore", backup, data_dir=data)
    assert restored.returncode == 0 and "its administrator backs them up" in restored.stdout, restored.stderr


def test_restoring_a_file_that_is_not_a_backup_is_bad_input_and_changes_nothing(run_main, tmp_path) -> None:
    """An exported patient or the live database given to `db restore` said SQLite's "file is not a database" with
    exit 1, or set the live database aside and copied it back."""
    data = tmp_path / "data"
    save(run_main, data)
    bundle = tmp_path / "patient.json"
    assert run_main("plans", "export", "1", str(bundle), data_dir=data).returncode == 0
    for given, said in ((bundle, "patient.json was not restored: it is not a database file"),
                        (data / "treadwell.sqlite3", "treadwell.sqlite3 is the database in use, not a backup")):
        result = run_main("db", "restore", str(given), data_dir=data)
        assert result.returncode == 2 and said in result.stderr and "Nothing was changed" in result.stderr
    assert not [p for p in data.iterdir() if "set-aside" in p.name]


def test_an_export_does_not_replace_another_patients_bundle(run_main, tmp_path) -> None:
    """Seen in review: a bundle received from another workstation, not yet imported, was replaced without a word by
    this workstation's export of another patient to the same name. The same patient's older bundle is replaced."""
    data = tmp_path / "data"
    save(run_main, data)
    save(run_main, data, "multiple-sclerosis-pain")
    bundle = tmp_path / "received.json"
    assert run_main("plans", "export", "1", str(bundle), data_dir=data).returncode == 0
    theirs = bundle.read_bytes()
    refused = run_main("plans", "export", "2", str(bundle), data_dir=data)
    assert refused.returncode != 0 and refused.stderr.strip() == (
        "received.json holds another patient's bundle, so it was not overwritten. Choose another name (or import that "
        "bundle first)."), refused.stderr
    assert bundle.read_bytes() == theirs
    again = run_main("plans", "export", "1", str(bundle), data_dir=data)  # the same patient's, exported again
    assert again.returncode == 0 and json.loads(bundle.read_text())["exported_at"] != json.loads(theirs)["exported_at"]
    audit = sqlite3.connect(data / "treadwell.sqlite3").execute(
        "select action, record_type, record_id from audit where action = 'export'").fetchall()
    assert audit == [("export", "patient", 1), ("export", "patient", 1)]  # the refused one not audited (seen in review)


def test_a_folder_given_to_restore_is_said_to_be_a_folder(run_main, tmp_path) -> None:
    """Seen in review: "No backup named /tmp/out" of a folder that is there."""
    data = tmp_path / "data"
    save(run_main, data)
    refused = run_main("db", "restore", str(tmp_path), data_dir=data)
    assert refused.returncode == 2 and refused.stderr.strip() == (
        f"{tmp_path} is a folder: give the backup file in it (main.py db check lists the backups).")


def test_a_bad_settings_file_stops_neither_a_backup_nor_a_restore(run_main, tmp_path) -> None:
    """Seen in review: a phone number with a line break in settings.json made `db backup` and `db restore` refuse to
    run. A backup is now made, deleting no older one while how many to keep cannot be read (the defaults could
    delete backups the clinic meant to keep), and a restore needs no settings."""
    import datetime as dt

    from core.storage.backup import backup_database

    data = tmp_path / "data"
    save(run_main, data)
    old = [backup_database(data / "treadwell.sqlite3", data / "backups", now=dt.datetime(2026, 1, 5) +
                           dt.timedelta(weeks=week)) for week in range(15)]  # more than the defaults keep
    (data / "settings.json").write_text(json.dumps({"contact_phone": "020\n7946 0000"}), encoding="utf-8")
    backed_up = run_main("db", "backup", data_dir=data)
    assert backed_up.returncode == 0 and backed_up.stdout.startswith("Backed up and verified: ")
    assert "contact_phone" in backed_up.stderr and \
        "The backup is made, and no older backup deleted until they can be read." in backed_up.stderr
    assert all(path.exists() for path in old) and len(list((data / "backups").glob("treadwell-*.sqlite3"))) == 16
    restored = run_main("db", "restore", old[-1].name, data_dir=data)
    assert restored.returncode == 0 and restored.stdout.startswith(f"Restored {old[-1].name}")
