"""Benchmark: evidence search over a synthetic library of N studies (default 10,000).

    uv run python -m tests.bench.bench_evidence_search [--sizes 1000,10000] [--repeats 30]

Prints the median time per query beside a bare baseline measured in the same run: plain SQLite
reading the same number of stored rows (no full-text search, no validation into models), so the
ratio is what search and models cost. Goal: each query's median under 50 ms at 10,000.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from core.evidence.library import load_library
from core.evidence.models import EvidenceLibrary, ExerciseDosing, Finding, SourceLocation, Study
from core.storage import evidence_store
from core.storage.database import open_database
from tests.bench.timing import median_ms

MARKERS = ["TNF-α", "IL-1β", "IL-6", "BDNF", "GAD65/67", "MOR", "KCC2", "NO", "GFAP", "Iba1", "IL-4", "NGF"]
MODELS = ["CCI", "PSL", "SNI", "SNL", "sciatic crush", "contusion SCI", "STZ diabetes"]
AUTHORS = ["Chen", "Kami", "Li", "Bai", "Lu", "Mu", "Cho", "Binda", "Dugan", "Almeida", "Grace"]
RARE_AUTHOR = "Safakhah"  # one study in 1,000
QUERIES = {
    "marker": {"text": "TNF-α"},
    "author prefix": {"text": "kam"},
    "two words": {"text": "spinal cord BDNF"},
    "etiology filter": {"etiology": "spinal-cord-injury"},
    "etiology + mechanism + text": {"etiology": "peripheral-nerve-injury", "mechanism": "__first__", "text": "IL"},
    "rare author": {"text": "Safakhah"},
}


def synthetic_library(count: int, seed: int = 7) -> EvidenceLibrary:
    shipped = load_library()
    rng = random.Random(seed)
    etiology_ids = [e.id for e in shipped.etiologies]
    mechanism_ids = [m.id for m in shipped.mechanisms]
    studies = []
    for number in range(count):
        author = RARE_AUTHOR if number % 1000 == 999 else rng.choice(AUTHORS)
        studies.append(Study(
            id=f"synthetic-{number}", first_author=author, year=rng.randint(1995, 2025),
            title=f"Treadmill exercise and {rng.choice(MARKERS)} in {rng.choice(MODELS)} rats",
            species=rng.choice(["rat", "mouse"]), model=rng.choice(MODELS),
            etiologies=rng.sample(etiology_ids, rng.randint(1, 2)),
            exercise=ExerciseDosing(type="treadmill", speed_m_per_min=rng.choice([6, 8, 10, 12, 16, 18]),
                                    minutes_per_session=(30, 60), days_per_week=5, weeks=4, protocol="synthetic"),
            findings=[Finding(marker=m, direction=rng.choice(["up", "down"]), mechanism=rng.choice(mechanism_ids))
                      for m in rng.sample(MARKERS, 3)],
            sources=[SourceLocation(review="he-2024", location="synthetic")], evidence_level=5,
        ))
    return shipped.model_copy(update={"studies": studies})


def measure(count: int, repeats: int) -> dict:
    library = synthetic_library(count)
    first_mechanism = library.mechanisms[0].id
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        evidence_store.ensure_schema(db)
        start = time.perf_counter()
        evidence_store.install_library(db, library, "bench")
        install_s = time.perf_counter() - start
        results = {}
        for name, query in QUERIES.items():
            query = {k: (first_mechanism if v == "__first__" else v) for k, v in query.items()}
            hits = len(evidence_store.search_studies(db, **query))
            baseline = median_ms(lambda: db.execute(
                f"select json from {evidence_store.STUDIES} limit ?", [hits]).fetchall(), repeats)
            results[name] = {"median_ms": round(median_ms(lambda: evidence_store.search_studies(db, **query), repeats), 2),
                             "baseline_ms": round(baseline, 3), "hits": hits}
        db.close()
    return {"install_s": round(install_s, 1), "queries": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000", help="comma-separated library sizes, e.g. 1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {size: measure(size, args.repeats) for size in sizes}
    print(f"evidence search: median ms of {args.repeats} runs by library size (results capped at "
          f"{evidence_store.DEFAULT_LIMIT}; baseline: reading as many stored rows without search or models)")
    print(f"{'query':30}" + "".join(f"{size:>12,}" for size in sizes) + "   goal < 50 ms")
    for name in QUERIES:
        values = [results[size]["queries"][name]["median_ms"] for size in sizes]
        print(f"{name:30}" + "".join(f"{v:>12.2f}" for v in values) + ("   ok" if max(values) < 50 else "   MISSED"))
    print(f"{'baseline (first query)':30}" + "".join(
        f"{results[size]['queries']['marker']['baseline_ms']:>12.3f}" for size in sizes))
    print(json.dumps({"repeats": args.repeats, "sizes": {str(k): v for k, v in results.items()}}))


if __name__ == "__main__":
    main()
