"""Hostile plan bundles (issue 14): records that break the product's rules, and plans the engine would
never produce behind a recomputed checksum (provenance and inputs that are not files are in
test_bundle_inputs.py). Every refusal is BundleError with one plain line per problem, nothing is
written, and no message carries the patient's name."""

from __future__ import annotations

import hashlib
import json

import pytest

from core.plan import guidelines as g
from core.plan.engine import PlanOptions, compute_plan
from core.storage import evidence_store, records
from core.storage.bundle_transfer import export_bundle, import_bundle
from core.storage.database import open_database
from core.storage.library_sync import sync_library
from tests.hostile.bundle_helpers import (
    NAME,
    computed,
    exported,
    one_line_naming,
    refused,
    resigned,
)

# --- Records that break the product's own rules ------------------------------------------------------------


def test_a_session_week_beyond_its_plan_is_refused(db) -> None:
    bundle = exported(db)
    bundle["content"]["session_logs"][0]["week"] = 12  # version 2 has 8 weeks
    one_line_naming(refused(db, resigned(bundle)), "session log 1", "week", "8")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
@pytest.mark.parametrize("where, label", [
    (("versions", 0, "plan", "weeks", 0, "main_min"), "version 1 plan: weeks.0.main_min"),
    (("versions", 1, "plan", "intensity", "hr_max"), "version 2 plan: intensity.hr_max"),
    (("versions", 0, "overrides", 0, "main_min"), "version 1 override 1: main_min"),
    (("versions", 1, "profile", "baseline_walk_min"), "version 2 profile: baseline_walk_min"),
    (("session_logs", 0, "minutes"), "session log 1: minutes"),
])
def test_nan_and_infinity_anywhere_are_refused_naming_the_field(db, number, where, label) -> None:
    bundle = exported(db)
    target = bundle["content"]
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = "__NUMBER__"
    text = resigned(bundle).replace(b'"__NUMBER__"', number.encode())
    one_line_naming(refused(db, text), label)


@pytest.mark.parametrize("version", [0, -7, True, False, "1", 1.0, None, [1], {"v": 1}])
def test_an_unknown_or_loosely_typed_bundle_version_is_refused(db, version) -> None:
    bundle = exported(db)
    bundle["bundle_version"] = version
    line = one_line_naming(refused(db, json.dumps(bundle).encode()), "bundle_version")
    assert "newer Treadwell" not in line


def test_a_missing_bundle_version_is_refused(db) -> None:
    bundle = exported(db)
    del bundle["bundle_version"]
    one_line_naming(refused(db, json.dumps(bundle).encode()), "bundle_version")


