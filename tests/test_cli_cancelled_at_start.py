"""Ctrl+C while Treadwell is still starting (its imports, before a command's own handling of it): one line, not a
traceback. Seen by a tester: `timeout -s INT 0.3 ... plans list` printed a traceback ending in KeyboardInterrupt."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

# Ctrl+C as the imports run, made certain: the import of core.data_dir is interrupted
INTERRUPTED_IMPORT = '''import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "core.data_dir":
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
'''


def test_ctrl_c_during_the_imports_is_one_line(tmp_path) -> None:
    (tmp_path / "sitecustomize.py").write_text(INTERRUPTED_IMPORT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), "plans",
                           "list"], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.stderr == "Cancelled while Treadwell was starting: nothing was saved.\n", done.stderr
    assert done.returncode in (130, -2) and done.stdout == ""  # -2: ended by SIGINT, which shells count as 130
    assert not (tmp_path / "data").exists()
