"""A restore by a command is in the log for the clinic's IT, as the window's is (seen by a tester: after restores by
the command line the log held only "starting" lines), with file names and times, nothing of a patient."""

from __future__ import annotations

from core.logging_setup import LOG_FILE_NAME
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_a_restore_by_the_command_line_is_logged_without_a_patients_name(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    backed_up = run_main("db", "backup", data_dir=data)
    assert backed_up.returncode == 0, backed_up.stderr
    backup = backed_up.stdout.split("Backed up and verified: ", 1)[1].split()[0]
    restored = run_main("db", "restore", backup, data_dir=data)
    assert restored.returncode == 0, restored.stderr
    logged = (data / "logs" / LOG_FILE_NAME).read_text()
    assert f"records database restored: Restored {backup.rsplit('/', 1)[-1]}, made " in logged
    assert "Example Patient" not in logged
