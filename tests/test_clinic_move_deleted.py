"""`db move-to` does not bring back a patient deleted on the clinic database: seen in review, a workstation's second
move re-added a patient the clinic had deleted there, without a word (an import now asks first). The move names them
under "Not moved", with when and by whom they were deleted."""

from __future__ import annotations

from tests.test_clinic_cli import main_py
from tests.test_clinic_move import EXAMPLE


def test_a_patient_deleted_on_the_server_is_not_moved_again(clinic_url, tmp_path) -> None:
    from core.workspace.clinic import open_clinic_records

    here = tmp_path / "here"
    assert main_py(here, "plan", EXAMPLE, "--save").returncode == 0
    assert main_py(here, "db", "move-to", clinic_url).returncode == 0
    server = open_clinic_records(clinic_url, lambda etiology: [])
    try:
        server.delete_patient(1, clinician="Dr Reyes")  # in a window signed in to the clinic database
    finally:
        server.connection.close()
    again = main_py(here, "db", "move-to", clinic_url)
    assert again.returncode == 1, again.stdout + again.stderr
    assert "Not moved: patient 1: deleted on the clinic database (patient 1, on " in again.stdout
    assert "so not moved again (a move does not undo a deletion): ask who deleted them" in again.stdout
    listed = main_py(tmp_path, "--records", clinic_url, "plans", "list")
    assert "No plans are saved yet." in listed.stderr

