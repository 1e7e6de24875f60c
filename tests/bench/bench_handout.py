"""Benchmark: the whole command ``main.py plan PROFILE.json --pdf OUT.pdf --clinician-summary``
against a whole Python process that renders a bare reportlab document (one table, ten paragraphs),
the two run alternately. Goal: the ratio of medians at most 2 (issue 19; it was 3). A third process, the
floor, renders the bare document after importing pydantic, which the command cannot do without.

    uv run python -m tests.bench.bench_handout [--repeats 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench.timing import bench_env, process_seconds

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "plan", str(EXAMPLE),
                   "--pdf", str(Path(folder) / "handout.pdf"), "--clinician-summary", "--format", "json"]
        baseline = [sys.executable, str(ROOT / "tests" / "bench" / "bare_reportlab.py"), str(Path(folder) / "bare.pdf")]
        floor = [*baseline[:-1], str(Path(folder) / "floor.pdf"), "--with-pydantic"]
        env = bench_env()
        process_seconds(command, env)  # first run installs the evidence library into the fresh data directory
        process_seconds(baseline, env)  # and all write their bytecode cache
        process_seconds(floor, env)
        handout_s, bare_s, floor_s = [], [], []
        for _ in range(args.repeats):
            handout_s.append(process_seconds(command, env))
            bare_s.append(process_seconds(baseline, env))
            floor_s.append(process_seconds(floor, env))
    handout, bare, least = (statistics.median(times) for times in (handout_s, bare_s, floor_s))
    ratio = handout / bare
    print(f"handout command, median of {args.repeats} alternating runs")
    print(f"  bare reportlab process:         {bare * 1000:7.0f} ms")
    print(f"  floor: the same, with pydantic: {least * 1000:7.0f} ms  {least / bare:.2f}x")
    print(f"  plan --pdf --clinician-summary: {handout * 1000:7.0f} ms  {ratio:.2f}x")
    print(f"  ratio {ratio:.2f} (goal <= 2): {'ok' if ratio <= 2 else 'MISSED'}")
    print(json.dumps({"repeats": args.repeats, "handout_ms": round(handout * 1000), "bare_ms": round(bare * 1000),
                      "floor_ms": round(least * 1000), "floor_ratio": round(least / bare, 2),
                      "ratio": round(ratio, 2)}))


if __name__ == "__main__":
    main()
