"""A file damaged in many places is said in one line: SQLite's first problem and how many it found (seen by a
tester: db check printed 97 lines of "On tree page 44 cell 0: Offset 4919 out of range ...")."""

from __future__ import annotations

import sqlite3

import pytest

from core.storage import records
from core.storage.database import DatabaseDamaged, check_file, open_database
from core.storage.maintenance import check_health
from tests.storage.helpers import example


def damaged_in_many_pages(data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    connection = sqlite3.connect(data_dir.database_path)
    before = connection.execute("pragma page_count").fetchone()[0]
    connection.execute("create table filler(t text)")  # pages of its own to damage, the table list left whole
    connection.executemany("insert into filler values (?)", [("x" * 300,)] * 2000)
    connection.commit()
    pages, size = (connection.execute(f"pragma {name}").fetchone()[0] for name in ("page_count", "page_size"))
    connection.close()
    with open(data_dir.database_path, "r+b") as file:
        for page in range(before + 3, pages, 3):  # past each page's header: its cells point out of the page
            file.seek((page - 1) * size + 8)
            file.write(b"\x13\x37" * 20)


def test_a_file_damaged_in_many_places_is_one_line_with_the_count(data_dir) -> None:
    damaged_in_many_pages(data_dir)
    verdict = check_file(data_dir.database_path, "integrity_check")
    assert "\n" not in verdict and "*** in database" not in verdict
    assert verdict.startswith("On tree page ") and verdict.endswith(" or more problems SQLite's check found")
    report = check_health(data_dir)
    assert not report.ok and report.lines[0].count("On tree page") == 1 and "\n" not in report.lines[0]
    with pytest.raises(DatabaseDamaged) as refused:
        open_database(data_dir.database_path)
    assert "\n" not in str(refused.value) and ", the first of " in str(refused.value)
