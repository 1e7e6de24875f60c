"""The evidence importer against large and hostile files: all or nothing, plain reports."""

from __future__ import annotations

import pytest

from core.evidence.importer import MAX_IMPORT_BYTES
from core.storage.evidence_import import import_studies
from core.storage import evidence_store
from tests import evidence_factory as make

HEADER = "first_author,year,species,model,etiologies,exercise_type,protocol,findings,evidence_level"
ROW = "Author{n},2020,rat,CCI,peripheral-nerve-injury,treadmill,30 min a day,TNF-α:down:neuroinflammation,5"


@pytest.fixture
def db(small_library_db):
    return small_library_db


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


def test_a_json_number_too_long_to_read_is_named_not_a_crash(db, tmp_path) -> None:
    """Seen by a tester: 4,301 digits crashed the JSON import (Python reads at most 4,300), as the CSV did not."""
    path = tmp_path / "big.json"
    path.write_text('[{"first_author": "Q", "year": ' + "9" * 4301 + "}]", encoding="utf-8")
    report = import_studies(db, path)
    assert not report.ok and "a number too long to read (more than 4,300 digits)" in str(report.problems[0])


# -- issue 14: validation that let through what it should not ---------------------------------------------

FULL_HEADER = "first_author,year,species,model,exercise_type,speed_m_per_min,protocol,evidence_level"
FULL_ROW = "Smith,2020,rat,CCI,treadmill,12,30 min a day,5"


