"""core/ must run without Qt: import every core module in a process where PySide6 cannot load."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def core_module_names() -> list[str]:
    names = []
    for path in sorted((REPO_ROOT / "core").rglob("*.py")):
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_there_are_core_modules_to_check() -> None:
    assert {"core", "core.cli", "core.workspace.selftest", "core.evidence.models"} <= set(core_module_names())


def test_every_core_module_imports_with_qt_blocked() -> None:
    script = textwrap.dedent(
        f"""
        import importlib, sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError(f"core must not import Qt, but {{name}} was imported")
                return None
        sys.meta_path.insert(0, BlockQt())
        sys.path.insert(0, {str(REPO_ROOT)!r})
        for name in {core_module_names()!r}:
            importlib.import_module(name)
        leaked = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
        assert not leaked, leaked
        print("imported", len({core_module_names()!r}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout


def test_the_blocker_really_blocks_qt() -> None:
    """Guard against a check that cannot fail: importing a ui module under the blocker must fail."""
    script = textwrap.dedent(
        f"""
        import sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("blocked " + name)
        sys.meta_path.insert(0, BlockQt())
        sys.path.insert(0, {str(REPO_ROOT)!r})
        import ui.main_window
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "blocked PySide6" in result.stderr
