"""Evidence import at scale and from odd files (issue 14): linear in the rows, every statement under the
smallest SQLite variable limit, and input read, bounded, before the data folder is opened for writing."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from core.evidence import importer
from core.evidence.importer import read_study_file
from core.storage.evidence_import import import_studies
from core.storage import evidence_store
from core.storage.database import open_database
from tests import evidence_factory as make

HEADER = "first_author,year,species,model,exercise_type,protocol,evidence_level"
def same_author(number: int, author: str = "Smith") -> str:
    """Another study of the same author and year: its protocol differs (a row alike in every column is the same
    study given twice, refused)."""
    return f"{author},2020,rat,CCI,treadmill,protocol {number},5"
SMALLEST_VARIABLE_LIMIT = 999  # SQLITE_MAX_VARIABLE_NUMBER before SQLite 3.32


@pytest.fixture
def db(small_library_db):
    return small_library_db


def _write(tmp_path: Path, rows: list[str], name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _lines_run(db, path: Path) -> int:
    """Lines of the importer and the evidence store executed by one import: a count of work that does not
    depend on the machine's speed (no timing)."""
    watched = {importer.__file__, evidence_store.__file__}
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame, event, arg):
        return local if frame.f_code.co_filename in watched else None

    sys.settrace(trace)
    try:
        report = import_studies(db, path)
    finally:
        sys.settrace(None)
    assert report.ok, report.problems[:3]
    return count


def test_rows_with_the_same_author_and_year_cost_the_same_per_row(data_dir, tmp_path) -> None:
    """Each generated id is found in a step or two, not by counting up from -2 for every row (that made
    20,000 such rows take 115 s against 3.5 s for distinct authors)."""
    counts = []
    for rows in (400, 800):
        database = open_database(tmp_path / f"{rows}.sqlite3")
        evidence_store.install_library(database, make.library(), "h")
        counts.append(_lines_run(database, _write(tmp_path, [same_author(n) for n in range(rows)], f"{rows}.csv")))
        database.close()
    assert counts[1] / counts[0] < 2.3, counts  # linear: twice the rows, about twice the work (quadratic: ~3.5)


def test_generated_ids_are_numbered_in_order_and_stay_valid(db, tmp_path) -> None:
    long_name = "Vandermeulen" * 10  # an author long enough that the suffix must shorten the id
    explicit = "local-smith-2020-3,Smith,2020,rat,CCI,treadmill,30 min a day,5"
    path = tmp_path / "ids.csv"
    path.write_text("id," + HEADER + "\n" + "\n".join(
        [f",{same_author(n)}" for n in range(3)] + [explicit] + [f",{same_author(3)}"]
        + [f",{same_author(n, long_name)}" for n in range(1200)]
    ) + "\n", encoding="utf-8")
    report = import_studies(db, path)
    # The explicit id on row 5 is the one a generated id had already taken on row 4: named, nothing imported.
    assert [str(p) for p in report.problems] == ["row 5, id: duplicate id: also used on row 4"]
    path.write_text(path.read_text(encoding="utf-8").replace("local-smith-2020-3,", "local-smith-2020-x,"), encoding="utf-8")
    report = import_studies(db, path)
    assert report.ok, report.problems[:3]
    assert report.added[:5] == ["local-smith-2020", "local-smith-2020-2", "local-smith-2020-3", "local-smith-2020-x",
                                "local-smith-2020-4"]
    generated = report.added[5:]
    assert len(set(generated)) == 1200 and all(len(i) <= importer.ID_MAX_LENGTH for i in generated)
    assert {s.id for s in evidence_store.search_studies(db, limit=5000)} >= set(report.added)  # every row reads back


@pytest.mark.skipif(not hasattr(sqlite3.Connection, "setlimit"), reason="Connection.setlimit needs Python 3.11")
def test_every_statement_stays_under_the_smallest_variable_limit(db, tmp_path) -> None:
    """With SQLite's limit at 999 (old builds), thousands of rows import: every IN (...) and insert is batched."""
    db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, SMALLEST_VARIABLE_LIMIT)
    largest = 0

    def watch(statement: str) -> None:
        nonlocal largest
        largest = max(largest, statement.count("?"))

    db.conn.set_trace_callback(watch)
    rows = [f"Author{n},2020,rat,CCI,treadmill,30 min a day,5" for n in range(2500)]
    rows += [same_author(n) for n in range(1500)]
    report = import_studies(db, _write(tmp_path, rows))
    db.conn.set_trace_callback(None)
    assert report.ok and len(report.added) == 4000, report.problems[:3]
    assert 0 < largest <= SMALLEST_VARIABLE_LIMIT
    # And the check against the library, once the ids exist, is batched too.
    again = import_studies(db, _write(tmp_path, rows, "again.csv"))
    assert len(again.problems) == 4000 and "already in the library" in str(again.problems[0])


# -- input files: bounded, regular files only, read before the database is opened --------------------------


def _odd_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    files = {"folder": folder}
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.csv")
        files["fifo"] = tmp_path / "pipe.csv"
    if Path("/dev/zero").exists():
        (tmp_path / "zero.csv").symlink_to("/dev/zero")
        files["/dev/zero"] = tmp_path / "zero.csv"
    return files


def test_a_folder_a_fifo_or_a_device_is_refused_without_reading(tmp_path) -> None:
    for kind, path in _odd_files(tmp_path).items():
        study_file = read_study_file(path)  # a FIFO with no writer would block an open(); /dev/zero never ends
        assert [str(p) for p in study_file.problems] == [
            f"file: {path.name} is not a regular file (a folder, device or pipe); choose a file"], kind


def test_the_command_refuses_odd_files_before_opening_the_data_folder(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    for kind, path in _odd_files(tmp_path).items():
        result = run_main("evidence", "import", str(path), data_dir=data, timeout=60)
        assert result.returncode == 2, (kind, result.stderr)
        assert result.stderr.splitlines() == [
            f"{path.name}: file: {path.name} is not a regular file (a folder, device or pipe); choose a file",
            "Nothing was imported: 1 problem."], kind
        assert not (data / "treadwell.sqlite3").exists(), kind  # the database was never opened, nothing written


def test_an_oversized_file_is_refused_by_its_size(tmp_path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(importer.MAX_IMPORT_BYTES + 1)
    assert [str(p) for p in read_study_file(path).problems] == [
        "file: huge.json is larger than 20 MB, the limit for this kind of file"]
