"""Clinicians' own studies: row-by-row checks, all-or-nothing, plain problems naming row and field."""

from __future__ import annotations

import codecs
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
    assert any(p.startswith("row 6, days_per_week:") for p in text), text  # the column, not the model field
    assert any(p.startswith("row 7, first_author: looks like a spreadsheet formula") for p in text), text
    assert study_count(db) == before


def test_duplicate_ids(db, tmp_path) -> None:
    explicit = GOOD_ROW.replace(",Smith", "smith-a,Smith", 1)
    another = explicit.replace(",CCI,", ",SNL,")  # another study given the same id
    report = import_studies(db, write(tmp_path, "dup.csv", f"{HEADER}\n{explicit}\n{another}\n"))
    assert problems(report) == ["row 3, id: duplicate id: also used on row 2"]
    other = GOOD_ROW.replace(",CCI,", ",SNL,")  # another Smith 2024: another model
    generated = import_studies(db, write(tmp_path, "gen.csv", f"{HEADER}\n{GOOD_ROW}\n{other}\n"))
    assert generated.added == ["local-smith-2024", "local-smith-2024-2"]
    again = import_studies(db, write(tmp_path, "again.csv", f"{HEADER}\n{explicit.replace('smith-a', 'smith-2024')}\n"))
    assert problems(again) == ["row 2, id: a study with id 'local-smith-2024' is already in the library"]
    # another Smith 2024 in a later file, its id left empty: told how to give it one, not only refused, and one the
    # library does not have (seen by a helper: "such as local-smith-2024-b" of an id taken)
    later = import_studies(db, write(tmp_path, "later.csv", f"{HEADER}\n{GOOD_ROW}\n"))
    assert problems(later) == ["row 2, id: a study with id 'local-smith-2024' is already in the library (imported "
                               "before?); if this row is another study, give it its own id, such as local-smith-2024-3"]


def test_a_study_given_twice_is_refused_not_counted_twice(db, tmp_path) -> None:
    """Seen in review: two identical rows were imported as local-dup-2023 and local-dup-2023-2, and the plan's
    animal dosing summary counted the study twice ("median 5, 11 studies" for 10)."""
    twice = import_studies(db, write(tmp_path, "twice.csv", f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW}\n"))
    assert problems(twice) == ["row 3: the same study as row 2 (every column alike but the id): one study is one "
                               "row; delete one"]
    with_doi = (HEADER + ",doi\n" + GOOD_ROW + ",10.1000/ABC.1\n"
                + GOOD_ROW.replace("Smith", "Smyth") + ",10.1000/abc.1\n")
    same_doi = import_studies(db, write(tmp_path, "doi.csv", with_doi))
    assert problems(same_doi) == ["row 3, doi: the same study as row 2 (the same DOI): one study is one row; "
                                  "delete one"]
    assert import_studies(db, write(tmp_path, "first.csv", HEADER + ",doi\n" + GOOD_ROW + ",10.1000/abc.1\n")).ok
    again = import_studies(db, write(tmp_path, "again.csv", HEADER + ",doi\n" + GOOD_ROW.replace("Smith", "Smyth")
                                     + ",10.1000/ABC.1\n"))
    assert problems(again) == ["row 2, doi: the library already has this study, as 'local-smith-2024' (the same DOI): "
                               "imported again, it would be counted twice in the dosing summaries"]
    assert [s.id for s in evidence_store.search_studies(db, text="smith")] == ["local-smith-2024"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("semi.csv", HEADER.replace(",", ";") + "\n" + GOOD_ROW.replace(",", ";"), "not separated by commas"),
        ("cols.csv", "first_author,year\nSmith,2024\n", "missing columns: species, model"),
        ("extra.csv", HEADER + ",colour\n" + GOOD_ROW + ",red\n", "unknown columns: colour"),
        ("empty.csv", HEADER + "\n", "the file holds no studies"),
        ("notes.txt", "hello", "must end in .csv or .json"),
        ("bad.json", "{not json", "the JSON cannot be read"),
        # seen in review: each of these said "missing columns: first_author, year, species, ..."
        ("nothing.csv", "", "the file is empty: its first line names the columns"),
        ("bom.csv", "\ufeff", "the file is empty"),
        ("cut.json", '[{"id": "x"', "the JSON cannot be read: Expecting ',' delimiter at line 1, column 12"),
        ("obj.json", "{\"a\": 1}", "must be a list of study objects"),
    ],
)
def test_file_level_problems(db, tmp_path, name, content, message) -> None:
    report = import_studies(db, write(tmp_path, name, content))
    assert len(report.problems) == 1 and message in str(report.problems[0]), problems(report)


