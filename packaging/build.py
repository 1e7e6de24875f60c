"""Build the frozen one-dir bundle and a Linux tarball; optionally compare with a bare Qt bundle.

    uv run python packaging/build.py             # build/dist/Treadwell/ and the tarball
    uv run python packaging/build.py --baseline  # also build a bare PySide6 window, print size ratio
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tarfile
import tomllib
from pathlib import Path

import PyInstaller.__main__

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"
SIZE_RATIO_GOAL = 1.3


def folder_size_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def run_pyinstaller(spec: Path, distpath: Path, workpath: Path) -> None:
    PyInstaller.__main__.run(
        [str(spec), "--noconfirm", "--clean", "--log-level=WARN",
         f"--distpath={distpath}", f"--workpath={workpath}"]
    )


def tidy(bundle: Path) -> None:
    """What a clinic unpacks: the README beside the program (its messages and --help point there) and the clinic
    server's guide where the README and the messages name it (docs/clinic-server.md: seen by an IT tester, the
    installed copy's messages sent them to a file it did not have), and on Linux the script that puts it in the
    applications menu; no link to a file the spec left out (seen in review: the EGLFS
    libraries' links, which made `cp -rL` of the folder fail); no direct_url.json (the path of the checkout the bundle
    was built from)."""
    shutil.copy2(ROOT / "README.md", bundle / "README.md")
    (bundle / "docs").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "docs" / "clinic-server.md", bundle / "docs" / "clinic-server.md")
    if sys.platform.startswith("linux"):
        shutil.copy2(ROOT / "packaging" / "linux" / "install-launcher.sh", bundle / "install-launcher.sh")
    for path in list(bundle.rglob("*")):
        if (path.is_symlink() and not path.exists()) or path.name == "direct_url.json":
            path.unlink()


def make_tarball(bundle: Path, version: str) -> Path:
    machine = platform.machine().lower() or "unknown"
    tarball = DIST / f"treadwell-{version}-linux-{machine}.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(bundle, arcname=f"Treadwell-{version}")
    return tarball


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="store_true", help="also build the bare window bundle and compare sizes")
    args = parser.parse_args()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

    run_pyinstaller(ROOT / "packaging" / "treadwell.spec", DIST, BUILD / "work")
    bundle = DIST / "Treadwell"
    tidy(bundle)
    size = folder_size_bytes(bundle)
    print(f"bundle: {bundle} ({size / 1e6:.1f} MB)")
    if sys.platform.startswith("linux"):
        print(f"tarball: {make_tarball(bundle, version)}")

    if args.baseline:
        run_pyinstaller(ROOT / "packaging" / "baseline" / "hello_window.spec", BUILD / "baseline", BUILD / "work-baseline")
        baseline = folder_size_bytes(BUILD / "baseline" / "hello_window")
        ratio = size / baseline
        print(f"baseline bundle: {baseline / 1e6:.1f} MB; Treadwell/baseline = {ratio:.2f} (goal <= {SIZE_RATIO_GOAL})")
        if ratio > SIZE_RATIO_GOAL:
            print("bundle size goal missed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
