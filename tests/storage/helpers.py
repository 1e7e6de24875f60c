from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.evidence.library import load_library
from core.plan.engine import Plan, compute_plan
from core.plan.profile import PatientProfile, read_profile
from core.resources import resource_path

STUDIES = load_library().studies


def example(etiology: str = "chemotherapy-neuropathy", **changes) -> tuple[PatientProfile, Plan]:
    profile = read_profile(resource_path("examples", "profiles", f"{etiology}.json"))
    if changes:
        profile = profile.model_copy(update=changes)
    return profile, compute_plan(profile, STUDIES)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def plans_rewritable(db) -> Iterator[None]:
    """A saved plan version rewritten as an older Treadwell left it, or dated in the past: the database refuses any
    change to one (m015), so its trigger is lifted for the rewrite and put back."""
    (trigger,) = db.execute("select sql from sqlite_master where type = 'trigger' and name = 'plans_kept'").fetchone()
    db.execute("drop trigger plans_kept")
    try:
        yield
    finally:
        db.execute(trigger)
