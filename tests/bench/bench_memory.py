"""Benchmark: peak memory of the app with 100,000 saved plans, its patient list loaded, against a
bare PySide6 window (both measured as the peak resident set of the whole process).

    uv run python -m tests.bench.bench_memory [--plans 100000]

The app runs with ``--smoke-start`` and TREADWELL_SMOKE_UNTIL=ready, so it exits once every step is
built and the records and evidence are in the views (the patient list pages in 200 rows at a time).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from core.data_dir import DataDir
from core.storage.database import open_database
from tests.bench.bench_records import fill
from tests.bench.timing import bench_env

ROOT = Path(__file__).resolve().parents[2]
PEAK = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); " \
       "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def peak_kib(command: list[str], env: dict) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True, env=env)
    return int(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=100_000)
    args = parser.parse_args()
    env = bench_env(TREADWELL_SMOKE_UNTIL="ready")  # every step built, the patient list loaded
    with tempfile.TemporaryDirectory() as folder:
        data_dir = DataDir(Path(folder) / "data").prepare()
        db = open_database(data_dir.database_path)
        fill(db, args.plans, compact=False)  # real plans: the list opens real history
        db.close()
        app = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir.root), "--smoke-start"]
        subprocess.run(app, check=True, capture_output=True, env=env)  # first start installs the evidence
        app_kib = min(peak_kib(app, env) for _ in range(3))
        bare_kib = min(peak_kib([sys.executable, str(ROOT / "packaging" / "baseline" / "hello_window.py"),
                                 "--smoke-start"], env) for _ in range(3))
    print(f"peak memory with {args.plans:,} saved plans (list loaded) vs a bare PySide6 window")
    print(f"  app:  {app_kib / 1024:7.1f} MiB")
    print(f"  bare: {bare_kib / 1024:7.1f} MiB   ratio {app_kib / bare_kib:.2f}")
    print(json.dumps({"plans": args.plans, "app_mib": round(app_kib / 1024, 1), "bare_mib": round(bare_kib / 1024, 1),
                      "ratio": round(app_kib / bare_kib, 2)}))


if __name__ == "__main__":
    main()
