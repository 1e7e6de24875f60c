"""Benchmark: one patient's course of care when it is long and the records are large: listing a patient's
500 sessions, computing their progress, and drawing the progress view, in a database of 100,000 patients.

    uv run python -m tests.bench.bench_course [--patients 100000] [--sessions 500] [--repeats 20]

The 100,000 other patients are bulk-inserted as in bench_records (compact plan rows); the patient
measured is real: 5 plan versions of 26 weeks saved by the records code, and the sessions logged one by
one under them. Baselines from the same run: a primary-key lookup (for listing) and a bare QWidget of
the same size grabbed offscreen (for drawing). Goals: listing under 50 ms, progress computed and the
view drawn under 100 ms (what a clinician perceives as immediate when opening a patient).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import tempfile
from pathlib import Path

from core.evidence.library import load_library
from core.plan.engine import PlanOptions, compute_plan
from core.plan.profile import read_profile
from core.plan.session_log import SessionLog
from core.resources import resource_path
from core.storage import records
from core.storage.database import open_database
from core.workspace.course import progress_of
from tests.bench.bench_records import fill
from tests.bench.timing import median_ms


def long_course(db, session_count: int) -> int:
    profile = read_profile(resource_path("examples", "profiles", "diabetic-neuropathy.json"))
    library = [s for s in load_library().studies if profile.etiology in s.etiologies]
    patient_id = None
    for version in range(5):
        changed = profile.model_copy(update={"weeks": 26, "baseline_walk_min": 8 + version})
        saved = records.save_plan(db, changed, compute_plan(changed, library, PlanOptions()), clinician="bench",
                                  patient_id=patient_id)
        patient_id = saved.patient_id
    rng = random.Random(5)
    start = dt.date(2026, 1, 5)
    with db.atomic():
        for n in range(session_count):
            week = min(n * 26 // session_count + 1, 26)
            log = SessionLog(date=start + dt.timedelta(days=n * 182 // session_count), week=week,
                             minutes=rng.choice([8, 10, 12, 15, 20]), rpe=rng.randint(10, 14),
                             heart_rate=rng.choice([None, 104, 112]), pain_during=rng.choice([None, 2, 3, 4, 6]),
                             pain_next_morning=rng.choice([None, 2, 3, 4]), note=rng.choice(["", "windy day"]))
            records.add_session(db, patient_id, log, clinician="bench")
    return patient_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.models.course import CourseOfCare
    from ui.views.progress_view import ProgressView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3")
        try:
            fill(db, args.patients)
            patient_id = long_course(db, args.sessions)
            db.execute("ANALYZE")
            baseline = median_ms(lambda: db.execute("select id from plans where id = ?", [args.patients // 2]).fetchone(),
                                 args.repeats)
            listing = median_ms(lambda: records.sessions(db, patient_id), args.repeats)
            history, sessions = records.plan_history(db, patient_id), records.sessions(db, patient_id)
            computing = median_ms(lambda: progress_of(history, sessions), args.repeats)
            view = ProgressView(Path(folder))
            view.resize(1280, 760)
            bare = QWidget()
            bare.resize(1280, 760)

            def draw() -> None:
                course = CourseOfCare(patient_id=patient_id, history=history, sessions=sessions,
                                      progress=progress_of(history, sessions))
                view.set_course(course)
                view.grab()

            drawing = median_ms(draw, args.repeats)
            bare_ms = median_ms(bare.grab, args.repeats)
            view.deleteLater()
            bare.deleteLater()
            app.processEvents()
        finally:
            db.close()
    print(f"course of care: {args.sessions} sessions of one patient among {args.patients:,} patients, "
          f"median of {args.repeats}")
    print(f"  list the patient's sessions:       {listing:8.2f} ms  (pk lookup {baseline:.4f} ms; goal < 50 ms: "
          f"{'ok' if listing < 50 else 'MISSED'})")
    print(f"  compute the progress:              {computing:8.2f} ms")
    print(f"  compute and draw the progress view: {drawing:7.2f} ms  (bare widget grab {bare_ms:.2f} ms, "
          f"{drawing / bare_ms:.1f}x; goal < 100 ms: {'ok' if drawing < 100 else 'MISSED'})")
    print(json.dumps({"patients": args.patients, "sessions": args.sessions, "repeats": args.repeats,
                      "list_ms": round(listing, 2), "baseline_ms": round(baseline, 4), "progress_ms": round(computing, 2),
                      "view_ms": round(drawing, 2), "bare_view_ms": round(bare_ms, 2)}))


if __name__ == "__main__":
    main()
