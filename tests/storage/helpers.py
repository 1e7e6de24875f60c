from __future__ import annotations

import hashlib
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
