"""A JSON study's missing field, unknown field, quoted number and true/false where a number goes are said in the
words every other import message uses, never pydantic's own ("field required", "extra inputs are not permitted":
seen by a helper importing a colleague's JSON)."""

from __future__ import annotations

import json

from core.storage.evidence_import import import_studies
from tests.test_evidence_import import _json_item, db, problems, write  # noqa: F401 (the fixture)


def _said(db, tmp_path, item: dict) -> list[str]:  # noqa: F811
    return problems(import_studies(db, write(tmp_path, "s.json", json.dumps([item]))))


def test_a_missing_field_is_said_to_be_required(db, tmp_path) -> None:  # noqa: F811
    item = _json_item()
    del item["year"]
    said = _said(db, tmp_path, item)
    assert said == ["row 1, year: is required; see import-template.md"], said


def test_an_unknown_field_is_named_with_the_fields_a_study_has(db, tmp_path) -> None:  # noqa: F811
    item = _json_item()
    item["yeer"] = 2021
    [said] = _said(db, tmp_path, item)
    assert said.startswith("row 1, yeer: is not a field of a study (check its spelling; its fields are: id, "), said
    assert "year" in said and "origin" not in said  # set by the import
    item = _json_item()
    item["exercise"] = dict(item["exercise"], minutes=30)
    [said] = _said(db, tmp_path, item)
    assert said.startswith("row 1, exercise.minutes: is not a field of a study's exercise (check its spelling; its "
                           "fields are: "), said
    assert "minutes_per_session" in said


def test_a_number_in_quotes_or_a_true_is_said_plainly(db, tmp_path) -> None:  # noqa: F811
    quoted = dict(_json_item(), year="2021")
    said = _said(db, tmp_path, quoted)
    assert said == ["row 1, year: must be a whole number, written without quotes"], said
    flagged = dict(_json_item(), year=True)
    said = _said(db, tmp_path, flagged)
    assert said == ["row 1, year: must be a whole number, not true or false"], said


def test_text_in_a_decimal_field_is_told_what_to_write(db, tmp_path) -> None:  # noqa: F811
    quoted = _json_item()
    quoted["exercise"] = dict(quoted["exercise"], speed_m_per_min="10.5")
    assert _said(db, tmp_path, quoted) == ["row 1, exercise.speed_m_per_min: must be a number, written without quotes"]
    words = _json_item()
    words["exercise"] = dict(words["exercise"], speed_m_per_min="n/a")
    assert _said(db, tmp_path, words) == ["row 1, exercise.speed_m_per_min: must be a number, in digits, with a point "
                                          "for decimals (such as 2.5)"]


def test_an_item_of_the_list_that_is_not_a_study_is_named_by_its_place(db, tmp_path) -> None:  # noqa: F811
    """Seen by a helper: three studies and a string were "the JSON must be a list of study objects", which item not
    said."""
    text = json.dumps([_json_item(), _json_item(), _json_item(), "not an object"])
    said = problems(import_studies(db, write(tmp_path, "s.json", text)))
    assert said == ["file: the JSON must be a list of study objects; item 4 of the list is not (a study is written "
                    "{...})"], said
