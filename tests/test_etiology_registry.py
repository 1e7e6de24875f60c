"""One registry of etiologies (core/etiology.py): the evidence data, the profile schema, the warning
rules, the example profiles and the tests all use its ids, and this fails if any of them drifts."""

from __future__ import annotations

import ast
import json
import re

from core.etiology import ETIOLOGY_IDS
from core.plan.profile import PatientProfile
from core.plan.warnings import FALL_RISK, NO_HUMAN_TRIAL
from core.resources import resource_path
from tests.conftest import REPO_ROOT

LOOKS_LIKE_AN_ETIOLOGY = re.compile(r"^[a-z]+(-[a-z]+)*-(pain|neuropathy|injury)$")


def test_the_evidence_library_lists_the_registry_in_order() -> None:
    shipped = json.loads(resource_path("evidence", "etiologies.json").read_text(encoding="utf-8"))
    assert tuple(e["id"] for e in shipped) == ETIOLOGY_IDS


def test_the_profile_schema_allows_exactly_the_registry() -> None:
    schema = PatientProfile.model_json_schema()
    assert tuple(schema["properties"]["etiology"]["enum"]) == ETIOLOGY_IDS


def test_warning_tables_name_only_registered_etiologies() -> None:
    assert set(FALL_RISK) <= set(ETIOLOGY_IDS) and set(NO_HUMAN_TRIAL) <= set(ETIOLOGY_IDS)


def test_no_code_or_test_spells_an_etiology_the_registry_does_not_know() -> None:
    """A typo such as "diabetic-neuropaty" in a rule would make it silently never apply."""
    unknown = []
    for path in [*REPO_ROOT.glob("core/**/*.py"), *REPO_ROOT.glob("ui/**/*.py"), *REPO_ROOT.glob("tests/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and LOOKS_LIKE_AN_ETIOLOGY.match(node.value) and node.value not in ETIOLOGY_IDS:
                unknown.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno}: {node.value}")
    assert not unknown


def test_every_study_and_example_uses_registered_ids() -> None:
    studies = json.loads(resource_path("evidence", "studies.json").read_text(encoding="utf-8"))
    assert {e for s in studies for e in s["etiologies"]} <= set(ETIOLOGY_IDS)
    examples = sorted((REPO_ROOT / "resources/examples/profiles").glob("*.json"))
    assert [json.loads(p.read_text())["etiology"] for p in examples] == sorted(ETIOLOGY_IDS)
