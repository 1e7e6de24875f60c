"""``db init-clinic`` and ``db add-clinician`` as the clinic's administrator runs them, on a throwaway server."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
import pytest

from tests.conftest import ADMIN_SECRET, REPO_ROOT
from tests.pg_server import without_password
from tests.walk_days import day


def main_py(tmp_path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """A URL's password goes to libpq through PGPASSWORD, as a clinic's would (never on the command line)."""
    env, plain = dict(os.environ), []
    for arg in args:
        url, password = without_password(arg) if arg.startswith("postgresql://") else (arg, {})
        plain.append(url)
        env.update(password)
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), *plain],
                          input=stdin, capture_output=True, text=True, timeout=120, env=env)


def test_the_administrator_sets_up_the_clinic_and_adds_a_clinician(pg_server, tmp_path) -> None:
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute("create database clinic_cli")
    url = pg_server.url(database="clinic_cli", password=ADMIN_SECRET)
    first = main_py(tmp_path, "db", "init-clinic", url)
    assert first.returncode == 0 and "applied m005_course_of_care" in first.stdout, first.stderr
    again = main_py(tmp_path, "db", "init-clinic", url)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    added = main_py(tmp_path, "db", "add-clinician", url, "grace_okafor", "--password-stdin",
                    stdin="correct-horse-battery\n")
    assert added.returncode == 0 and "Added clinician grace_okafor" in added.stdout, added.stderr
    with psycopg.connect(pg_server.url("grace_okafor", "clinic_cli", "correct-horse-battery")) as signed_in:
        assert signed_in.execute("select count(*) from patients").fetchone() == (0,)
    refused = main_py(tmp_path, "db", "add-clinician", url, "Grace Okafor", "--password-stdin",
                      stdin="correct-horse-battery\n")
    assert refused.returncode == 2 and refused.stderr.startswith("NAME:") and "Traceback" not in refused.stderr
    no_prompt = main_py(tmp_path, "db", "add-clinician", url, "someone")
    assert no_prompt.returncode == 2 and "--password-stdin" in no_prompt.stderr
    wrong = main_py(tmp_path, "db", "init-clinic", url.replace(ADMIN_SECRET, "wrong-password"))
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1
    assert "wrong-password" not in wrong.stderr and "Traceback" not in wrong.stderr


def test_two_workstations_share_one_clinic_database(clinic_url, tmp_path) -> None:
    """Workstation A saves a plan and a session on the clinic server; workstation B (another data folder)
    sees them, logs the next session, and A's progress report holds both."""
    import json

    example = str(REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json")
    a, b = tmp_path / "a", tmp_path / "b"
    saved = main_py(a, "--records", clinic_url, "plan", example, "--save")
    assert saved.returncode == 0, saved.stderr
    plan_id = saved.stdout.strip().splitlines()[-1]
    session = tmp_path / "session.json"
    session.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 8, "rpe": 12, "pain_during": 3}))
    assert main_py(a, "--records", clinic_url, "sessions", "add", "1", str(session)).returncode == 0
    seen = main_py(b, "--records", clinic_url, "plans", "list", "--format", "json")
    assert [row["plan_id"] for row in json.loads(seen.stdout)] == [int(plan_id)]
    assert main_py(b, "--records", clinic_url, "sessions", "add", "1", str(session)).returncode == 0
    listed = json.loads(main_py(b, "--records", clinic_url, "sessions", "list", "1", "--format", "json").stdout)
    assert len(listed) == 2
    report = tmp_path / "report.pdf"
    written = main_py(a, "--records", clinic_url, "progress", "1", "--pdf", str(report))
    assert written.returncode == 0 and report.read_bytes().startswith(b"%PDF"), written.stderr
    local = main_py(a, "plans", "list", "--format", "json")  # the workstation's own file holds no patient
    assert json.loads(local.stdout) == []


STUDY_CSV = ("first_author,year,species,model,exercise_type,protocol,evidence_level,etiologies,findings\n"
             "Zhang,2023,rat,CCI,treadmill,15 m/min 30 min 5 days a week,5,peripheral-nerve-injury,"
             "IL-6:down:neuroinflammation-glia\n")