@pytest.mark.parametrize("path, value, label", [
    (("session_logs", 0, "minutes"), "9", "session log 1: minutes"),
    (("session_logs", 0, "rpe"), True, "session log 1: rpe"),
    (("session_logs", 0, "rpe"), 12.5, "session log 1: rpe"),
    (("session_logs", 0, "rpe"), 30, "session log 1: rpe"),
    (("session_logs", 0, "version"), "2", "session log 1: version"),
    (("session_logs", 0, "week"), "2", "session log 1: week"),
    (("session_logs", 0, "date"), "next tuesday", "session log 1: date"),
    (("session_logs", 0, "colour"), "red", "session log 1: colour"),
    (("versions", 0, "overrides", 0, "week"), "2", "version 1 override 1: week"),
    (("versions", 0, "overrides", 0, "sessions"), 9, "version 1 override 1: sessions"),
    (("versions", 0, "version"), "1", "version entry 1: version"),
    (("versions", 0, "profile", "age"), "70", "version 1 profile: age"),
    (("versions", 0, "plan", "weeks", 0, "sessions"), "3", "version 1 plan: weeks.0.sessions"),
    (("versions", 0, "plan", "blocked"), 0, "version 1 plan: blocked"),
    (("versions", 0, "created_at"), "yesterday", "version 1: created_at"),
    # seen in testing: imported, then every command on the patient stopped with a traceback (no such day in UTC)
    (("versions", 0, "created_at"), "9999-12-31T23:59:59-14:00", "version 1: created_at"),
    (("versions", 0, "created_at"), "0001-01-01T00:00:00+14:00", "version 1: created_at"),
    (("versions", 0, "created_at"), "2999-01-01T00:00:00+00:00", "version 1: created_at"),  # every walk "before" it
    (("versions", 0, "created_at"), "1999-12-31T23:00:00+00:00", "version 1: created_at"),
    (("versions", 0, "created_by"), "Dr \x1b[31mA", "version 1: created_by"),
    (("versions", 0, "created_by"), "Dr \u202eA", "version 1: created_by"),
    (("patient_name",), 5, "patient_name"),
])
def test_every_record_is_checked_strictly(db, path, value, label) -> None:
    bundle = exported(db)
    target = bundle["content"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    one_line_naming(refused(db, resigned(bundle)), label)


def test_a_profile_that_breaks_the_rules_is_refused(db) -> None:
    bundle = exported(db)
    bundle["content"]["versions"][1]["profile"]["weeks"] = 40
    bundle["content"]["versions"][1]["profile"]["resting_hr"] = 500
    problems = refused(db, resigned(bundle))
    one_line_naming(problems, "version 2 profile: weeks")
    one_line_naming(problems, "version 2 profile: resting_hr")


def test_override_and_version_rules(db) -> None:
    bundle = exported(db)
    content = bundle["content"]
    content["versions"][0]["overrides"].append({"week": 2, "sessions": 3})  # the same week twice
    content["versions"][0]["overrides"].append({"week": 20, "sessions": 3})  # the plan has 12 weeks
    problems = refused(db, resigned(bundle))
    one_line_naming(problems, "version 1 override 2: week")
    one_line_naming(problems, "version 1 override 3: week", "12")
    gap = exported(db)
    gap["content"]["versions"][1]["version"] = 3
    gap["content"]["session_logs"][0]["version"] = 3
    one_line_naming(refused(db, resigned(gap)), "versions")
    orphan = exported(db)
    orphan["content"]["session_logs"][0]["version"] = 5
    one_line_naming(refused(db, resigned(orphan)), "session log 1: version")
    renamed = exported(db)
    renamed["content"]["patient_name"] = "Someone Else"
    one_line_naming(refused(db, resigned(renamed)), "patient_name")


def test_repeated_keys_deep_nesting_and_lone_surrogates_are_refused(db) -> None:
    text = resigned(exported(db)).decode("utf-8")
    repeated = text.replace('"rpe": 12', '"rpe": 12, "rpe": 6', 1)
    assert repeated != text
    one_line_naming(refused(db, repeated.encode()), "rpe", "more than once")
    one_line_naming(refused(db, b"[" * 200_000 + b"]" * 200_000), "not a readable JSON")
    bundle = exported(db)
    bundle["content"]["patient_name"] = "\ud800"
    canonical = json.dumps(bundle["content"], sort_keys=True, separators=(",", ":"))  # ASCII: escapes the surrogate
    bundle["checksum"] = "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    assert refused(db, json.dumps(bundle).encode())


# --- Plans the engine would never produce --------------------------------------------------------------------


def test_an_unblocked_plan_with_impossible_targets_for_an_acute_mi_is_refused(db) -> None:
    bundle = exported(db)
    version = bundle["content"]["versions"][1]
    version["profile"]["contraindications"] = ["acute-mi"]  # screening blocks every plan for this patient
    for week in version["plan"]["weeks"]:
        week["target_hr"] = [250, 300]
    version["plan"]["intensity"]["target_hr"] = [250, 300]
    problems = refused(db, resigned(bundle))
    line = one_line_naming(problems, "version 2 plan: blocked", g.GUIDELINES_VERSION)
    assert "does not match" in line
    one_line_naming(problems, "version 2 plan: intensity.target_hr")


@pytest.mark.parametrize("path", [
    ("intensity", "target_hr", 1), ("weeks", 3, "main_min"), ("weeks", 0, "speed_kmh"), ("rules", "pain", "safe_max"),
    ("screening", "acsm_row"), ("warnings",),
])
def test_any_computed_value_that_differs_is_refused_naming_it(db, path) -> None:
    bundle = exported(db)
    target = bundle["content"]["versions"][0]["plan"]
    for key in path[:-1]:
        target = target[key]
    old = target[path[-1]]
    target[path[-1]] = ([] if isinstance(old, list) else "changed" if isinstance(old, str) else old + 1)
    shown = path[:-1] if isinstance(path[-1], int) else path  # a pair such as target_hr is named whole
    one_line_naming(refused(db, resigned(bundle)), "version 1 plan: " + ".".join(map(str, shown)), "does not match")


def test_an_extra_or_missing_plan_field_is_refused(db) -> None:
    bundle = exported(db)
    bundle["content"]["versions"][0]["plan"]["cleared_by_cardiology"] = True
    one_line_naming(refused(db, resigned(bundle)), "version 1 plan: cleared_by_cardiology")
    missing = exported(db)
    del missing["content"]["versions"][0]["plan"]["warnings"]
    one_line_naming(refused(db, resigned(missing)), "version 1 plan: warnings")


def test_a_plan_under_other_guidelines_is_refused_saying_so(db) -> None:
    bundle = exported(db)
    bundle["content"]["versions"][0]["plan"]["guidelines_version"] = "2025.3.1"
    line = one_line_naming(refused(db, resigned(bundle)), "version 1 plan: guidelines_version", "2025.3.1",
                           g.GUIDELINES_VERSION)
    assert "guidelines" in line
    odd = exported(db)
    odd["content"]["versions"][0]["plan"]["guidelines_version"] = "\x1b[2J" + NAME
    one_line_naming(refused(db, resigned(odd)), "version 1 plan: guidelines_version")


def test_options_outside_the_documented_choices_are_refused(db) -> None:
    bundle = exported(db)
    bundle["content"]["versions"][0]["plan"]["rules"]["max_weekly_increase_pct"] = 95
    one_line_naming(refused(db, resigned(bundle)), "version 1 plan: rules.max_weekly_increase_pct")
    rise = exported(db)
    rise["content"]["versions"][0]["plan"]["rules"]["pain"]["allowed_rise"] = 9
    one_line_naming(refused(db, resigned(rise)), "version 1 plan: rules.pain.allowed_rise")
    legacy = exported(db)  # as saved before pain rules followed usual pain (tests/fixtures/db/schema-4.sql)
    pain = legacy["content"]["versions"][0]["plan"]["rules"]["pain"]
    pain.update(usual_pain=None, allowed_rise=None, rise_source=None)
    one_line_naming(refused(db, resigned(legacy)), "version 1 plan: rules.pain.allowed_rise", "earlier Treadwell")


@pytest.mark.parametrize("etiology", ["spinal-cord-injury", "diabetic-neuropathy", "peripheral-nerve-injury",
                                      "post-stroke-pain", "trigeminal-neuropathy"])
@pytest.mark.parametrize("formula, cap, rise", [("tanaka", 10, 2), ("gellish", 30, 3), ("fox", 20, 1)])
def test_plans_made_with_any_documented_options_are_re_derived_and_accepted(db, tmp_path, etiology, formula, cap,
                                                                           rise) -> None:
    options = PlanOptions(hr_max_formula=formula, max_weekly_increase_pct=cap, pain_rise_allowed=rise)
    saved = records.save_plan(db, *computed(db, etiology, options), clinician="Dr A")
    blocked = records.save_plan(db, *computed(db, etiology, options, contraindications=["unstable-angina"]),
                                clinician="Dr A", patient_id=saved.patient_id)
    assert blocked.plan.blocked
    text = export_bundle(db, blocked.id).encode("utf-8")
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        ids = import_bundle(other, text, clinician="Dr C").plan_ids
        assert [records.get_plan(other, i).plan for i in ids] == [saved.plan, blocked.plan]
    finally:
        other.close()


def test_the_order_of_the_studies_does_not_change_the_plan(db) -> None:
    """The engine cites studies in year order whatever order they come in, so a plan re-derives exactly."""
    profile, _ = computed(db)
    studies = evidence_store.search_studies(db, etiology=profile.etiology, limit=1_000_000)
    plan = compute_plan(profile, list(reversed(studies)))
    assert len(plan.evidence) > 1 and plan == compute_plan(profile, studies)
    saved = records.save_plan(db, profile, plan, clinician="Dr A")
    again = import_bundle(db, export_bundle(db, saved.id).encode("utf-8"), clinician="Dr C")
    assert again.existed and again.plan_ids == []  # re-derived and accepted; the patient is here already


def test_what_the_evidence_library_lends_comes_from_this_workstation(db, tmp_path) -> None:
    """Workstations may hold different studies (a clinic's own): the clinical plan must match, and the cited
    studies and borrowed structure are this workstation's, never the bundle's."""
    from tests.evidence_factory import study

    bundle = exported(db)
    forged = json.loads(json.dumps(bundle))
    forged["content"]["versions"][0]["plan"]["evidence"] = ["made-up-2099"]
    other = open_database(tmp_path / "other.sqlite3")
    try:
        sync_library(other)
        evidence_store.add_local_studies(other, [study("zz-local-2024", "Local", 2024)])
        ids = import_bundle(other, resigned(forged), clinician="Dr C").plan_ids
        imported = records.get_plan(other, ids[0]).plan
        assert "made-up-2099" not in imported.evidence and "zz-local-2024" in imported.evidence
    finally:
        other.close()


def test_a_name_the_handouts_cannot_print_is_refused_as_when_typed(db) -> None:
    """Seen by a helper: a bundle with a Khmer name (checksum recomputed) was imported, and every handout and progress
    report of the patient failed after; typed in, the name is refused."""
    bundle = exported(db)
    for version in bundle["content"]["versions"]:
        version["profile"]["name"] = "\u179f\u17bb\u1781"
    bundle["content"]["patient_name"] = "\u179f\u17bb\u1781"
    said = refused(db, resigned(bundle))
    newest = len(bundle["content"]["versions"])  # the name every report carries; an older version's is kept as saved
    assert [line for line in said if "name:" in line] == [
        next(line for line in said if line.startswith(f"version {newest} profile: name: the handout's fonts cannot "
                                                      "print 'ស' (U+179F)"))], said