def test_excels_separator_line_and_capitalised_column_names_are_read(db, tmp_path) -> None:
    """Seen in review: a CSV saved by Excel with its "sep=," first line, or with the column names in capitals, was
    refused as missing every required column."""
    report = import_studies(db, write(tmp_path, "excel.csv", f"sep=,\n{HEADER}\n{GOOD_ROW}\n"))
    assert report.added == ["local-smith-2024"], problems(report)
    capitals = GOOD_ROW.replace("Smith", "Jones")
    report = import_studies(db, write(tmp_path, "caps.csv", f"{HEADER.upper()}\n{capitals}\n"))
    assert report.added == ["local-jones-2024"], problems(report)


def test_non_utf8_file_is_refused_plainly(db, tmp_path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\n" + GOOD_ROW.replace("Smith", "Muñoz").replace("TNF-α", "TNF-a") + "\n").encode("latin-1"))
    assert "not UTF-8" in problems(import_studies(db, path))[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_file_with_its_byte_order_mark_is_read(db, tmp_path, encoding) -> None:
    """A CSV saved as UTF-16 ("Unicode") with its byte-order mark was refused as not UTF-8."""
    path = tmp_path / "unicode.csv"
    row = GOOD_ROW.replace("Smith", "Muñoz")
    path.write_bytes((b"" if encoding == "utf-16" else codecs.BOM_UTF16_BE) + f"{HEADER}\n{row}\n".encode(encoding))
    report = import_studies(db, path)
    assert report.added == ["local-munoz-2024"], problems(report)


def test_json_import_uses_the_study_shape(db, tmp_path) -> None:
    item = make.study("garcia-2021", "García", 2021).model_dump(mode="json")
    del item["origin"], item["sources"]
    report = import_studies(db, write(tmp_path, "s.json", json.dumps([item])))
    assert report.added == ["local-garcia-2021"], problems(report)
    bad = dict(item, id="x-1", year=1800)
    report = import_studies(db, write(tmp_path, "t.json", json.dumps([bad])))
    assert problems(report)[0].startswith("row 1, year:")


# -- every problem of every row in one run, even beside a formula cell ---------------------------------------


def test_a_formula_cell_does_not_hide_the_rows_other_problems(db, tmp_path) -> None:
    header = HEADER + ",doi"
    rows = [
        ',=HYPERLINK("http://x"),20x4,dog,CCI,gout,treadmill,12 m/min,fast,30,,9,4,30 min a day,'
        'TNF-α down;IL-6:sideways:neuroinflammation,7,10.1016/x y',
        GOOD_ROW.replace(",5,4,", ",+SUM(A1),4,") + ",doi:10.1016/j.neuroscience.2010.03.035",
    ]
    before = study_count(db)
    report = import_studies(db, write(tmp_path, "mixed.csv", header + "\n" + "\n".join(rows) + "\n"))
    text = problems(report)
    expected = [
        "row 2, doi: must be a DOI such as 10.1016/j.neuroscience.2010.03.035",
        "row 2, etiologies: unknown etiology 'gout'; allowed: peripheral-nerve-injury",
        "row 2, evidence_level: must be at most 5; allowed: a whole number from 1 to 5 (OCEBM 2011; animal studies "
        "are level 5)",  # both ends, and what the scale is (seen in review: "must be at most 5" alone)
        "row 2, days_per_week: must be at most 7; allowed: a whole number from 1 to 7",
        "row 2, findings: finding 2: its direction must be 'up', 'down' or 'no change'",  # numbered as in the cell
        "row 2, findings: finding 1 is not written as marker:direction:mechanism",
        "row 2, first_author: looks like a spreadsheet formula",
        "row 2, speed_m_per_min: must be a number written with the digits 0-9 and a point",
        "row 2, species: must be 'rat', 'mouse', 'human' or 'other'",
        "row 2, year: must be a whole number written with the digits 0-9",
        "row 3, days_per_week: looks like a spreadsheet formula",
        "row 3, doi: must be a DOI such as",
    ]
    for start in expected:
        assert sum(p.startswith(start) for p in text) == 1, (start, text)
    assert len(text) == len(expected), text  # a refused cell is named once, not again by its study field
    assert report.added == [] and study_count(db) == before


def test_a_refused_required_cell_is_named_once(db, tmp_path) -> None:
    row = GOOD_ROW.replace("Smith", "@Smith").replace(",CCI,", ",,").replace("30 min a day", "-30 min")
    text = problems(import_studies(db, write(tmp_path, "r.csv", HEADER + "\n" + row + "\n")))
    assert text == ["row 2, first_author: looks like a spreadsheet formula; type the value itself",
                    "row 2, model: is required; see import-template.md",
                    "row 2, protocol: looks like a spreadsheet formula; type the value itself "
                    "(a cell may start with '-' only when it is a plain number)"]


# -- no regular expression in a message --------------------------------------------------------------------

REGEX_SYNTAX = ("^", "$", "\\d", "\\S", "\\.", "[", "(?", "{4,9}", "*", "pattern")
NOT_VALID = "Not Valid"  # fails every pattern of the study model, and holds no regex syntax itself


def _pattern_fields(schema: dict, node: dict | None = None, path: str = ""):
    """Dotted paths of every field of the study model checked against a regular expression."""
    node = schema if node is None else node
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if "pattern" in node:
        yield path
    for name, child in node.get("properties", {}).items():
        yield from _pattern_fields(schema, child, f"{path}.{name}" if path else name)
    for child in node.get("anyOf", []) + node.get("prefixItems", []) + ([node["items"]] if "items" in node else []):
        yield from _pattern_fields(schema, child, path)


def _fails_every_pattern(item: dict, path: str) -> None:
    """Put NOT_VALID in the field at ``path`` (a list field: in its first element)."""
    *parents, last = path.split(".")
    for name in parents:
        item = item[name][0] if isinstance(item[name], list) else item[name]
    item[last] = [NOT_VALID] if isinstance(item.get(last), list) else NOT_VALID


def _json_item() -> dict:
    item = make.study("garcia-2021", "García", 2021).model_dump(mode="json")
    del item["origin"], item["sources"]
    return item


def test_every_pattern_field_fails_in_plain_words() -> None:
    from pydantic import ValidationError

    from core.evidence.import_messages import plain_message
    from core.evidence.models import Study

    fields = set(_pattern_fields(Study.model_json_schema()))
    # A new pattern-checked field needs plain words in core/evidence/import_messages.py, then a place here.
    assert fields == {"id", "doi", "etiologies", "findings.mechanism"}
    for path in sorted(fields):
        item = dict(_json_item(), sources=[{"review": "local-import", "location": "f.csv, row 2"}])
        _fails_every_pattern(item, path)
        with pytest.raises(ValidationError) as raised:
            Study.model_validate(item)
        messages = [plain_message(tuple(e["loc"]), e["type"], e["msg"]) for e in raised.value.errors()]
        assert messages, path
        for message in messages:
            assert not any(syntax in message for syntax in REGEX_SYNTAX), (path, message)
            assert " such as " in message, (path, message)  # what is allowed, with an example


def test_no_import_message_shows_a_regular_expression(db, tmp_path) -> None:
    before = study_count(db)
    item = _json_item()
    for path in ("id", "doi", "etiologies", "findings.mechanism"):
        _fails_every_pattern(item, path)
    row = GOOD_ROW.replace(",Smith", f"{NOT_VALID},Smith", 1).replace("peripheral-nerve-injury", NOT_VALID)
    row = row.replace(":neuroinflammation", f":{NOT_VALID}") + f",https://doi.org/{NOT_VALID}"
    for report in (import_studies(db, write(tmp_path, "p.json", json.dumps([item]))),
                   import_studies(db, write(tmp_path, "p.csv", f"{HEADER},doi\n{row}\n"))):
        text = problems(report)
        # the id too, since an id is used as typed (it was made into a slug without a word)
        assert {p.field.split(".")[0] for p in report.problems} == {"id", "doi", "etiologies", "findings"}, text
        for message in text:
            assert not any(syntax in message for syntax in REGEX_SYNTAX), message
        assert any("a DOI such as 10.1016/j.neuroscience.2010.03.035" in m for m in text), text
    assert study_count(db) == before


# -- the template's example row ------------------------------------------------------------------------------


@pytest.fixture
def shipped_db(data_dir):
    from core.evidence.library import library_content_hash, load_library

    database = open_database(data_dir.database_path)
    evidence_store.ensure_schema(database)
    evidence_store.install_library(database, load_library(), library_content_hash())
    yield database
    database.close()


def _template() -> tuple[str, list[dict[str, str]]]:
    import csv
    import io

    from core.resources import resource_path

    text = resource_path("evidence", "import-template.csv").read_text(encoding="utf-8-sig")
    return text.splitlines()[0], list(csv.DictReader(io.StringIO(text)))


def _csv_line(header: str, cells: dict[str, str]) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.DictWriter(out, fieldnames=header.split(","), lineterminator="\n").writerow(cells)
    return out.getvalue()


def test_the_untouched_template_adds_no_study_and_says_why(shipped_db, tmp_path) -> None:
    from core.resources import resource_path

    before = study_count(shipped_db)
    report = import_studies(shipped_db, resource_path("evidence", "import-template.csv"))
    assert report.added == [] and study_count(shipped_db) == before
    assert problems(report) == [
        "row 2: this is the template's example row (marked EXAMPLE ROW): a study copied from Treadwell's evidence "
        "library to show how a row is filled in, not one of your studies. Delete the row and import again; if you "
        "typed your own study over it, empty its id and source_note cells, which mark it as the example"]


def test_the_example_row_is_a_shipped_study_marked_as_an_example() -> None:
    from core.evidence.library import load_library

    header, rows = _template()
    assert len(rows) == 1
    example = rows[0]
    assert example["id"].startswith("EXAMPLE-ROW") and example["source_note"].startswith("EXAMPLE ROW")
    study = next(s for s in load_library().studies if s.doi == example["doi"])
    dose = study.exercise
    assert example == {
        "id": example["id"], "source_note": example["source_note"],
        "first_author": study.first_author, "year": str(study.year), "title": study.title, "journal": study.journal,
        "doi": study.doi, "species": study.species, "model": study.model, "etiologies": ";".join(study.etiologies),
        "exercise_type": dose.type, "speed_reported": dose.speed_reported, "speed_m_per_min": f"{dose.speed_m_per_min:g}",
        "minutes_low": f"{dose.minutes_per_session[0]:g}", "minutes_high": f"{dose.minutes_per_session[1]:g}",
        "sessions_per_day": "", "days_per_week": str(dose.days_per_week), "weeks": f"{dose.weeks:g}",
        "protocol": dose.protocol, "pain_outcome": study.pain_outcome, "evidence_level": str(study.evidence_level),
        "findings": ";".join(f"{f.marker}:{f.direction}:{f.mechanism}" for f in study.findings),
    }


def test_the_template_with_a_real_row_in_place_of_the_example_imports(shipped_db, tmp_path) -> None:
    header, rows = _template()
    real = dict.fromkeys(rows[0], "") | {
        "first_author": "Okafor", "year": "2024", "species": "rat", "model": "CCI", "exercise_type": "treadmill",
        "etiologies": "peripheral-nerve-injury", "speed_m_per_min": "12", "minutes_low": "30", "days_per_week": "5",
        "protocol": "12 m/min, 30 min a day, 5 days a week", "findings": "IL-6:down:neuroinflammation-glia",
        "evidence_level": "5"}
    report = import_studies(shipped_db, write(tmp_path, "ours.csv", "\ufeff" + header + "\n" + _csv_line(header, real)))
    assert report.ok and report.added == ["local-okafor-2024"], problems(report)


def test_a_study_typed_over_the_example_row_but_still_marked_is_refused(shipped_db, tmp_path) -> None:
    header, rows = _template()
    typed_over = rows[0] | {"first_author": "Okafor", "year": "2024", "days_per_week": "8"}
    text = problems(import_studies(shipped_db, write(tmp_path, "over.csv", header + "\n" + _csv_line(header, typed_over))))
    assert text[0].startswith("row 2: this is the template's example row") and len(text) == 2
    assert text[1].startswith("row 2, days_per_week:")  # and its other problems, in the same run
    kept_doi = typed_over | {"id": "", "source_note": "", "days_per_week": "5"}
    text = problems(import_studies(shipped_db, write(tmp_path, "doi.csv", header + "\n" + _csv_line(header, kept_doi))))
    assert text == ["row 2, doi: the library already has this study, as 'cobianchi-2010' (the same DOI): imported "
                    "again, it would be counted twice in the dosing summaries"]
    emptied = kept_doi | {"doi": ""}
    report = import_studies(shipped_db, write(tmp_path, "own.csv", header + "\n" + _csv_line(header, emptied)))
    assert report.added == ["local-okafor-2024"], problems(report)


def test_a_json_study_marked_as_the_example_is_refused(db, tmp_path) -> None:
    marked = [dict(_json_item(), id="example-row-1"), dict(_json_item(), id="b-1", evidence_note="EXAMPLE ROW, delete")]
    report = import_studies(db, write(tmp_path, "e.json", json.dumps(marked)))
    assert [(p.row, p.field) for p in report.problems] == [(1, None), (2, None)] and report.added == []
    assert all("marked as the import template's example" in p.message for p in report.problems)


@pytest.mark.parametrize("given", ["has space", "../etc", "é-2024", "smith--2024", "a" * 71])
def test_an_id_that_cannot_be_used_as_typed_is_refused_not_rewritten(db, tmp_path, given) -> None:
    """Seen in review: "has space", "../etc" and "é-2024" were imported as local-has-space, local-etc and
    local-e-2024, and two long ids cut to the same 70 characters were called duplicates of each other."""
    report = import_studies(db, write(tmp_path, "ids.csv", f"{HEADER}\n{given}{GOOD_ROW}\n"))  # id is the first cell
    assert report.added == [] and any(p.startswith("row 2, id:") for p in problems(report)), problems(report)

