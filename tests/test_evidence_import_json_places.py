"""A JSON study's problem in a list names its item counted from 1, as the CSV's findings cell does (seen by a
tester: "findings.0.direction" and "sources.0.review", the first item counted from 0)."""

from __future__ import annotations

import json

from core.storage.evidence_import import import_studies
from tests.test_evidence_import import _json_item, db, problems, write  # noqa: F401 (the fixture)


def test_a_findings_and_a_sources_item_are_counted_from_one(db, tmp_path) -> None:  # noqa: F811
    item = _json_item()
    item["findings"] = [item["findings"][0], dict(item["findings"][0], direction="sideways")]
    item["sources"] = [{"review": "local-import", "location": "f.json, study 1"}, {"review": "local-import"}]
    said = problems(import_studies(db, write(tmp_path, "s.json", json.dumps([item]))))
    assert said == ["row 1, findings: finding 2: its direction must be 'up', 'down' or 'no change'",
                    "row 1, sources.2.location: is required; see import-template.md"], said
