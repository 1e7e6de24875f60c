"""Checks the curated evidence library against an independent transcription of He et al. 2024, Table 1.

Source: He W-C et al. (2024) "Treadmill running on neuropathic pain: via modulation of neuroinflammation",
Front. Mol. Neurosci. 17:1345864, doi 10.3389/fnmol.2024.1345864, Table 1 (11 rows, printed order).

The transcription below was typed from the printed table, not copied from the library JSON. Where the
printed value cannot be trusted (a speed in m/s a rodent cannot run, a duration that another source
contradicts) the *expected normalised* value is None and a flag must say why.

Run from the repository root:
    uv run pytest tests/test_evidence_table1.py
"""

from __future__ import annotations

import math

import pytest

from core.etiology import ETIOLOGY_IDS
from core.evidence.derived import no_animal_treadmill_note
from core.evidence.library import load_library

UP, DOWN = "up", "down"

# One dict per printed row. "speed_text", "model" and "markers" are exactly as printed (Greek as Unicode).
# minutes/days/weeks/sessions/speed are the values a careful reader normalises from the printed cell;
# None where the cell does not give the value, or where the value is not trustworthy (see flags tests).
TABLE_1 = [
    dict(row=1, author="Chen", year=2012, model="CCI Rats", species="rat",
         exercise_cell="1.8 km/h, 3 days/week, 6 weeks", speed_text="1.8 km/h", speed=30.0,
         minutes=None, sessions=None, days=3, weeks=None,  # 6 weeks printed; Ghanbari says 21 days -> conflict
         markers=["TNF-α", "IL-1β"], direction=DOWN),
    dict(row=2, author="Supruniuk", year=2020, model="Wistar rats", species="rat",
         exercise_cell="18 m/min, 30 min/day", speed_text="18 m/min", speed=18.0,
         minutes=(30, 30), sessions=None, days=None, weeks=None,
         markers=["NO"], direction=DOWN),
    dict(row=3, author="Cobianchi", year=2010, model="CCI Mice", species="mouse",
         exercise_cell="20 cm/s, 1 h/day, 5 days/week, 2 weeks", speed_text="20 cm/s", speed=12.0,
         minutes=(60, 60), sessions=None, days=5, weeks=2,
         markers=["Microglia", "astrocytes"], direction=DOWN),
    dict(row=4, author="Mu", year=2022, model="AD Mice", species="mouse",
         exercise_cell="18 m/s, 30 min/days, 3 days/week, 12 weeks", speed_text="18 m/s", speed=None,
         minutes=(30, 30), sessions=None, days=3, weeks=12,
         markers=["Aβ", "GSK3β", "IL-1β", "IL-6", "TNF-α"], direction=DOWN),
    dict(row=5, author="Binda", year=2020, model="PD Rats", species="rat",
         exercise_cell="10 m/s, 40 min/day, 3 days/week, 4 weeks", speed_text="10 m/s", speed=None,
         minutes=(40, 40), sessions=None, days=3, weeks=4,
         markers=["MOR"], direction=UP),
    dict(row=6, author="Kami", year=2016, model="PSL Mice", species="mouse",
         exercise_cell="7 m/min, Week 1: 10 min/day, 5 days/week Week 2: 20-60 min/day (increase by 10 min/day), 3 weeks",
         speed_text="7 m/min", speed=7.0, minutes=(10, 60), sessions=None, days=5, weeks=3,
         markers=["GABA", "GAD65/67"], direction=UP),
    dict(row=7, author="Li", year=2020, model="SCI Rats", species="rat",
         exercise_cell="6 m/min, 2times/day, 5 days/weeks, 4 weeks", speed_text="6 m/min", speed=6.0,
         minutes=None, sessions=2, days=5, weeks=4,
         markers=["GAD65/67"], direction=UP),
    # "PSL Mice" repeats the Kami row; the study's own abstract says rats (library 2026.12.17)
    dict(row=8, author="Cho", year=2021, model="PSL Mice", species="rat",
         exercise_cell="8 m/min, everyday", speed_text="8 m/min", speed=8.0,
         minutes=None, sessions=None, days=7, weeks=None,
         markers=["GABA", "GAD 65/67"], direction=UP),
    dict(row=9, author="Bobinski", year=2018, model="PNI Mice", species="mouse",
         exercise_cell="10 m/min, 30 min/day, 5 days/week, 2 weeks", speed_text="10 m/min", speed=10.0,
         minutes=(30, 30), sessions=None, days=5, weeks=2,
         markers=["BDNF", "β-NGF", "IL-4", "M1"], direction=DOWN),
    dict(row=10, author="Bai", year=2022, model="PNI Mice", species="mouse",
         exercise_cell="7 m/min, Week 1: 10 min/day, 5 days/week Week 2: 20-60 min/day (increase by 10 min), 5 days/week",
         speed_text="7 m/min", speed=7.0, minutes=(10, 60), sessions=None, days=5, weeks=None,
         markers=["BDNF", "M1"], direction=DOWN),
    dict(row=11, author="Lu", year=2021, model="Stroke Rats", species="rat",
         exercise_cell="12 m/min, 30 min/day, 3 days/week, 1 week", speed_text="12 m/min", speed=12.0,
         minutes=(30, 30), sessions=None, days=3, weeks=1,
         markers=["IL-4", "IL-1ra", "IL-5", "M2"], direction=UP),
]

