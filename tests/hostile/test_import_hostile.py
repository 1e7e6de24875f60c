"""The evidence importer against large and hostile files: all or nothing, plain reports."""

from __future__ import annotations

import pytest

from core.evidence.importer import MAX_IMPORT_BYTES, import_studies
from core.storage import evidence_store
from core.storage.database import open_database
from tests import evidence_factory as make

HEADER = "first_author,year,species,model,etiologies,exercise_type,protocol,findings,evidence_level"
ROW = "Author{n},2020,rat,CCI,peripheral-nerve-injury,treadmill,30 min a day,TNF-α:down:neuroinflammation,5"


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir.database_path)
    evidence_store.install_library(database, make.library(), "h")
    yield database
    database.close()


@pytest.mark.slow
def test_a_hundred_thousand_rows_import_whole(db, tmp_path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "\n" + "\n".join(ROW.format(n=n) for n in range(100_000)) + "\n", encoding="utf-8")
    report = import_studies(db, path)
    assert report.ok and len(report.added) == 100_000
    assert len(evidence_store.search_study_ids(db, "Author99999")) == 1


@pytest.mark.slow
def test_one_bad_row_among_a_hundred_thousand_imports_nothing(db, tmp_path) -> None:
    rows = [ROW.format(n=n) for n in range(100_000)]
    rows[76_543] = rows[76_543].replace("2020", "=1+1")
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = db.execute("select count(*) from evidence_studies").fetchone()[0]
    report = import_studies(db, path)
    assert [str(p) for p in report.problems] == ["row 76545, year: looks like a spreadsheet formula; type the value itself"]
    assert db.execute("select count(*) from evidence_studies").fetchone()[0] == before


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"click\")", "@SUM(A1)", "=cmd|' /C calc'!A0"])
def test_formula_cells_are_refused_by_column(db, tmp_path, cell) -> None:
    path = tmp_path / "f.csv"
    path.write_text(HEADER + "\n" + ROW.format(n=1).replace("CCI", cell.replace(",", ";")) + "\n", encoding="utf-8")
    problems = [str(p) for p in import_studies(db, path).problems]
    assert problems and problems[0].startswith("row 2, model: looks like a spreadsheet formula")


def test_files_too_large_are_refused_before_reading(db, tmp_path) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(MAX_IMPORT_BYTES + 1)
    assert "larger than" in str(import_studies(db, path).problems[0])


@pytest.mark.parametrize("content", [b"", b"\x00" * 100, b"\xef\xbb\xbf", "名前,年\n王,2020\n".encode("utf-16")])
def test_binary_and_odd_files(db, tmp_path, content) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    report = import_studies(db, path)
    assert not report.ok and all("Traceback" not in str(p) for p in report.problems)
