"""What the command line logs for the clinic's IT, as the window does (README, logs/treadwell.log): a clinic server
that cannot be reached, and a save refused because a newer version was saved meanwhile; never a patient's name.
Seen by a clinic's tester: after a wrong password, a server down and an --if-newest refusal, the log said only
"starting"."""

from __future__ import annotations

import json

from tests.conftest import REPO_ROOT
from tests.pg_server import free_port

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def _log(data) -> str:
    return (data / "logs" / "treadwell.log").read_text(encoding="utf-8")


def test_a_clinic_server_not_reached_is_logged(run_main, tmp_path) -> None:
    port = free_port()  # a loopback port nothing listens on
    data = tmp_path / "data"
    listed = run_main("--records", f"postgresql://grace_okafor@127.0.0.1:{port}/treadwell", "plans", "list",
                      data_dir=data)
    assert listed.returncode == 1
    assert "WARNING treadwell.clinic: clinic database: plans not done: The clinic database cannot be reached: " \
           "nothing answers" in _log(data), _log(data)


def test_a_save_refused_for_a_newer_version_is_logged_by_patient_and_plan_id(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps({**json.loads(EXAMPLE.read_text()), "resting_hr": 64}))
    assert run_main("plan", str(changed), "--save", "--patient", "1", data_dir=data).returncode == 0
    refused = run_main("plan", str(EXAMPLE), "--save", "--patient", "1", "--if-newest", "1", data_dir=data)
    assert refused.returncode == 1, refused.stderr
    log = _log(data)
    assert "a save was refused: version 2 of patient 1 (plan 2) was saved meanwhile" in log, log
    assert json.loads(EXAMPLE.read_text())["name"] not in log


def test_without_a_log_the_refusal_is_said_once(run_main, tmp_path) -> None:
    """Seen in review: with the log file unopenable, logging's last resort wrote the warning to standard error too."""
    port = free_port()  # a loopback port nothing listens on
    data = tmp_path / "data"
    (data / "logs" / "treadwell.log").mkdir(parents=True)  # a folder where the log file goes
    listed = run_main("--records", f"postgresql://grace_okafor@127.0.0.1:{port}/treadwell", "plans", "list",
                      data_dir=data)
    assert listed.returncode == 1 and "carries on without a log" in listed.stderr
    assert listed.stderr.count("The clinic database cannot be reached") == 1, listed.stderr