REQUIRED_ETIOLOGIES = list(ETIOLOGY_IDS)


@pytest.fixture(scope="module")
def lib():
    return load_library()


def study_for_row(lib, row: int):
    location = f"Table 1, row {row}"
    hits = [s for s in lib.studies
            if any(src.review == "he-2024" and src.location == location for src in s.sources)]
    assert len(hits) == 1, f"expected exactly one study sourced from He {location}, found {[s.id for s in hits]}"
    return hits[0]


def flags_of(study, code: str, field: str | None = None):
    return [f for f in study.flags if f.code == code and (field is None or f.field == field)]


def by_id(lib, study_id: str):
    hits = [s for s in lib.studies if s.id == study_id]
    assert hits, f"study {study_id} missing"
    return hits[0]


def test_table_has_eleven_rows_and_each_is_in_the_library(lib):
    assert [r["row"] for r in TABLE_1] == list(range(1, 12))
    ids = [study_for_row(lib, r["row"]).id for r in TABLE_1]
    assert len(set(ids)) == 11, "two table rows point at the same study"


@pytest.mark.parametrize("r", TABLE_1, ids=lambda r: f"row{r['row']}-{r['author']}")
def test_row_identity(lib, r):
    s = study_for_row(lib, r["row"])
    assert s.first_author == r["author"]
    assert s.year == r["year"]
    assert s.species_reported == r["model"]
    assert s.species == r["species"]
    assert s.evidence_level == 5


@pytest.mark.parametrize("r", TABLE_1, ids=lambda r: f"row{r['row']}-{r['author']}")
def test_row_dosing(lib, r):
    e = study_for_row(lib, r["row"]).exercise
    assert e.type == "treadmill"
    assert e.speed_reported == r["speed_text"]
    if r["speed"] is None:
        assert e.speed_m_per_min is None
    else:
        assert e.speed_m_per_min is not None and math.isclose(e.speed_m_per_min, r["speed"], abs_tol=1e-6)
    expected_minutes = None if r["minutes"] is None else tuple(float(x) for x in r["minutes"])
    actual_minutes = None if e.minutes_per_session is None else tuple(float(x) for x in e.minutes_per_session)
    assert actual_minutes == expected_minutes
    assert e.sessions_per_day == r["sessions"]
    assert e.days_per_week == r["days"]
    assert e.weeks == r["weeks"]


@pytest.mark.parametrize("r", TABLE_1, ids=lambda r: f"row{r['row']}-{r['author']}")
def test_row_protocol_keeps_the_printed_cell(lib, r):
    assert r["exercise_cell"] in study_for_row(lib, r["row"]).exercise.protocol


@pytest.mark.parametrize("r", TABLE_1, ids=lambda r: f"row{r['row']}-{r['author']}")
def test_row_findings(lib, r):
    s = study_for_row(lib, r["row"])
    found = {}
    for f in s.findings:
        found.setdefault(f.marker, set()).add(f.direction.value)
    for marker in r["markers"]:
        assert marker in found, f"{s.id}: marker {marker!r} from Table 1 missing (have {sorted(found)})"
        assert r["direction"] in found[marker], f"{s.id}: {marker} should be {r['direction']}, got {found[marker]}"


