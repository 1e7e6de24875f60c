"""Benchmark: listing, searching and saving as the saved plans grow: the cost curve.

    uv run python -m tests.bench.bench_records [--sizes 1000,10000,100000,1000000] [--repeats 20]

Patients are bulk-inserted under generated names, each with one plan row. The plan rows hold a
compact placeholder instead of a full plan (12 kB each would need 12 GB at a million); the list and
search read only patient columns and indexes, so this does not change what is measured. Saving is
measured with a real plan. Each figure is a median beside a bare baseline from the same run (a
primary-key lookup). Goals at 100,000: list and search under 50 ms, save under 20 ms.
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


def fill(db, count: int, *, compact: bool = True) -> tuple:
    profile = read_profile(resource_path("examples", "profiles", "parkinsons-pain.json"))
    plan = compute_plan(profile, load_library().studies)
    profile_json, plan_json = ("{}", "{}") if compact else (profile.model_dump_json(), plan.model_dump_json())
    rng = random.Random(11)
    stamp = records.now_iso()
    with db.atomic():
        db["patients"].insert_all(({
            "id": n + 1, "name": (name := f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"),
            "name_folded": records.fold_name(name), "etiology": profile.etiology, "created_at": stamp,
            "updated_at": f"2026-01-01T00:00:00.{n:07d}",
        } for n in range(count)), batch_size=10_000)
        db["plans"].insert_all(({
            "patient_id": n + 1, "version": 1, "profile_json": profile_json, "plan_json": plan_json,
            "overrides_json": "[]", "guidelines_version": plan.guidelines_version, "created_by": "bench",
            "created_at": stamp,
        } for n in range(count)), batch_size=10_000)
    db.execute("ANALYZE")
    return profile, plan


def measure(size: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        try:
            profile, plan = fill(db, size)
            baseline = median_ms(lambda: db.execute("select id from plans where id = ?", [size // 2]).fetchone(), repeats)
            figures = {
                "list first page": median_ms(lambda: records.list_plans(db, limit=100), repeats),
                "search common 'okafor'": median_ms(lambda: records.list_plans(db, search="okafor"), repeats),
                "search rare '4242'": median_ms(lambda: records.list_plans(db, search="4242"), repeats),
                "search 2 letters 'wu'": median_ms(lambda: records.list_plans(db, search="wu"), repeats),
                "count matches 'ann'": median_ms(lambda: records.count_patients(db, search="ann"), repeats),
                "save a plan version": median_ms(lambda: records.save_plan(db, profile, plan, clinician="bench"), repeats),
            }
        finally:
            db.close()
    return {"baseline_ms": round(baseline, 4), "median_ms": {k: round(v, 2) for k, v in figures.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of saved plans")
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {size: measure(size, args.repeats) for size in sizes}
    names = list(next(iter(results.values()))["median_ms"])
    print(f"records: median ms of {args.repeats} runs by number of saved plans (baseline: pk lookup)")
    print(f"{'operation':24}" + "".join(f"{size:>12,}" for size in sizes))
    for name in names:
        print(f"{name:24}" + "".join(f"{results[size]['median_ms'][name]:>12.2f}" for size in sizes))
    print(f"{'baseline pk lookup':24}" + "".join(f"{results[size]['baseline_ms']:>12.4f}" for size in sizes))
    if 100_000 in results:
        at = results[100_000]["median_ms"]
        misses = [n for n, v in at.items() if v >= (20 if n.startswith("save") else 50)]
        print("goals at 100,000: " + ("all met" if not misses else "MISSED: " + ", ".join(misses)))
    print(json.dumps({"repeats": args.repeats, "sizes": {str(k): v for k, v in results.items()}}))


if __name__ == "__main__":
    main()
