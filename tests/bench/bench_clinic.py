"""Benchmark: the patient records on the clinic's PostgreSQL server (a throwaway one on loopback), beside
SQLite in the same run: listing and searching patients, saving a version, logging a session.

    uv run python -m tests.bench.bench_clinic [--sizes 1000,100000,1000000] [--repeats 15]

Patients are bulk-loaded (COPY) under the same generated names as bench_records, each with one plan row
holding a compact placeholder (the list and search read only patient columns). Saving and logging use a
real plan. Baseline: a primary-key lookup on the same server. Goals at 1,000,000: list and search within
50 ms, saving within 20 ms. Needs PostgreSQL's server programs (apt-get install postgresql).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random

import psycopg

from core.evidence.library import load_library
from core.plan.engine import compute_plan
from core.plan.profile import read_profile
from core.plan.session_log import SessionLog
from core.resources import resource_path
from core.storage.clinic import add_clinician, init_clinic, open_clinic_records
from core.storage.record_rows import fold_name, now_iso
from tests.bench.bench_records import FIRST, LAST
from tests.bench.timing import median_ms
from tests.pg_server import ADMIN_PASSWORD, start_server

PASSWORD = "bench-clinician-secret"


def fill(url: str, count: int, etiology: str) -> None:
    rng = random.Random(11)
    stamp = now_iso()
    with psycopg.connect(url, autocommit=True) as connection:
        with connection.cursor().copy("copy patients (id, uid, name, name_folded, etiology, created_at, updated_at) "
                                      "from stdin") as copy:
            for n in range(count):
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
                copy.write_row((n + 1, f"bench-{n}", name, fold_name(name), etiology, stamp,
                                f"2026-01-01T00:00:00.{n:07d}"))
        with connection.cursor().copy("copy plans (uid, patient_id, version, profile_json, plan_json, overrides_json, "
                                      "guidelines_version, created_by, created_at) from stdin") as copy:
            for n in range(count):
                copy.write_row((f"bench-plan-{n}", n + 1, 1, "{}", "{}", "[]", "bench", "bench", stamp))
        connection.execute("select setval('patients_id_seq', %s)", [count])
        connection.execute("analyze")


def measure(server, size: int, repeats: int) -> dict:
    database = f"bench_{size}"
    with psycopg.connect(server.admin_url, autocommit=True) as admin:
        admin.execute(f"drop database if exists {database}")
        admin.execute(f"create database {database}")
    admin_url = server.url(database=database, password=ADMIN_PASSWORD)
    init_clinic(admin_url)
    add_clinician(admin_url, "bench_clinician", PASSWORD)
    profile = read_profile(resource_path("examples", "profiles", "parkinsons-pain.json"))
    plan = compute_plan(profile, load_library().studies)
    fill(admin_url, size, profile.etiology)
    store = open_clinic_records(server.url("bench_clinician", database, PASSWORD), lambda etiology: [])
    try:
        baseline = median_ms(lambda: store.connection.execute("select id from plans where id = %s",
                                                              [size // 2]).fetchone(), repeats)
        saved = store.save_plan(profile, plan, clinician="bench")
        day = dt.date(2026, 11, 2)
        figures = {
            "list first page": median_ms(lambda: store.list_plans(limit=100), repeats),
            "search common 'okafor'": median_ms(lambda: store.list_plans(search="okafor"), repeats),
            "search rare '4242'": median_ms(lambda: store.list_plans(search="4242"), repeats),
            "search 2 letters 'wu'": median_ms(lambda: store.list_plans(search="wu"), repeats),
            "count matches 'ann'": median_ms(lambda: store.count_patients(search="ann"), repeats),
            "save a plan version": median_ms(lambda: store.save_plan(profile, plan, clinician="bench"), repeats),
            "log a session": median_ms(lambda: store.add_session(
                saved.patient_id, SessionLog(date=day, week=1, minutes=8, rpe=12), clinician="bench",
                plan_id=saved.id), repeats),
        }
    finally:
        store.connection.close()
    return {"baseline_ms": round(baseline, 4), "median_ms": {k: round(v, 2) for k, v in figures.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    server = start_server()
    try:
        results = {size: measure(server, size, args.repeats) for size in sizes}
    finally:
        server.stop()
    names = list(next(iter(results.values()))["median_ms"])
    print(f"clinic server (PostgreSQL, loopback): median ms of {args.repeats} runs by number of patients")
    print(f"{'operation':24}" + "".join(f"{size:>12,}" for size in sizes))
    for name in names:
        print(f"{name:24}" + "".join(f"{results[size]['median_ms'][name]:>12.2f}" for size in sizes))
    print(f"{'baseline pk lookup':24}" + "".join(f"{results[size]['baseline_ms']:>12.4f}" for size in sizes))
    top = results[max(sizes)]["median_ms"]
    misses = [n for n, v in top.items() if v >= (20 if n.startswith(("save", "log")) else 50)]
    print(f"goals at {max(sizes):,}: " + ("all met" if not misses else "MISSED: " + ", ".join(misses)))
    print(json.dumps({"repeats": args.repeats, "sizes": {str(k): v for k, v in results.items()}}))


if __name__ == "__main__":
    main()