@pytest.mark.parametrize("r", TABLE_1, ids=lambda r: f"row{r['row']}-{r['author']}")
def test_null_dosing_values_are_flagged(lib, r):
    """Every dosing value Table 1 leaves out (or that we could not trust) must carry a flag on that field."""
    s = study_for_row(lib, r["row"])
    e = s.exercise
    flagged = {f.field for f in s.flags}
    for field, value in [("exercise.speed_m_per_min", e.speed_m_per_min),
                         ("exercise.minutes_per_session", e.minutes_per_session),
                         ("exercise.days_per_week", e.days_per_week),
                         ("exercise.weeks", e.weeks)]:
        if value is None:
            assert field in flagged, f"{s.id}: {field} is empty but not flagged"


@pytest.mark.parametrize("row", [4, 5])
def test_speed_in_metres_per_second_is_implausible(lib, row):
    s = study_for_row(lib, row)
    assert s.exercise.speed_reported.endswith("m/s")
    assert s.exercise.speed_m_per_min is None
    assert flags_of(s, "implausible", "exercise.speed_m_per_min")


def test_chen_species_conflict_weeks_conflict_and_doi(lib):
    s = study_for_row(lib, 1)
    assert flags_of(s, "conflict", "species")
    assert flags_of(s, "conflict", "exercise.weeks")
    assert flags_of(s, "reference", "doi")
    assert "6 weeks" in s.exercise.protocol and "21 days" in s.exercise.protocol
    assert any(src.review == "ghanbari-2025" for src in s.sources)


def test_binda_species_conflict(lib):
    s = study_for_row(lib, 5)
    assert s.etiologies == ["parkinsons-pain"]
    assert flags_of(s, "conflict", "species")


def test_supruniuk_has_no_injury_model(lib):
    s = study_for_row(lib, 2)
    assert s.etiologies == []
    assert flags_of(s, "off-topic")
    assert flags_of(s, "not-reported", "exercise.days_per_week")
    assert flags_of(s, "not-reported", "exercise.weeks")


def test_mu_is_off_topic_and_its_reference_is_flagged(lib):
    s = study_for_row(lib, 4)
    assert s.etiologies == []
    assert flags_of(s, "off-topic")
    assert flags_of(s, "reference")


def test_cobianchi_speed_conversion_and_spelling(lib):
    s = study_for_row(lib, 3)
    assert s.exercise.speed_m_per_min == pytest.approx(20 * 0.6)
    assert flags_of(s, "reference", "first_author")


def test_li_2020_two_sessions_no_minutes(lib):
    s = study_for_row(lib, 7)
    assert s.exercise.sessions_per_day == 2
    assert flags_of(s, "not-reported", "exercise.minutes_per_session")


def test_cho_everyday_means_seven_days(lib):
    s = study_for_row(lib, 8)
    assert s.exercise.days_per_week == 7
    assert flags_of(s, "not-reported", "exercise.minutes_per_session")
    assert flags_of(s, "not-reported", "exercise.weeks")


def test_bai_has_no_total_weeks_and_no_doi(lib):
    s = study_for_row(lib, 10)
    assert s.exercise.weeks is None
    assert flags_of(s, "not-reported", "exercise.weeks")
    assert s.doi is None
    assert flags_of(s, "reference", "doi")


def test_bobinski_il4_direction_questioned(lib):
    s = study_for_row(lib, 9)
    assert flags_of(s, "conflict", "findings[2].direction") and s.findings[2].marker == "IL-4"


def test_dugan_two_year_training_not_normalised(lib):
    s = by_id(lib, "dugan-2021")
    assert s.exercise.weeks is None
    assert flags_of(s, "implausible", "exercise.weeks")


def test_text_species_conflicts(lib):
    for sid in ["sumizono-2018", "li-2022", "dugan-2020"]:
        s = by_id(lib, sid)
        assert s.species == "rat"
        assert flags_of(s, "conflict", "species"), sid


def test_required_etiologies_exist(lib):
    ids = {e.id for e in lib.etiologies}
    missing = [e for e in REQUIRED_ETIOLOGIES if e not in ids]
    assert not missing, f"missing etiologies: {missing}"


