"""A recognisable patient name goes through the whole workflow and appears in no log, no leftover
temporary file and no crash report; exports land only where the clinician chose."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

NAME = "Quillfeather Zbigniewska"
EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def files_mentioning(folder, text: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and text.encode("utf-8") in path.read_bytes():
            found.append(str(path.relative_to(folder)))
    return found


def test_the_name_stays_in_the_records_and_the_chosen_exports(tmp_path) -> None:
    data, scratch, exports = tmp_path / "data", tmp_path / "tmp", tmp_path / "exports"
    scratch.mkdir()
    exports.mkdir()
    profile = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    profile["name"] = NAME
    profile_path = exports / "profile.json"
    profile_path.write_text(json.dumps(profile), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch)}

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(data), *args],
                                capture_output=True, text=True, env=env, timeout=120)
        assert not check or result.returncode == 0, result.stderr
        return result

    plan_id = run("plan", str(profile_path), "--save", "--pdf", str(exports / "handout.pdf"),
                  "--clinician-summary").stdout.strip().splitlines()[-1]
    run("plans", "export", plan_id, str(exports / "bundle.json"))
    run("plans", "import", str(exports / "bundle.json"))
    run("db", "backup")
    run("plans", "list", "--search", "quillfeather")
    bad = dict(profile, age="not a number, " + NAME)
    (exports / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    refused = run("plan", str(exports / "bad.json"), check=False)
    assert refused.returncode == 2 and NAME not in refused.stderr  # validation never echoes the value
    crash = subprocess.run(
        [sys.executable, "-c", (
            "import sys; sys.path.insert(0, %r)\n"
            "from core.data_dir import DataDir\nfrom core.logging_setup import configure_logging\n"
            "from core.crash import install_crash_handlers, stderr_reporter\nfrom core.plan.profile import PatientProfile\n"
            "configure_logging(DataDir(__import__('pathlib').Path(%r)).prepare())\n"
            "install_crash_handlers(stderr_reporter)\n"
            "PatientProfile(name=%r, age=%r, resting_hr=70, etiology='diabetic-neuropathy', baseline_walk_min=5, pain_nrs=2)\n"
        ) % (str(REPO_ROOT), str(data), NAME, NAME)], capture_output=True, text=True, env=env, timeout=60)
    assert crash.returncode != 0 and "Unhandled" not in crash.stdout
    assert NAME not in crash.stderr, "a crash report must not carry the patient's name"

    assert files_mentioning(data / "logs", NAME) == []
    assert "Unhandled error" in (data / "logs" / "treadwell.log").read_text(encoding="utf-8")
    assert list(scratch.iterdir()) == []  # no temporary file left behind
    leftovers = [p.name for p in data.rglob("*") if p.name.endswith((".tmp", ".partial", ".restoring"))]
    assert leftovers == []
    holders = files_mentioning(data, NAME)
    assert set(holders) <= {"treadwell.sqlite3", "treadwell.sqlite3-wal"} | {h for h in holders if h.startswith("backups/")}
    assert sorted(p.name for p in exports.iterdir()) == ["bad.json", "bundle.json", "handout.pdf", "profile.json"]