def test_a_study_imported_at_one_workstation_is_there_at_every_other(clinic_url, tmp_path) -> None:
    """Workstation A imports a study to the clinic server; workstation B (another data folder) finds it in its
    evidence and its etiology entry; neither local file holds it; importing it again is refused by id."""
    import json

    import psycopg

    study = tmp_path / "study.csv"
    study.write_text(STUDY_CSV, encoding="utf-8")
    a, b = tmp_path / "a", tmp_path / "b"
    imported = main_py(a, "--records", clinic_url, "evidence", "import", str(study))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Imported 1 study to the clinic database from study.csv: local-zhang-2023")
    found = json.loads(main_py(b, "--records", clinic_url, "evidence", "--search", "zhang", "--format",
                               "json").stdout)
    assert [(s["id"], s["origin"]) for s in found] == [("local-zhang-2023", "local")]
    entries = json.loads(main_py(b, "--records", clinic_url, "etiologies", "--format", "json").stdout)
    nerve = next(e for e in entries if e["id"] == "peripheral-nerve-injury")
    assert any("local-zhang-2023" in model["study_ids"] for model in nerve["animal_models"])
    for workstation in (a, b):  # the workstations' own files do not hold it
        assert json.loads(main_py(workstation, "evidence", "--search", "zhang", "--format", "json").stdout) == []
    again = main_py(b, "--records", clinic_url, "evidence", "import", str(study))
    assert again.returncode == 2 and "local-zhang-2023" in again.stderr and "Nothing was imported" in again.stderr
    with psycopg.connect(clinic_url) as connection:
        assert connection.execute("select id, imported_by from clinic_studies").fetchall() == \
            [("local-zhang-2023", "test_clinician")]


def test_moving_a_workstation_in_copies_everything_once_and_leaves_the_file(clinic_url, tmp_path) -> None:
    import hashlib
    import json

    example = str(REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json")
    local = tmp_path / "local"
    for _ in range(2):  # two patients
        assert main_py(local, "plan", example, "--save", "--new-patient").returncode == 0
    session = tmp_path / "session.json"
    session.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 8, "rpe": 12, "note": "moved"}))
    assert main_py(local, "sessions", "add", "2", str(session)).returncode == 0
    study = tmp_path / "study.csv"
    study.write_text(STUDY_CSV, encoding="utf-8")
    assert main_py(local, "evidence", "import", str(study)).returncode == 0
    database = local / "data" / "treadwell.sqlite3"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    moved = main_py(local, "db", "move-to", clinic_url)
    assert moved.returncode == 0, moved.stderr
    assert "2 patients checked: 2 new on the server, 2 plan versions and 1 session added" in moved.stdout
    assert "1 imported study added" in moved.stdout
    server_id = {1: 1, 2: 2}  # patients whose id is not listed keep it
    for line in moved.stdout.splitlines():  # "  patient 2 is now patient 1: Example Patient (...)"
        if " is now patient " in line:
            words = line.split()
            server_id[int(words[1])] = int(words[5].rstrip(":"))
    assert sorted(server_id.values()) == [1, 2]
    walked = json.loads(main_py(tmp_path / "other", "--records", clinic_url, "sessions", "list", str(server_id[2]),
                                "--format", "json").stdout)
    assert [s["note"] for s in walked] == ["moved"]  # local patient 2's walk, under the id the move named
    again = main_py(local, "db", "move-to", clinic_url)
    assert again.returncode == 0 and "0 new on the server, 0 plan versions and 0 sessions added, 0 audit" \
        in again.stdout and "0 imported studies added" in again.stdout
    found = json.loads(main_py(tmp_path / "other", "--records", clinic_url, "evidence", "--search", "zhang",
                               "--format", "json").stdout)
    assert [s["id"] for s in found] == ["local-zhang-2023"]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before  # only read
    on_server = json.loads(main_py(tmp_path / "other", "--records", clinic_url, "plans", "list", "--format",
                                   "json").stdout)
    assert len(on_server) == 2
    sessions = [json.loads(main_py(tmp_path / "other", "--records", clinic_url, "sessions", "list", str(row["patient_id"]),
                                   "--format", "json").stdout) for row in on_server]
    assert sorted(len(s) for s in sessions) == [0, 1] and any(s and s[0]["note"] == "moved" for s in sessions)


