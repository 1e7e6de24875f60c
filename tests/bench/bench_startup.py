"""Benchmark: start-up. ``main.py --smoke-start`` (window shown and painted once) against a bare
PySide6 window script doing the same, run alternately on this machine. Goal: ratio at most 1.5.
Also measured: the time until the records are open and the evidence is in the views
(``TREADWELL_SMOKE_UNTIL=data``), against the same baseline.

    uv run python -m tests.bench.bench_startup [--repeats 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench.timing import process_seconds

ROOT = Path(__file__).resolve().parents[2]



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as folder:
        app = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(Path(folder) / "data"), "--smoke-start"]
        bare = [sys.executable, str(ROOT / "packaging" / "baseline" / "hello_window.py"), "--smoke-start"]
        process_seconds(app, env)  # the first start creates the database and installs the evidence library
        data_env = {**env, "TREADWELL_SMOKE_UNTIL": "data"}
        app_s, bare_s, data_s = [], [], []
        for _ in range(args.repeats):
            app_s.append(process_seconds(app, env))
            bare_s.append(process_seconds(bare, env))
            data_s.append(process_seconds(app, data_env))
    app_ms, bare_ms = statistics.median(app_s) * 1000, statistics.median(bare_s) * 1000
    data_ms = statistics.median(data_s) * 1000
    ratio = app_ms / bare_ms
    print(f"start-up to first paint, median of {args.repeats} alternating runs ({env['QT_QPA_PLATFORM']} platform)")
    print(f"  main.py --smoke-start:      {app_ms:6.0f} ms")
    print(f"  bare PySide6 window:        {bare_ms:6.0f} ms")
    print(f"  ratio {ratio:.2f} (goal <= 1.5): {'ok' if ratio <= 1.5 else 'MISSED'}")
    print(f"  until records and evidence are in the views: {data_ms:6.0f} ms ({data_ms / bare_ms:.2f} x bare)")
    print(json.dumps({"repeats": args.repeats, "app_ms": round(app_ms), "bare_ms": round(bare_ms), "ratio": round(ratio, 2),
                      "data_loaded_ms": round(data_ms), "data_loaded_ratio": round(data_ms / bare_ms, 2)}))


if __name__ == "__main__":
    main()
