"""The Windows and macOS installers workflow (.github/workflows/installers.yml) runs only on GitHub, which this
project's CI cannot reach: what can be checked here is checked here. It is a valid GitHub Actions workflow
(GitHub's published schema, as vendored by check-jsonschema, so no network is needed); it checks the frozen
bundle with the same script as .ci/run; and the files it names exist where it looks for them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT as ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def _schema_check(path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema against GitHub's workflow schema as it vendors it (no network)."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True, timeout=120)


def test_the_installers_workflow_is_a_valid_github_actions_workflow() -> None:
    result = _schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_workflow_that_breaks_the_schema_is_refused(tmp_path) -> None:
    """The check above can fail: a step with neither ``run`` nor ``uses`` is not a workflow GitHub runs."""
    broken = tmp_path / "installers.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("        run: uv sync --locked\n", "", 1),
                      encoding="utf-8")
    result = _schema_check(broken)
    assert result.returncode == 1, result.stdout + result.stderr


def test_the_workflow_checks_the_bundle_as_ci_does() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for text in (workflow, ci):
        assert "uv sync --locked" in text
        assert "packaging/build.py" in text
        assert re.search(r'bash packaging/check_frozen\.sh "\$binary" "[^"]+"', text)


def test_every_file_the_workflow_names_exists() -> None:
    script = (ROOT / "packaging" / "check_frozen.sh").read_text(encoding="utf-8")
    paths = r"\b(?:packaging|resources)/[\w./-]+\.(?:py|sh|iss|json)\b"
    named = set(re.findall(paths, WORKFLOW.read_text(encoding="utf-8")))
    named |= set(re.findall(r"\bresources/[\w./-]+\.json\b", script))
    assert {"packaging/build.py", "packaging/check_frozen.sh", "packaging/windows/treadwell.iss",
            "packaging/macos/make_dmg.sh"} <= named
    assert [path for path in sorted(named) if not (ROOT / path).is_file()] == []


def test_the_binaries_and_installers_are_where_the_workflow_looks() -> None:
    """The spec names the program ``treadwell`` in a ``Treadwell`` folder (and ``Treadwell.app`` on macOS); both
    installer scripts write into build/installer, which the workflow uploads."""
    workflow = WORKFLOW.read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "treadwell.spec").read_text(encoding="utf-8")
    assert 'name="treadwell"' in spec and "BUNDLE(coll, name=f\"{APP_NAME}.app\"" in spec
    assert "binary=build/dist/Treadwell/treadwell.exe" in workflow
    assert "binary=build/dist/Treadwell.app/Contents/MacOS/treadwell" in workflow
    inno = (ROOT / "packaging" / "windows" / "treadwell.iss").read_text(encoding="utf-8")
    dmg = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "OutputDir=..\\..\\build\\installer" in inno and '"build/installer/Treadwell-$version.dmg"' in dmg
    assert "path: build/installer/" in workflow
