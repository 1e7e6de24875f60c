"""Benchmark: listing, searching and saving with many saved plans (default 100,000).

    uv run python -m tests.bench.bench_records [--plans 100000] [--repeats 30]

Rows are bulk-inserted copies of a real saved plan under generated names. Each figure is a median,
beside a bare baseline from the same run (a primary-key lookup of one plan row). Goals: list and
search under 50 ms, save under 20 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from core.evidence.library import load_library
from core.plan.engine import compute_plan
from core.plan.profile import read_profile
from core.resources import resource_path
from core.storage import records
from core.storage.database import open_database
from tests.bench.timing import median_ms

FIRST = ["Anna", "Olga", "Zoë", "Maria", "Jan", "Wei", "Amara", "Luis", "Sven", "Fatima", "Noah", "Ines"]
LAST = ["Kowalski", "Ivanova", "Ørsted", "García", "Nguyen", "Okafor", "Müller", "Smith", "Rossi", "Khan", "Dubois"]


def fill(db, count: int) -> None:
    profile = read_profile(resource_path("examples", "profiles", "parkinsons-pain.json"))
    plan = compute_plan(profile, load_library().studies)
    profile_json, plan_json = profile.model_dump_json(), plan.model_dump_json()
    rng = random.Random(11)
    stamp = records.now_iso()
    with db.atomic():
        db["patients"].insert_all(({
            "id": n + 1, "name": (name := f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"),
            "name_folded": records.fold_name(name), "etiology": profile.etiology, "created_at": stamp,
            "updated_at": f"{stamp[:-6]}{n % 1000000:06d}",
        } for n in range(count)), batch_size=5000)
        db["plans"].insert_all(({
            "patient_id": n + 1, "version": 1, "profile_json": profile_json, "plan_json": plan_json,
            "overrides_json": "[]", "guidelines_version": plan.guidelines_version, "created_by": "bench",
            "created_at": stamp,
        } for n in range(count)), batch_size=5000)
    db.execute("ANALYZE")
    return profile, plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        profile, plan = fill(db, args.plans)
        baseline = median_ms(lambda: db.execute("select id from plans where id = ?", [args.plans // 2]).fetchone(),
                             args.repeats)
        figures = {
            "list first page (100)": median_ms(lambda: records.list_plans(db, limit=100), args.repeats),
            "search 'okafor' (100)": median_ms(lambda: records.list_plans(db, search="okafor"), args.repeats),
            "search 'zoe orsted'": median_ms(lambda: records.list_plans(db, search="zoe orsted"), args.repeats),
            "search rare '4242'": median_ms(lambda: records.list_plans(db, search="4242"), args.repeats),
            "count matches 'ann'": median_ms(lambda: records.count_patients(db, search="ann"), args.repeats),
            "save a plan version": median_ms(lambda: records.save_plan(db, profile, plan, clinician="bench"),
                                             args.repeats),
        }
        db.close()
    goals = {"save a plan version": 20}
    print(f"records with {args.plans} saved plans, median of {args.repeats} runs; baseline pk lookup {baseline:.3f} ms")
    print(f"{'operation':28} {'median ms':>10} {'x baseline':>11}  goal")
    for name, value in figures.items():
        goal = goals.get(name, 50)
        print(f"{name:28} {value:>10.2f} {value / baseline:>11.0f}  < {goal} ms {'ok' if value < goal else 'MISSED'}")
    print(json.dumps({"plans": args.plans, "baseline_ms": round(baseline, 4),
                      "median_ms": {k: round(v, 2) for k, v in figures.items()}}))


if __name__ == "__main__":
    main()
