"""A row of the import template (``resources/evidence/import-template.csv``) as the fields of a Study: numbers
read only as written with digits, lists split at semicolons, findings as marker:direction:mechanism; and the
way back, a study field's problem named by the column the clinician typed it in. The checks every row passes,
CSV or JSON, are core/evidence/importer.py's."""

from __future__ import annotations

import math
import re
from typing import Any

WHOLE_NUMBER_COLUMNS = ("year", "evidence_level", "sessions_per_day", "days_per_week")
LIST_SEPARATOR = ";"
# CSV columns whose study field has another name: a column already named is not named again by its field.
CSV_FIELDS = {
    "exercise_type": "exercise.type", "speed_reported": "exercise.speed_reported", "protocol": "exercise.protocol",
    "speed_m_per_min": "exercise.speed_m_per_min", "minutes_low": "exercise.minutes_per_session",
    "minutes_high": "exercise.minutes_per_session", "sessions_per_day": "exercise.sessions_per_day",
    "days_per_week": "exercise.days_per_week", "weeks": "exercise.weeks", "source_note": "evidence_note",
}
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


# Each study field a CSV column fills, back to that column.
COLUMN_OF_FIELD = {field: column for column, field in CSV_FIELDS.items()} | {
    "exercise.minutes_per_session": "minutes_low/minutes_high"}


def column_of(path: str) -> str:
    """The column the clinician typed the study field at ``path`` (dotted) in: ``days_per_week``, not
    ``exercise.days_per_week``."""
    return COLUMN_OF_FIELD.get(path, path)


def cleaned(value: str) -> str:
    """A cell's text: line breaks as a single line feed, surrounding spaces removed."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def study_fields(raw: dict[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]], list[int]]:
    """The study fields of a row's cells, the cells that cannot be read (left out, so the rest is still
    checked), and the position in the findings cell of each finding kept."""
    wrong: list[tuple[str, str]] = []

    def number(column: str) -> int | float | None:
        value = raw.get(column) or ""
        if not value:
            return None
        if column in WHOLE_NUMBER_COLUMNS:
            if WHOLE_NUMBER.fullmatch(value) and len(value) <= 20:  # int() refuses over 4,300 digits
                return int(value)
            example = "2019" if column == "year" else "5"
            wrong.append((column, f"must be a whole number written with the digits 0-9, e.g. {example}"
                          if len(value) <= 20 else "is too long to be a number here; check the cell"))
        elif DECIMAL.fullmatch(value) and math.isfinite(float(value)):
            return float(value)
        else:
            wrong.append((column, "must be a number written with the digits 0-9 and a point, e.g. 12 or 12.5"))
        return None

    low, high = number("minutes_low"), number("minutes_high")
    minutes = None if low is None and high is None else [low if low is not None else high,
                                                           high if high is not None else low]
    findings, finding_numbers, malformed = [], [], []
    for position, item in enumerate(_split(raw.get("findings", ""))):
        parts = [p.strip() for p in item.rsplit(":", 2)]
        if len(parts) == 3:
            findings.append({"marker": parts[0], "direction": parts[1], "mechanism": parts[2]})
            finding_numbers.append(position)
        else:
            malformed.append(str(position + 1))
    if malformed:
        which = f"finding {malformed[0]} is" if len(malformed) == 1 else f"findings {', '.join(malformed)} are"
        wrong.append(("findings", f"{which} not written as marker:direction:mechanism; each finding should be "
                                  "marker:direction:mechanism, e.g. TNF-α:down:neuroinflammation-glia"))
    source_note = raw.get("source_note")
    fields = {
        "id": raw.get("id") or None,
        "first_author": raw["first_author"],
        "year": number("year"),
        "title": raw.get("title") or None,
        "journal": raw.get("journal") or None,
        "doi": raw.get("doi") or None,
        "species": raw["species"] or None,
        "model": raw["model"],
        "etiologies": _split(raw.get("etiologies", "")),
        "exercise": {
            "type": raw["exercise_type"],
            "speed_reported": raw.get("speed_reported") or None,
            "speed_m_per_min": number("speed_m_per_min"),
            "minutes_per_session": minutes,
            "sessions_per_day": number("sessions_per_day"),
            "days_per_week": number("days_per_week"),
            "weeks": number("weeks"),
            "protocol": raw["protocol"],
        },
        "findings": findings,
        "pain_outcome": raw.get("pain_outcome") or None,
        "evidence_level": number("evidence_level"),
        **({"evidence_note": f"Source given by the clinician: {source_note}"} if source_note else {}),
    }
    return fields, wrong, finding_numbers


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]
