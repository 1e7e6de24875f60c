"""What the command line says when the clinic server refuses it. Seen in review: a command was told "what is on
screen is kept", the window's words; a terminal has no screen of records to keep."""

from __future__ import annotations

from core.storage.clinic import connect
from core.storage.clinic_errors import for_the_command_line
from tests.storage.test_clinic_server import admin_url
from tests.test_clinic_cli import main_py


def test_a_clinician_whose_rights_were_lost_is_told_without_the_windows_words(pg_server, clinic_url, tmp_path) -> None:
    with connect(admin_url(pg_server, clinic_url)) as admin:  # as a restore without its roles leaves it
        admin.execute("revoke all on all tables in schema public from treadwell_clinician")
    listed = main_py(tmp_path, "--records", clinic_url, "plans", "list")
    assert listed.returncode == 1 and "Traceback" not in listed.stderr, listed.stderr
    assert "test_clinician is one of Treadwell's clinicians" in listed.stderr, listed.stderr
    assert "Nothing was changed: the clinic's administrator gives them back with" in listed.stderr, listed.stderr
    assert "on screen" not in listed.stderr


def test_each_way_the_window_says_it_is_left_out_and_the_sentence_still_reads() -> None:
    assert for_the_command_line("did not complete this in time. Nothing was changed and what is on screen is "
                                "kept.") == "did not complete this in time. Nothing was changed."
    assert for_the_command_line("ended this workstation's connection (a restart); what is on screen is kept.") == \
        "ended this workstation's connection (a restart)."
    assert for_the_command_line("Nothing was changed, and what is on screen is kept: the administrator ...") == \
        "Nothing was changed: the administrator ..."
    assert for_the_command_line("A rule of its own. Nothing was changed, and what is on screen is kept.") == \
        "A rule of its own. Nothing was changed."


def test_a_move_refused_for_its_password_is_logged_and_says_where_a_password_comes_from(pg_server, clinic_url,
                                                                                        tmp_path) -> None:
    """Seen in review: a db move-to refused for a wrong password left only "starting" in the log, and was told to
    check the password "typed when asked", where the command line asks for none."""
    from tests.conftest import CLINICIAN_SECRET, REPO_ROOT

    example = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
    assert main_py(tmp_path, "plan", str(example), "--save").returncode == 0
    moved = main_py(tmp_path, "db", "move-to", clinic_url.replace(CLINICIAN_SECRET, "not-the-password"))
    assert moved.returncode == 1 and "did not accept the password of test_clinician" in moved.stderr, moved.stderr
    assert "PGPASSWORD in a terminal session" in moved.stderr and "not-the-password" not in moved.stderr
    log = (tmp_path / "data" / "logs" / "treadwell.log").read_text(encoding="utf-8")
    assert "clinic database: db move-to not done: The clinic database did not accept the password" in log, log
    assert "not-the-password" not in log
