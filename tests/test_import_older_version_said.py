"""An import that puts in force a version saved before the newest one here says so, naming that one and the way back
(seen by a tester: a plan saved here was put under the other workstation's earlier one, told only "check it")."""

from __future__ import annotations

import json

from tests.conftest import REPO_ROOT

PROFILE = REPO_ROOT / "resources" / "examples" / "profiles" / "parkinsons-pain.json"


def test_a_bundles_earlier_version_put_over_a_later_one_here_is_named(run_main, tmp_path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    assert run_main("plan", str(PROFILE), "--save", data_dir=here).returncode == 0
    assert run_main("plans", "export", "1", str(tmp_path / "first.json"), data_dir=here).returncode == 0
    assert run_main("plans", "import", str(tmp_path / "first.json"), data_dir=there).returncode == 0

    def changed(name: str, **values) -> str:
        path = tmp_path / name
        path.write_text(json.dumps({**json.loads(PROFILE.read_text()), **values}))
        return str(path)

    assert run_main("plan", changed("pain.json", pain_nrs=6), "--save", "--patient", "1", data_dir=there).returncode == 0
    assert run_main("plan", changed("hr.json", resting_hr=68), "--save", "--patient", "1", data_dir=here).returncode == 0
    assert run_main("plans", "export", "1", str(tmp_path / "theirs.json"), data_dir=there).returncode == 0
    imported = run_main("plans", "import", str(tmp_path / "theirs.json"), data_dir=here)
    assert imported.returncode == 0, imported.stderr
    said = imported.stdout
    assert "so version 3 is now the plan in force: check it. Version 3 was saved before version 2 here (saved " in said
    assert "), which it now stands over: where that plan is the right one, open it (Records, the patient's Plan " \
           "versions) and save it again, as the newest." in said

    again = run_main("plans", "import", str(tmp_path / "first.json"), data_dir=tmp_path / "third")
    assert "stands over" not in again.stdout  # a patient new here: nothing stood over