def test_a_workstation_of_the_first_release_moves_in_with_its_plans_as_saved(clinic_url, tmp_path) -> None:
    """Its plans were made under guidelines 2026.11.1: the move refused the patient ("cannot check this one")."""
    from tests.fixtures.db.make_fixture import load_fixture

    local = tmp_path / "first"
    (local / "data").mkdir(parents=True)
    load_fixture(REPO_ROOT / "tests" / "fixtures" / "db" / "schema-4.sql", local / "data" / "treadwell.sqlite3")
    moved = main_py(local, "db", "move-to", clinic_url)
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert "2 plan versions and 1 session added" in moved.stdout
    assert "2 of those were made under earlier guidelines, so kept as saved" in moved.stdout
    assert "Every local version and session is on the server with the same values." in moved.stdout
    history = main_py(tmp_path / "other", "--records", clinic_url, "plans", "list")
    assert history.returncode == 0 and "Parkinson" in history.stdout, history.stderr


def test_the_self_test_checks_the_clinic_database_and_leaves_nothing_there(clinic_url, tmp_path) -> None:
    """On a server with patients, a plan is saved and read back in a transaction rolled back; on one with none yet,
    only whether the role may save: a save rolled back used up patient id 1, and the first workstation moved in after
    the self-test the docs ask for was renumbered (seen by a helper: "patient 1 is now patient 2")."""
    import json

    result = main_py(tmp_path, "--records", clinic_url, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("PASS  clinic database signs in and saves: signed in as test_clinician, who may save; no patient is on "
            "the server yet, so none was saved") in result.stdout
    here = tmp_path / "here"
    assert main_py(here, "plan", str(REPO_ROOT / "resources/examples/profiles/post-stroke-pain.json"),
                   "--save").returncode == 0
    moved = main_py(here, "db", "move-to", clinic_url)
    assert moved.returncode == 0 and "is now patient" not in moved.stdout, moved.stdout + moved.stderr
    again = main_py(tmp_path, "--records", clinic_url, "--self-test")
    assert "PASS  clinic database signs in and saves: signed in as test_clinician; a plan saved and read back in a " \
           "transaction rolled back" in again.stdout, again.stdout + again.stderr
    listed = main_py(tmp_path, "--records", clinic_url, "plans", "list", "--format", "json")
    assert [row["patient_id"] for row in json.loads(listed.stdout)] == [1]  # the moved one alone: rolled back


def test_a_second_workstation_moved_in_is_told_each_patients_new_id(clinic_url, tmp_path) -> None:
    import json

    examples = REPO_ROOT / "resources" / "examples" / "profiles"
    first, second = tmp_path / "first", tmp_path / "second"
    assert main_py(first, "plan", str(examples / "post-stroke-pain.json"), "--save").returncode == 0
    assert main_py(first, "db", "move-to", clinic_url).returncode == 0  # the server's patient 1
    for name in ("diabetic-neuropathy", "parkinsons-pain"):
        assert main_py(second, "plan", str(examples / f"{name}.json"), "--save").returncode == 0
    moved = main_py(second, "db", "move-to", clinic_url)
    assert moved.returncode == 0, moved.stderr
    assert "These patients have another id on the server; use the new ids from now on" in moved.stdout
    assert "  patient 1 is now patient 2: Example Patient (diabetic neuropathy)" in moved.stdout
    assert "  patient 2 is now patient 3: Example Patient (Parkinson's)" in moved.stdout
    listed = json.loads(main_py(tmp_path / "other", "--records", clinic_url, "plans", "list", "--format", "json").stdout)
    assert {row["patient_id"]: row["patient_name"] for row in listed}[3] == "Example Patient (Parkinson's)"


def test_moving_from_a_folder_without_records_says_so_and_makes_nothing(tmp_path) -> None:
    """Seen in review: a mistyped --data-dir made an empty database there and said "0 patient(s) checked ... Every
    local version and session is on the server", exit 0. Refused before any server is asked."""
    moved = main_py(tmp_path, "db", "move-to", "postgresql://nobody@127.0.0.1:1/treadwell")
    assert moved.returncode == 1 and "no Treadwell records at" in moved.stderr and "check --data-dir" in moved.stderr
    assert "Nothing was moved." in moved.stderr and not (tmp_path / "data" / "treadwell.sqlite3").exists()


def test_with_the_clinic_server_down_a_plan_is_still_drafted_and_printed_but_nothing_saved(tmp_path) -> None:
    """Seen by a clinic's tester: with the server stopped, even a draft plan, its handout, the etiologies and the
    evidence were refused; they read no patient and save nothing. Saving, or reading a patient, still needs it."""
    down = "postgresql://test_clinician@127.0.0.1:1/treadwell"  # nothing listens on port 1
    profile = str(REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json")
    drafted = main_py(tmp_path, "--records", down, "plan", profile, "--pdf", str(tmp_path / "handout.pdf"))
    assert drafted.returncode == 0, drafted.stderr
    assert "cannot be reached" in drafted.stderr and "Used instead: this workstation's evidence library" \
        in drafted.stderr and (tmp_path / "handout.pdf").stat().st_size > 10_000
    for command in (["etiologies"], ["evidence", "--etiology", "diabetic-neuropathy"]):
        listed = main_py(tmp_path, "--records", down, *command)
        assert listed.returncode == 0 and "Used instead" in listed.stderr and listed.stdout, listed.stderr
    for command in (["plan", profile, "--save"], ["progress", "1"], ["plans", "list"]):
        refused = main_py(tmp_path, "--records", down, *command)
        assert refused.returncode == 1 and "cannot be reached" in refused.stderr, refused.stderr
        assert "Used instead" not in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.parametrize(("error", "said"), [
    ("LockNotAvailable", "another workstation may be holding the same records. Nothing was changed; try again in a "
                         "moment."),
    ("ForeignKeyViolation", "Nothing was saved: the record it belongs to was deleted meanwhile, on another "
                            "workstation."),
])
def test_the_clinic_servers_refusals_are_said_in_the_clinics_words(error, said, tmp_path, monkeypatch,
                                                                   capsys) -> None:
    """Seen in review: a lock held by another workstation said "try again when the server answers" (it had
    answered), and a walk logged as another workstation deleted the patient printed the constraint's raw text."""
    import argparse

    import core.cli as cli
    from core.data_dir import DataDir

    def refused(args, data_dir):
        raise getattr(psycopg.errors, error)("violates foreign key constraint sessions_patient_id_fkey")

    monkeypatch.setattr(cli, "command_runner", lambda name: refused)
    args = argparse.Namespace(command="sessions", records="postgresql://grace@clinic/treadwell")
    assert cli.run_command(args, DataDir(tmp_path / "data")) == cli.EXIT_FAILURE
    message = capsys.readouterr().err
    assert said in message and "constraint" not in message


def test_a_walk_whose_answer_was_lost_is_said_to_be_perhaps_saved(clinic_url, tmp_path) -> None:
    """Seen in review: the connection dropped as the server's answer to COMMIT came back; the command said "try again
    when the server answers", and the walk, saved, was logged twice."""
    import json

    from tests.lost_answer import AnswerLostAfterCommit

    profile = str(REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json")
    assert main_py(tmp_path, "--records", clinic_url, "plan", profile, "--save").returncode == 0
    session = tmp_path / "session.json"
    session.write_text(json.dumps({"date": day(0), "week": 1, "minutes": 8, "rpe": 12, "pain_during": 3}))
    relay = AnswerLostAfterCommit(clinic_url)
    try:
        relay.armed.set()
        lost = main_py(tmp_path, "--records", relay.url, "sessions", "add", "1", str(session))
    finally:
        relay.close()
    assert relay.answer_lost.is_set() and lost.returncode == 1, lost.stderr
    assert "one made just as the connection dropped may be saved. Check with the list commands before running it " \
           "again." in lost.stderr and "Traceback" not in lost.stderr
    listed = main_py(tmp_path, "--records", clinic_url, "sessions", "list", "1", "--format", "json")
    assert len(json.loads(listed.stdout)) == 1