def _csv(tmp_path, text: str, name: str = "s.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _json(tmp_path, items, name: str = "s.json"):
    path = tmp_path / name
    path.write_text(items if isinstance(items, str) else __import__("json").dumps(items), encoding="utf-8")
    return path


def _study_count(db) -> int:
    return db.execute("select count(*) from evidence_studies").fetchone()[0]


@pytest.mark.parametrize(("column", "cell"), [
    ("model", "+1+cmd|' /C calc'!A0"), ("model", "-2+3+cmd|' /C calc'!A0"), ("protocol", "- walk 30 min"),
    ("protocol", "\t=1+1"), ("protocol", "\r=1+1"), ("protocol", "\tSUM(A1)"), ("first_author", "+Smith"),
])
def test_cells_starting_like_a_formula_are_refused(db, tmp_path, column, cell) -> None:
    row = FULL_ROW.replace({"model": "CCI", "protocol": "30 min a day", "first_author": "Smith"}[column],
                           '"' + cell.replace('"', '""') + '"')
    before = _study_count(db)
    report = import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{row}\n"))
    assert [str(p) for p in report.problems] and all(
        str(p).startswith(f"row 2, {column}: looks like a spreadsheet formula") for p in report.problems), report.problems
    assert "calc" not in str(report.problems) and _study_count(db) == before


def test_a_plain_number_and_a_hyphen_inside_text_are_not_formulas(db, tmp_path) -> None:
    text = (f"{FULL_HEADER},speed_reported,weeks\n"
            f"{FULL_ROW.replace('30 min a day', '30 min - 5 days a week')},+12 m/min,+4\n"
            f"{FULL_ROW.replace('Smith', 'Jones').replace(',12,', ',-12,')},,\n")
    problems = [str(p) for p in import_studies(db, _csv(tmp_path, text)).problems]
    # Row 2: '+12 m/min' is not a plain number: refused; '+4' is, and the hyphen inside the protocol is fine.
    # Row 3: '-12' is a number: not a formula, but no speed is negative.
    assert problems[0].startswith("row 2, speed_reported: looks like a spreadsheet formula"), problems
    assert len(problems) == 2 and problems[1].startswith(
        "row 3, speed_m_per_min: must be more than 0; allowed: a number more than 0 and at most 300")
    fixed = text.replace("+12 m/min", "12 m/min").replace(",-12,", ",12,")
    report = import_studies(db, _csv(tmp_path, fixed, "fixed.csv"))
    assert report.ok, report.problems
    smith = evidence_store.search_studies(db, text="smith")[0]
    assert smith.exercise.protocol == "30 min - 5 days a week" and smith.exercise.weeks == 4


@pytest.mark.parametrize("year", ["2_020", "2020.0", "٢٠٢٠", "２０２０", "1e3", "0x7e4", "nan"])
def test_a_year_must_be_written_with_the_digits(db, tmp_path, year) -> None:
    report = import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{FULL_ROW.replace('2020', year)}\n"))
    assert [str(p) for p in report.problems] == ["row 2, year: must be a whole number written with the digits 0-9, e.g. 2019"]


@pytest.mark.parametrize("speed", ["1_2", "inf", "1" * 400, "12,5"])
def test_a_decimal_must_be_a_plain_finite_number(db, tmp_path, speed) -> None:
    row = FULL_ROW.replace(",12,", f',"{speed}",')
    problems = [str(p) for p in import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{row}\n")).problems]
    assert problems == ["row 2, speed_m_per_min: must be a number written with the digits 0-9 and a point, e.g. 12 or 12.5"]


@pytest.mark.parametrize("year", ["2_020", "2020", 2020.0, True])
def test_json_numbers_are_numbers(db, tmp_path, year) -> None:
    item = make.study("garcia-2021", "García", 2021).model_dump(mode="json")
    del item["origin"], item["sources"]
    item["year"] = year
    problems = [str(p) for p in import_studies(db, _json(tmp_path, [item])).problems]
    assert len(problems) == 1 and problems[0].startswith("row 1, year: must be a whole number"), problems


def test_duplicate_csv_columns_are_refused(db, tmp_path) -> None:
    text = f"{FULL_HEADER},year\n{FULL_ROW},1850\n"
    problems = [str(p) for p in import_studies(db, _csv(tmp_path, text)).problems]
    assert problems == ["file: columns given more than once: year; keep one of each"]


def test_duplicate_json_keys_and_nan_are_refused(db, tmp_path) -> None:
    item = make.study("garcia-2021", "García", 2021).model_dump(mode="json")
    del item["origin"], item["sources"]
    text = __import__("json").dumps([item])
    doubled = text.replace('"year": 2021', '"year": 1850, "year": 2021')
    problems = [str(p) for p in import_studies(db, _json(tmp_path, doubled)).problems]
    assert problems == ["row 1, year: given more than once in this study; keep one (JSON keeps only the last)"]
    nan = text.replace('"weeks": 2.0', '"weeks": NaN')
    problems = [str(p) for p in import_studies(db, _json(tmp_path, nan, "nan.json")).problems]
    assert len(problems) == 1 and "NaN, which is not a number" in problems[0]


def _json_study(**changes) -> dict:
    item = make.study("garcia-2021", "García", 2021).model_dump(mode="json")
    del item["origin"], item["sources"]
    item.update(changes)
    return item


@pytest.mark.parametrize(("changes", "expected"), [
    ({"sources": [{"review": "he-2024", "location": "Table 1, row 6"}]},
     "row 1, sources: an imported study cannot name 'he-2024' as its source"),
    ({"sources": [{"review": "local-import", "location": "our file"}, {"review": "ghanbari-2025", "location": "Table 2"}]},
     "row 1, sources: an imported study cannot name 'ghanbari-2025' as its source"),
    ({"origin": "library"}, "row 1, origin: an imported study is always 'local'"),
    ({"flags": [{"code": "conflict", "field": "year", "message": "the curators say so, trust us"}]},
     "row 1, flags: data-quality flags are set by the library's curators"),
    ({"evidence_level": 2}, "row 1, evidence_level: only a study of people can be level 1-4"),
    ({"evidence_level": 1, "species": None}, "row 1, evidence_level: only a study of people can be level 1-4"),
])
def test_json_cannot_claim_what_only_the_curated_library_has(db, tmp_path, changes, expected) -> None:
    before = _study_count(db)
    problems = [str(p) for p in import_studies(db, _json(tmp_path, [_json_study(**changes)])).problems]
    assert len(problems) == 1 and problems[0].startswith(expected), problems
    assert _study_count(db) == before


def test_what_a_clinic_may_set_in_json(db, tmp_path) -> None:
    """Its own human trial at level 2, and a local study exported from another workstation, as exported."""
    trial = _json_study(id="rct-2023", first_author="Okafor", year=2023, species="human", evidence_level=2)
    moved = _json_study(id="local-moved-2019", first_author="Moved", year=2019, origin="local", flags=[],
                        sources=[{"review": "local-import", "location": "clinic-a.csv, row 7"}])
    report = import_studies(db, _json(tmp_path, [trial, moved]))
    assert report.added == ["local-rct-2023", "local-moved-2019"], report.problems
    moved_back = evidence_store.search_studies(db, text="moved")[0]
    assert moved_back.sources[0].location == "clinic-a.csv, row 7" and moved_back.origin == "local"


def test_an_animal_study_in_csv_is_level_5(db, tmp_path) -> None:
    problems = [str(p) for p in import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{FULL_ROW[:-1]}1\n")).problems]
    assert problems == ["row 2, evidence_level: only a study of people can be level 1-4 (OCEBM 2011); "
                        "animal and other studies are level 5"]


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\x85", "\u202e", "\u2066", "\u2028"])
def test_invisible_controls_in_text_are_refused(db, tmp_path, character) -> None:
    row = FULL_ROW.replace("30 min a day", f"30 min{character} a day")
    problems = [str(p) for p in import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{row}\n")).problems]
    assert problems == [f"row 2, protocol: holds the invisible control character U+{ord(character):04X}, which can "
                        "hide or reorder text; delete it"]


def test_a_required_cell_left_empty_is_named(db, tmp_path) -> None:
    problems = [str(p) for p in import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{FULL_ROW.replace('rat', '')}\n")).problems]
    assert problems == ["row 2, species: is required; see import-template.md"]


def test_a_cell_over_the_csv_field_limit_is_one_plain_sentence(db, tmp_path) -> None:
    import csv

    long_cell = FULL_ROW.replace("30 min a day", "walk " * (csv.field_size_limit() // 5 + 10))
    report = import_studies(db, _csv(tmp_path, f"{FULL_HEADER}\n{FULL_ROW}\n{long_cell}\n"))
    assert [str(p) for p in report.problems] == [
        f"row 3: a cell is longer than {csv.field_size_limit():,} characters; is a closing quote (\") missing?"]
    unclosed = f"{FULL_HEADER}\n" + FULL_ROW.replace("CCI", '"CCI') + "\n" + "\n".join([FULL_ROW] * 6000) + "\n"
    assert [str(p) for p in import_studies(db, _csv(tmp_path, unclosed, "q.csv")).problems][0].startswith(
        "row 2: a cell is longer than")


def test_a_quote_never_closed_is_named_not_the_cells_it_swallowed(db, tmp_path) -> None:
    """A quote left open read the rest of the file as one cell: "row 2, evidence_level: is required" for a row
    whose every cell was filled in."""
    unclosed = f"{FULL_HEADER}\n{FULL_ROW}\n" + FULL_ROW.replace("CCI", '"CCI') + f"\n{FULL_ROW}\n"
    assert [str(p) for p in import_studies(db, _csv(tmp_path, unclosed, "q.csv")).problems] == [
        'row 3: a quote (") opened in this row is never closed, so the rest of the file reads as one cell; add the '
        "closing quote"]


def test_rows_are_numbered_as_a_spreadsheet_numbers_them(db, tmp_path) -> None:
    """A cell holding a line break is one row in a spreadsheet; the rows after it keep their numbers."""
    text = f"{FULL_HEADER}\n" + FULL_ROW.replace("30 min a day", '"30 min\na day"') + "\n" + FULL_ROW.replace("2020", "20x0") + "\n"
    assert [str(p) for p in import_studies(db, _csv(tmp_path, text)).problems][0].startswith("row 3, year:")
