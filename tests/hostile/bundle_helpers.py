"""Shared by the hostile bundle tests: a genuine bundle to start from, and what an attacker does to it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from core.plan.session_log import SessionLog
from core.plan.engine import PlanOptions, compute_plan
from core.plan.overrides import WeekOverride
from core.plan.profile import read_profile
from core.resources import resource_path
from core.storage import evidence_store, records
from core.storage.bundle import BundleError
from core.storage.bundle_transfer import export_bundle, import_bundle

NAME = "Quillfeather Zbigniewska"




def computed(db, etiology: str = "peripheral-nerve-injury", options: PlanOptions | None = None, **changes):
    profile = read_profile(resource_path("examples", "profiles", f"{etiology}.json"))
    profile = profile.model_copy(update={"name": NAME, **changes})
    studies = evidence_store.search_studies(db, etiology=profile.etiology, limit=1_000_000)
    return profile, compute_plan(profile, studies, options)


def exported(db, **changes) -> dict:
    """A genuine bundle: version 1 (12 weeks, an override of week 2), version 2 (8 weeks) with one session log."""
    first = records.save_plan(db, *computed(db, **changes), clinician="Dr A",
                              overrides=[WeekOverride(week=2, main_min=6)])
    second = records.save_plan(db, *computed(db, weeks=8, **changes), clinician="Dr B",
                               patient_id=first.patient_id)
    records.add_session(db, second.patient_id, SessionLog(date=dt.date(2026, 11, 3), week=2, minutes=9, rpe=12,
                                                          pain_during=3, pain_next_morning=3), clinician="Dr B",
                        plan_id=second.id)
    return json.loads(export_bundle(db, second.id))


def resigned(bundle: dict) -> bytes:
    """What an attacker does: edit the content, then recompute the (unkeyed) checksum."""
    canonical = json.dumps(bundle["content"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    bundle = {**bundle, "checksum": "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()}
    return json.dumps(bundle, ensure_ascii=False).encode("utf-8")


def counts(db) -> tuple[int, ...]:
    return tuple(db.execute(f"select count(*) from {table}").fetchone()[0]
                 for table in ("patients", "plans", "sessions", "audit"))


def refused(db, data: bytes) -> list[str]:
    """The problems of a refused import, after checking that nothing was written and nothing leaked."""
    before = counts(db)
    with pytest.raises(BundleError) as caught:
        import_bundle(db, data, clinician="Dr C")
    assert counts(db) == before, "a refused bundle must write nothing"
    problems = caught.value.problems
    assert problems and all(isinstance(line, str) and "\n" not in line for line in problems)
    assert not any(NAME in line or "Quillfeather" in line for line in problems), problems
    return problems


def one_line_naming(problems: list[str], *parts: str) -> str:
    found = [line for line in problems if all(part in line for part in parts)]
    assert found, f"no line naming {parts}: {problems}"
    return found[0]
