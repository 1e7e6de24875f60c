"""Benchmark: the frozen bundle against a bare PySide6-Essentials window bundle built by the same
PyInstaller: size on disk, and start-up from launch to the first frame with the etiologies
(``--smoke-start``, ``TREADWELL_SMOKE_UNTIL=data``; see bench_startup), run alternately.

    uv run python -m tests.bench.bench_frozen [--no-build] [--repeats 9]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.timing import bench_env, process_seconds, seconds_until_reported

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "build" / "dist" / "Treadwell"
BARE = ROOT / "build" / "baseline" / "hello_window"


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use the bundles already in build/")
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    if not args.no_build or not (APP.is_dir() and BARE.is_dir()):
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--baseline"], check=True,
                       capture_output=True)
    env = bench_env()
    with tempfile.TemporaryDirectory() as folder:
        app = [str(APP / "treadwell"), "--data-dir", str(Path(folder) / "data"), "--smoke-start"]
        bare = [str(BARE / "hello_window"), "--smoke-start"]
        process_seconds(app, {**env, "TREADWELL_SMOKE_UNTIL": "ready"})  # creates the database, installs the library
        app_s, bare_s = [], []
        for _ in range(args.repeats):
            app_s.append(seconds_until_reported(app, {**env, "TREADWELL_SMOKE_UNTIL": "data"}))
            bare_s.append(seconds_until_reported(bare, env))
    app_mb, bare_mb = folder_mb(APP), folder_mb(BARE)
    app_ms, bare_ms = statistics.median(app_s) * 1000, statistics.median(bare_s) * 1000
    print("frozen bundle against a bare PySide6-Essentials window bundle")
    print(f"  size:     {app_mb:7.1f} MB vs {bare_mb:7.1f} MB   ratio {app_mb / bare_mb:.2f} (goal <= 1.3)")
    print(f"  start-up: {app_ms:7.0f} ms vs {bare_ms:7.0f} ms   ratio {app_ms / bare_ms:.2f}")
    print(json.dumps({"size_mb": round(app_mb, 1), "bare_size_mb": round(bare_mb, 1),
                      "size_ratio": round(app_mb / bare_mb, 2), "startup_ms": round(app_ms),
                      "bare_startup_ms": round(bare_ms), "startup_ratio": round(app_ms / bare_ms, 2)}))


if __name__ == "__main__":
    main()
