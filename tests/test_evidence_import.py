"""Clinicians' own studies: row-by-row checks, all-or-nothing, plain problems naming row and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.storage.evidence_import import import_studies
from core.storage import evidence_store
from core.storage.database import open_database
from tests import evidence_factory as make

HEADER = ("id,first_author,year,species,model,etiologies,exercise_type,speed_reported,speed_m_per_min,"
          "minutes_low,minutes_high,days_per_week,weeks,protocol,findings,evidence_level")
GOOD_ROW = ",Smith,2024,rat,CCI,peripheral-nerve-injury,treadmill,12 m/min,12,30,,5,4,30 min a day,TNF-α:down:neuroinflammation,5"


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir.database_path)
    evidence_store.ensure_schema(database)
    evidence_store.install_library(database, make.library(), "h")
    yield database
    database.close()


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def study_count(db) -> int:
    return len(evidence_store.search_studies(db))


def problems(report) -> list[str]:
    return [str(p) for p in report.problems]


def test_valid_csv_with_bom_is_imported_as_local(db, tmp_path) -> None:
    path = write(tmp_path, "mine.csv", "\ufeff" + HEADER + "\n" + GOOD_ROW + "\n" + GOOD_ROW.replace("Smith", "Jones") + "\n")
    report = import_studies(db, path)
    assert report.ok, problems(report)
    assert report.added == ["local-smith-2024", "local-jones-2024"]
    smith = evidence_store.search_studies(db, text="smith")[0]
    assert smith.origin == "local"
    assert smith.exercise.minutes_per_session == (30.0, 30.0)  # one value fills both ends
    assert smith.exercise.speed_m_per_min == 12.0 and smith.exercise.weeks == 4.0
    assert smith.sources[0].review == "local-import" and smith.sources[0].location == "mine.csv, row 2"


def test_imported_studies_survive_a_library_update(db, tmp_path) -> None:
    assert import_studies(db, write(tmp_path, "a.csv", HEADER + "\n" + GOOD_ROW + "\n")).ok
    evidence_store.install_library(db, make.library(version="2027.1.1"), "h2")
    assert [s.id for s in evidence_store.search_studies(db, text="smith")] == ["local-smith-2024"]


def test_one_bad_row_means_nothing_is_imported(db, tmp_path) -> None:
    before = study_count(db)
    rows = [
        GOOD_ROW,
        GOOD_ROW.replace("2024", "twenty"),
        GOOD_ROW.replace("peripheral-nerve-injury", "gout"),
        GOOD_ROW.replace("TNF-α:down:neuroinflammation", "TNF-α down"),
        GOOD_ROW.replace(",5,4,", ",9,4,"),
        GOOD_ROW.replace("Smith", "=HYPERLINK(\"http://x\")"),
    ]
    report = import_studies(db, write(tmp_path, "bad.csv", HEADER + "\n" + "\n".join(rows) + "\n"))
    assert not report.ok and report.added == []
    text = problems(report)
    assert any(p.startswith("row 3, year:") for p in text), text
    assert any(p.startswith("row 4, etiologies: unknown etiology 'gout'") for p in text), text
    assert any(p.startswith("row 5, findings:") and "marker:direction:mechanism" in p for p in text), text
    assert any(p.startswith("row 6, exercise.days_per_week:") for p in text), text
    assert any(p.startswith("row 7, first_author: looks like a spreadsheet formula") for p in text), text
    assert study_count(db) == before


def test_duplicate_ids(db, tmp_path) -> None:
    explicit = GOOD_ROW.replace(",Smith", "smith-a,Smith", 1)
    report = import_studies(db, write(tmp_path, "dup.csv", f"{HEADER}\n{explicit}\n{explicit}\n"))
    assert problems(report) == ["row 3, id: duplicate id: also used on row 2"]
    generated = import_studies(db, write(tmp_path, "gen.csv", f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW}\n"))
    assert generated.added == ["local-smith-2024", "local-smith-2024-2"]
    again = import_studies(db, write(tmp_path, "again.csv", f"{HEADER}\n{explicit.replace('smith-a', 'smith-2024')}\n"))
    assert problems(again) == ["row 2, id: a study with id 'local-smith-2024' is already in the library"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("semi.csv", HEADER.replace(",", ";") + "\n" + GOOD_ROW.replace(",", ";"), "not separated by commas"),
        ("cols.csv", "first_author,year\nSmith,2024\n", "missing columns: species, model"),
        ("extra.csv", HEADER + ",colour\n" + GOOD_ROW + ",red\n", "unknown columns: colour"),
        ("empty.csv", HEADER + "\n", "the file holds no studies"),
        ("notes.txt", "hello", "must end in .csv or .json"),
        ("bad.json", "{not json", "the JSON cannot be read"),
        ("obj.json", "{\"a\": 1}", "must be a list of study objects"),
    ],
)
def test_file_level_problems(db, tmp_path, name, content, message) -> None:
    report = import_studies(db, write(tmp_path, name, content))
    assert len(report.problems) == 1 and message in str(report.problems[0]), problems(report)


def test_non_utf8_file_is_refused_plainly(db, tmp_path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\n" + GOOD_ROW.replace("Smith", "Muñoz").replace("TNF-α", "TNF-a") + "\n").encode("latin-1"))
    assert "not UTF-8" in problems(import_studies(db, path))[0]


def test_json_import_uses_the_study_shape(db, tmp_path) -> None:
    item = make.study("garcia-2021", "García", 2021).model_dump(mode="json")
    del item["origin"], item["sources"]
    report = import_studies(db, write(tmp_path, "s.json", json.dumps([item])))
    assert report.added == ["local-garcia-2021"], problems(report)
    bad = dict(item, id="x-1", year=1800)
    report = import_studies(db, write(tmp_path, "t.json", json.dumps([bad])))
    assert problems(report)[0].startswith("row 1, year:")
