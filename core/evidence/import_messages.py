"""Plain words for an imported study's problems, and the import template's example row.

pydantic's own message for a value of the wrong form shows the model's regular expression ("String should
match pattern '^10\\.\\d{4,9}/\\S+$'"), which tells a clinician nothing; ``plain_message`` says in words
what is allowed, with an example. The example row of ``resources/evidence/import-template.csv`` is a
shipped study, copied to show the format and marked EXAMPLE ROW: ``example_row_problem`` refuses it.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from core.app_info import program_name
from core.inputs import number_message, said_plainly, whole_number_message

# The template's example row: its id cell and its source_note (CSV) or evidence_note (JSON) say so.
EXAMPLE_ID = "example-row"
EXAMPLE_MARK = "example row"
EXAMPLE_ROW_MESSAGE = (
    "this is the template's example row (marked EXAMPLE ROW): a study copied from Treadwell's evidence library "
    "to show how a row is filled in, not one of your studies. Delete the row and import again; if you typed "
    "your own study over it, empty its id and source_note cells, which mark it as the example")
EXAMPLE_STUDY_MESSAGE = (  # the same marks in a JSON study
    "this study is marked as the import template's example (an id starting example-row, or EXAMPLE ROW in its "
    "evidence_note), not one of your studies; remove it, or change the id and evidence_note of your own study")

DOI_EXAMPLE = "10.1016/j.neuroscience.2010.03.035"  # Cobianchi 2010, a study in the shipped library
_PATTERN_WORDS = {
    "doi": (f"must be a DOI such as {DOI_EXAMPLE}: it starts with 10. and has a slash after the publisher's "
            "number, with no spaces; leave out https://doi.org/ and doi:"),
    "id": "must be a short name made of lower-case letters, digits and single hyphens, such as smith-2024",
    "etiologies": f"must be an etiology id such as peripheral-nerve-injury ({program_name()} etiologies lists them)",
    "mechanism": "must be a mechanism id such as neuroinflammation-glia",
}
_PATTERN_FALLBACK = "is not written in the form Treadwell expects; see import-template.md for what to write"
_MINUTES = ("minutes per session must be more than 0 and at most 600, the lower number no more than the higher "
            "(e.g. 10 and 60 for a ramp from 10 to 60 minutes)")


_SET_BY_THE_IMPORT = ("origin",)  # import-template.md, "What Treadwell sets"


def plain_message(loc: tuple[str | int, ...], kind: str, message: str, given: object = None) -> str:
    """What a pydantic error at ``loc`` of a study means, in words a clinician can act on; never a pattern, nor
    pydantic's "field required" or "extra inputs are not permitted" (seen by a helper importing JSON). ``given``: the
    value refused, looked at (a number in quotes, true or false), never shown."""
    names = [str(part) for part in loc if not isinstance(part, int) and not str(part).isdigit()]
    if kind == "missing":
        return "is required; see import-template.md"  # as an empty required CSV cell is told
    if kind == "extra_forbidden":
        model = _model_at(names[:-1])
        fields = [name for name in (model.model_fields if model else ()) if name not in _SET_BY_THE_IMPORT]
        whose = "a study" if len(names) == 1 else f"a study's {' '.join(names[:-1])}"
        return f"is not a field of {whose} (check its spelling; its fields are: {', '.join(fields)})"
    if kind == "int_type" and (as_text := whole_number_message(given)):
        return as_text
    if kind == "float_type" and (as_text := number_message(given)):
        return as_text
    if kind == "string_pattern_mismatch" or "should match pattern" in message:
        return _PATTERN_WORDS.get(names[-1] if names else "", _PATTERN_FALLBACK)
    if names == ["exercise", "minutes_per_session"] and kind == "value_error":
        return _MINUTES
    allowed = number_range(names) if kind in _OUT_OF_RANGE else None
    return said_plainly(message) + (f"; allowed: {allowed}" if allowed else "")


_OUT_OF_RANGE = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")


def number_range(names: list[str]) -> str | None:
    """What a study's number field allows, from the model itself ("a whole number from 1 to 5 (OCEBM 2011;
    animal studies are level 5)"): seen in review, "evidence_level: must be at most 5" left the lower end to
    guess. None for a field that is not a bounded number."""
    from annotated_types import Ge, Gt, Le, Lt

    model = _model_at(names[:-1])
    field = model.model_fields.get(names[-1]) if model is not None and names else None
    if field is None:
        return None
    bounds = {type(item): getattr(item, type(item).__name__.lower()) for item in field.metadata
              if isinstance(item, (Ge, Gt, Le, Lt))}
    if not bounds:
        return None
    whole = int in (field.annotation, *get_args(field.annotation))
    kind = "a whole number" if whole else "a number"
    if Ge in bounds and Le in bounds:
        said = f"{kind} from {bounds[Ge]:g} to {bounds[Le]:g}"
    else:
        low = f"more than {bounds[Gt]:g}" if Gt in bounds else f"at least {bounds[Ge]:g}" if Ge in bounds else ""
        high = f"less than {bounds[Lt]:g}" if Lt in bounds else f"at most {bounds[Le]:g}" if Le in bounds else ""
        said = f"{kind} " + " and ".join(part for part in (low, high) if part)
    return said + (f" ({field.description})" if field.description else "")


def _model_at(names: list[str]) -> type[BaseModel] | None:
    """The model of a study's part named by ``names`` (none: the study itself), or None where it is not a model."""
    from core.evidence.models import Study

    model: type[BaseModel] | None = Study
    for name in names:
        field = model.model_fields.get(name) if model is not None else None
        if field is None:
            return None
        model = next((kind for kind in (field.annotation, *get_args(field.annotation))
                      if isinstance(kind, type) and issubclass(kind, BaseModel)), None)
    return model


def is_reference(loc: tuple[str | int, ...]) -> bool:
    """An etiology or a finding's mechanism: the importer checks these against the library and names the
    value with the allowed ids, so a message about their form would say the same thing twice."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    return bool(names) and (names[0] == "etiologies" or (names[0] == "findings" and names[-1] == "mechanism"))


def example_row_problem(raw: dict[str, Any]) -> str | None:
    """Why a row (``{"_cells": ...}`` or ``{"_json": ...}``) marked as the template's example is refused, or None.
    Refused, not skipped: a study typed over the example row, or copied from it, keeps the marks, and a skip
    would leave it out without a word."""
    if "_cells" in raw:
        given_id, note = raw["_cells"].get("id", ""), raw["_cells"].get("source_note", "")
    else:
        item = raw.get("_json", {})
        given_id, note = item.get("id", ""), item.get("evidence_note", "")
    marked_id = isinstance(given_id, str) and given_id.strip().lower().startswith(EXAMPLE_ID)
    marked_note = isinstance(note, str) and EXAMPLE_MARK in note.lower()
    if not (marked_id or marked_note):
        return None
    return EXAMPLE_ROW_MESSAGE if "_cells" in raw else EXAMPLE_STUDY_MESSAGE
