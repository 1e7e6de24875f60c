"""A restore undone by the name it gave: the database it set aside is restored by its name, as the restore says (seen
by a clinic's tester: `db restore treadwell.set-aside-....sqlite3` was refused as "No backup named ...")."""

from __future__ import annotations

import json
import re
import shlex

from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "resources" / "examples" / "profiles"


def names(run_main, data) -> list[str]:
    return [row["patient_name"] for row in json.loads(run_main("plans", "list", "--format", "json",
                                                                 data_dir=data).stdout)]


def test_the_set_aside_database_is_put_back_by_the_name_the_restore_gave(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLES / "diabetic-neuropathy.json"), "--save", data_dir=data).returncode == 0
    assert run_main("db", "backup", data_dir=data).returncode == 0
    assert run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", data_dir=data).returncode == 0
    [backup] = (data / "backups").iterdir()
    restored = run_main("db", "restore", backup.name, data_dir=data)
    assert restored.returncode == 0, restored.stderr
    aside = re.search(r"To put it back: (.+ db restore (treadwell\.set-aside-[\d-]+\.sqlite3))$",
                      restored.stdout.strip())
    assert aside, restored.stdout
    # runs as printed, from any folder (seen by a helper: "main.py db restore ..." went to the default data folder)
    assert shlex.split(aside.group(1))[:5] == ["uv", "run", "main.py", "--data-dir", str(data)], aside.group(1)
    assert len(names(run_main, data)) == 1  # the work saved after the backup is in the file set aside
    back = run_main("db", "restore", aside.group(2), data_dir=data)
    assert back.returncode == 0, back.stderr
    assert len(names(run_main, data)) == 2