def test_etiologies_without_animal_treadmill_study_have_a_note(lib):
    # The note is derived from the studies when the library is installed, never written by hand.
    for e in lib.etiologies:
        has_treadmill = any(
            e.id in s.etiologies and s.exercise.type == "treadmill" and s.species in ("rat", "mouse")
            for s in lib.studies
        )
        if not has_treadmill:
            assert no_animal_treadmill_note(e.id, lib.studies), f"{e.id} has no animal treadmill study but no note"


@pytest.mark.parametrize("etiology_id", ["trigeminal-neuropathy", "chemotherapy-neuropathy", "multiple-sclerosis-pain"])
def test_expected_gaps_are_real(lib, etiology_id):
    """The seeds hold no animal treadmill study for these; the library must not invent one."""
    assert not [s.id for s in lib.studies if etiology_id in s.etiologies and s.exercise.type == "treadmill"]
    assert no_animal_treadmill_note(etiology_id, lib.studies)


def test_every_study_with_an_etiology_has_a_source(lib):
    for s in lib.studies:
        if s.etiologies:
            assert len(s.sources) >= 1, s.id


def test_table_locations_are_unique_and_complete(lib):
    locations = [src.location for s in lib.studies for src in s.sources
                 if src.review == "he-2024" and src.location.startswith("Table 1, row")]
    assert sorted(locations) == sorted(f"Table 1, row {n}" for n in range(1, 12))


def test_animal_studies_are_level_5(lib):
    for s in lib.studies:
        if s.species in ("rat", "mouse"):
            assert s.evidence_level == 5, s.id
            assert s.evidence_note and s.evidence_note.startswith(
                "Animal study: mechanism-based reasoning (OCEBM 2011 level 5)"), s.id


def test_flags_name_a_field_and_say_something(lib):
    for s in lib.studies:
        for f in s.flags:
            assert f.field and len(f.message) >= 20, (s.id, f)


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def test_rows_that_repeat_another_row_are_flagged(lib):
    """A row whose markers and model, or whose exercise cell, repeat an earlier row's may be copied from it: the
    later row's study must carry a conflict flag on the copied fields (read off the transcription above)."""
    checked = 0
    for i, first in enumerate(TABLE_1):
        for later in TABLE_1[i + 1:]:
            s = study_for_row(lib, later["row"])
            same_markers = [_squash(m) for m in first["markers"]] == [_squash(m) for m in later["markers"]]
            if same_markers and first["model"] == later["model"]:
                assert flags_of(s, "conflict", "findings"), f"{s.id}: markers repeat row {first['row']}"
                assert flags_of(s, "conflict", "model"), f"{s.id}: model repeats row {first['row']}"
                checked += 1
            a, b = _squash(first["exercise_cell"]), _squash(later["exercise_cell"])
            shared = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            if shared >= 50:
                assert flags_of(s, "conflict", "exercise.protocol"), f"{s.id}: protocol repeats row {first['row']}"
                checked += 1
    assert checked == 2  # Cho repeats Kami's markers and model; Bai repeats Kami's protocol


# Article numbers as printed in He's reference list, the DOI printed in the same entry, and the article
# number that DOI encodes (MDPI: journal, volume, issue, article; SAGE Mol Pain: the whole number).
PRINTED_ARTICLE_NUMBERS = {
    4: ("23:2655", "10.3390/ijms232012655", "12655"),
    6: ("12:174480691662905", "10.1177/1744806916629059", "1744806916629059"),
    7: ("16:174480692092451", "10.1177/1744806920924511", "1744806920924511"),
}


@pytest.mark.parametrize("row", sorted(PRINTED_ARTICLE_NUMBERS))
def test_article_numbers_truncated_against_their_doi_are_flagged(lib, row):
    printed, doi, encoded = PRINTED_ARTICLE_NUMBERS[row]
    number = printed.split(":")[1]
    assert number != encoded and doi.endswith(encoded)  # the transcription itself shows the mismatch
    s = study_for_row(lib, row)
    assert s.doi is not None and s.doi.lower() == doi.lower()
    assert flags_of(s, "reference", "reference"), f"{s.id}: article number {printed} vs DOI {doi} not flagged"
