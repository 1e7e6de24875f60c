"""A file given as "" (an unset variable in a clinic's script) is refused as empty, naming the argument: seen by a
helper, ``--pdf ""`` said the folder the command ran in was a folder and offered a file in it, and ``db restore ""``
began " is a folder" with a blank name."""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT

PROFILE = str(REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json")


@pytest.mark.parametrize(("args", "named"), [
    (["plan", PROFILE, "--pdf", ""], "argument --pdf"),
    (["plan", ""], "argument PROFILE.json"),
    (["progress", "1", "--pdf", ""], "argument --pdf"),
    (["plans", "import", ""], "argument FILE"),
    (["plans", "export", "1", ""], "argument OUT.json"),
    (["sessions", "add", "1", ""], "argument SESSION.json"),
    (["evidence", "import", ""], "argument FILE"),
    (["db", "restore", ""], "argument BACKUP"),
])
def test_an_empty_file_argument_is_refused_naming_it(run_main, tmp_path, args, named) -> None:
    done = run_main(*args, data_dir=tmp_path / "data")
    assert done.returncode == 2, done.stderr
    assert f"{named}: must name a file; it is empty" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not list(tmp_path.glob("*.pdf"))
