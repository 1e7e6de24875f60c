"""Benchmark: computing a plan, for the example profile of every etiology.

    uv run python -m tests.bench.bench_plan [--repeats 300]

Prints the median per profile beside a bare baseline from the same run: validating the same
profile into its pydantic model (the least any computation must do). Goal: under 5 ms median.
"""

from __future__ import annotations

import argparse
import json

from core.evidence.library import load_library
from core.plan.engine import compute_plan
from core.plan.profile import PatientProfile, read_profile
from core.resources import resource_path
from tests.bench.timing import median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=300)
    args = parser.parse_args()
    studies = load_library().studies
    results = {}
    for path in sorted(resource_path("examples", "profiles").glob("*.json")):
        profile = read_profile(path)
        data = profile.model_dump()
        baseline = median_ms(lambda: PatientProfile.model_validate(data), args.repeats)
        plan_ms = median_ms(lambda: compute_plan(profile, studies), args.repeats)
        results[path.stem] = {"median_ms": round(plan_ms, 3), "baseline_ms": round(baseline, 4)}
    print(f"plan computation, median of {args.repeats} runs; baseline = validating the profile alone")
    print(f"{'etiology':26} {'plan ms':>8} {'baseline ms':>12} {'ratio':>6}  goal < 5 ms")
    for name, r in results.items():
        ok = "ok" if r["median_ms"] < 5 else "MISSED"
        print(f"{name:26} {r['median_ms']:>8.3f} {r['baseline_ms']:>12.4f} {r['median_ms'] / r['baseline_ms']:>6.0f}  {ok}")
    print(json.dumps({"repeats": args.repeats, "profiles": results}))


if __name__ == "__main__":
    main()
