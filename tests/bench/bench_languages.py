"""Benchmark: the whole handout command in English, Simplified Chinese and Arabic, run alternately, and the
English one against a bare reportlab process as the baseline. Goal (issue 18): a Chinese or Arabic handout
within 1.5x the English one.

    uv run python -m tests.bench.bench_languages [--repeats 15]

To compare English with an older commit, run this in a worktree of it with its own environment, alternately.
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
LANGUAGES = ("en", "zh-Hans", "ar")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        commands = {tag: [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "plan", str(EXAMPLE),
                          "--pdf", str(Path(folder) / f"{tag}.pdf"), "--language", tag, "--format", "json"]
                    for tag in LANGUAGES}
        commands["bare"] = [sys.executable, str(ROOT / "tests" / "bench" / "bare_reportlab.py"),
                            str(Path(folder) / "bare.pdf")]
        env = bench_env()
        for command in commands.values():  # the library installed, the font caches and bytecode written
            process_seconds(command, env)
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeats):
            for name, command in commands.items():
                seconds[name].append(process_seconds(command, env))
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    english = medians["en"]
    print(f"handout command by language, median of {args.repeats} alternating runs")
    for name, median in medians.items():
        print(f"  {name:8s} {median * 1000:6.0f} ms  ({median / english:.2f}x English)")
    worst = max(medians[tag] / english for tag in LANGUAGES)
    print(f"  slowest language {worst:.2f}x English (goal <= 1.5): {'ok' if worst <= 1.5 else 'MISSED'}")
    print(json.dumps({"repeats": args.repeats, **{f"{name}_ms": round(m * 1000) for name, m in medians.items()},
                      "worst_ratio": round(worst, 2)}))


if __name__ == "__main__":
    main()
