"""Run every benchmark on this machine and print one table and one JSON document.

    uv run python -m tests.bench.run_all [--quick] [--out results.json]

Each figure is a median over repeated runs beside its baseline measured in the same run (see each
script's docstring). --quick uses fewer repeats and leaves out the million-plan point. Takes about
4 minutes on a 2-core machine (the frozen bundles are built if missing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(module: str, *args: str) -> dict:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", f"tests.bench.{module}", *args], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["_seconds"] = round(time.perf_counter() - started, 1)
    print(result.stdout.rsplit("\n", 2)[0], flush=True)  # the script's own table, without its JSON line
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    repeats = "5" if args.quick else "15"
    results = {
        "startup": run("bench_startup", "--repeats", repeats),
        "frozen": run("bench_frozen", "--no-build", "--repeats", repeats),
        "handout": run("bench_handout", "--repeats", "5" if args.quick else "11"),
        "plan": run("bench_plan", "--repeats", "50" if args.quick else "300"),
        "editor": run("bench_editor", "--repeats", "50" if args.quick else "200"),
        "window": run("bench_window", "--repeats", "5" if args.quick else "15"),
        "evidence_search": run("bench_evidence_search", "--sizes", "1000,10000,100000", "--repeats", "5" if args.quick else "15"),
        "records": run("bench_records", "--sizes", "1000,10000,100000" + ("" if args.quick else ",1000000"),
                       "--repeats", "5" if args.quick else "15"),
        "course": run("bench_course", "--repeats", "5" if args.quick else "15"),
        "languages": run("bench_languages", "--repeats", "5" if args.quick else "11"),
        "memory": run("bench_memory"),
    }
    evidence = results["evidence_search"]["sizes"]["100000"]["queries"]
    records = results["records"]["sizes"]["100000"]["median_ms"]
    rows = [
        ("floor: the first frame's widgets alone vs bare", f"{results['startup']['floor_ratio']:.2f}x", "(reported)"),
        ("start-up to first paint vs bare window", f"{results['startup']['painted_ratio']:.2f}x", "(reported)"),
        ("start-up to first frame with data vs bare", f"{results['startup']['data_ratio']:.2f}x", "<= 1.2x"),
        ("start-up until every step is built", f"{results['startup']['ready_ratio']:.2f}x", "(reported)"),
        ("frozen, first frame with data vs bare", f"{results['frozen']['startup_ratio']:.2f}x", "(reported)"),
        ("frozen bundle size vs bare bundle", f"{results['frozen']['size_ratio']:.2f}x", "<= 1.3x"),
        ("floor: bare reportlab with pydantic vs bare", f"{results['handout']['floor_ratio']:.2f}x", "(reported)"),
        ("handout command vs bare reportlab", f"{results['handout']['ratio']:.2f}x", "<= 2x"),
        ("plan computation (slowest example)", f"{max(p['median_ms'] for p in results['plan']['profiles'].values()):.2f} ms", "< 5 ms"),
        ("editor recompute per keystroke", f"{results['editor']['editor_ms']:.2f} ms", "< 16 ms"),
        ("keystroke in the whole window", f"{results['window']['keystroke_ms']:.2f} ms", "< 16 ms"),
        ("handout tab painted after a plan change", f"{results['window']['handout_tab_ms']:.0f} ms", "< 300 ms"),
        ("evidence search at 100,000 (slowest query)", f"{max(q['median_ms'] for q in evidence.values()):.1f} ms", "< 50 ms"),
        ("patient list/search at 100,000 (slowest)", f"{max(v for k, v in records.items() if not k.startswith('save')):.1f} ms", "< 50 ms"),
        ("save a plan at 100,000", f"{records['save a plan version']:.2f} ms", "< 20 ms"),
        ("500 sessions of a patient at 100,000: list", f"{results['course']['list_ms']:.2f} ms", "< 50 ms"),
        ("500 sessions: progress computed and drawn", f"{results['course']['view_ms']:.1f} ms", "< 100 ms"),
        ("Chinese or Arabic handout vs English, whole process", f"{results['languages']['worst_ratio']:.2f}x",
         "<= 1.5x"),
        ("peak memory, 100,000 plans, vs bare window", f"{results['memory']['ratio']:.2f}x", "(reported)"),
    ]
    print("\nSummary")
    for name, value, goal in rows:
        print(f"  {name:44} {value:>10}   goal {goal}")
    document = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(document, encoding="utf-8")
    print(document)


if __name__ == "__main__":
    main()
