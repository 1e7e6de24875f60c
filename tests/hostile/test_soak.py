"""A thousand computations, saves and PDF exports in a row: memory stays flat, no file handle leaks."""

from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

import pytest

from core.handout.export import make_handout, render_handout, save_handout
from core.plan.engine import compute_plan
from core.settings import Settings
from core.storage import records
from core.storage.database import open_database
from tests.storage.helpers import STUDIES, example

ROUNDS = 1000


def resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc (Linux)")
def test_thousand_rounds_keep_memory_and_handles_flat(data_dir, tmp_path) -> None:
    profile, _ = example("multiple-sclerosis-pain")
    settings = Settings(clinic_name="Soak clinic")
    db = open_database(data_dir.database_path)
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "handout.pdf"
    samples: list[float] = []
    try:
        for round_number in range(ROUNDS):
            plan = compute_plan(profile.model_copy(update={"weeks": 4 + round_number % 20}), STUDIES)
            records.save_plan(db, profile, plan, clinician="soak")
            save_handout(render_handout(make_handout(profile, plan, STUDIES, settings, etiology=None,
                                                     date=dt.date(2026, 1, 1))), out,
                         data_folder=data_dir.root)
            if round_number == 99:
                gc.collect()
                baseline_mib, baseline_files = resident_mib(), open_files()
            if round_number >= 100 and round_number % 100 == 99:
                gc.collect()
                samples.append(resident_mib())
        assert db.execute("select count(*) from plans").fetchone()[0] == ROUNDS
    finally:
        db.close()
    assert open_files() <= baseline_files
    growth = samples[-1] - baseline_mib
    assert growth < 25, f"resident memory grew {growth:.1f} MiB over {ROUNDS - 100} rounds: {samples}"
    assert list(exports.iterdir()) == [out]  # no temporary files left behind
