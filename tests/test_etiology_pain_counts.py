"""How many of an etiology's studies measured pain. Seen in a check against the seeds: step 1 listed "Central
post-stroke pain (5 studies)" where none of the five has a pain model or a pain outcome, read as that much evidence on
its pain."""

from __future__ import annotations

import pytest

from core.evidence.dosing import DOSING_CAUTION
from core.evidence.entries import EtiologyEntry, Source
from core.evidence.library import load_library
from core.storage.etiology_entries import read_installed_entries
from core.storage.library_sync import open_evidence_database


def entry(count: int, no_pain_outcome: tuple[str, ...] | None) -> EtiologyEntry:
    return EtiologyEntry(id="post-stroke-pain", name="Central post-stroke pain", description="About it in plain words.",
                         description_source=Source("Scholz J et al. 2019, Pain", None, False), study_count=count,
                         animal_models=(), human_evidence="Human evidence in plain words.",
                         human_sources=(Source("Kluding 2015, Phys Ther", None, False),), safety=(),
                         no_animal_treadmill_note=None, no_pain_outcome=no_pain_outcome)


@pytest.mark.parametrize(("count", "without", "said"), [
    (19, ("Ilha 2008", "Molteni 2004", "Haastert 2008", "Arbat-Plana 2017"), "19 studies, 15 measured pain"),
    (5, ("Lu 2021", "Tamakoshi 2022", "Chang 2021", "Jung 2021", "Ang 2004"), "5 studies, none measured pain"),
    (2, (), "2 studies, both measured pain"),
    (3, (), "3 studies, all measured pain"),
    (1, (), "1 study, which measured pain"),
    (0, (), "0 studies"),
    (19, None, "19 studies"),  # an entry stored before library 2026.12.17: not known, so not said
])
def test_the_count_says_how_many_measured_pain(count, without, said) -> None:
    assert entry(count, without).studies_in_words == said


def test_the_installed_library_names_the_studies_that_measured_no_pain(data_dir) -> None:
    open_evidence_database(data_dir.database_path).close()
    entries = {e.id: e for e in read_installed_entries(data_dir.database_path)}
    assert entries["post-stroke-pain"].studies_in_words == "5 studies, none measured pain"
    assert set(entries["post-stroke-pain"].no_pain_outcome) == {
        "Lu 2021", "Tamakoshi 2022", "Chang 2021", "Jung 2021", "Ang 2004"}
    assert entries["peripheral-nerve-injury"].studies_in_words == "19 studies, 15 measured pain"
    assert entries["multiple-sclerosis-pain"].studies_in_words == "2 studies, both measured pain"


def test_the_etiologies_command_has_a_measured_pain_column(run_main, data_dir) -> None:
    result = run_main("etiologies", data_dir=data_dir.root)
    assert result.returncode == 0, result.stderr
    header, _, *rows = result.stdout.splitlines()
    assert "measured pain" in header
    stroke = next(row for row in rows if row.startswith("post-stroke-pain"))
    assert stroke.split()[-2:] == ["0", "0"]  # 5 studies, none measured pain, no animal treadmill study


def test_a_hand_written_list_of_studies_without_pain_is_refused() -> None:
    library = load_library()
    with pytest.raises(ValueError, match="no_pain_outcome are derived"):
        type(library).model_validate({**library.model_dump(), "etiologies": [
            {**library.etiologies[0].model_dump(), "no_pain_outcome": ["Chen 2012"]},
            *[e.model_dump() for e in library.etiologies[1:]]]})


def test_the_caution_gives_what_changes_a_studys_results() -> None:
    """Ghanbari 2025's Table 2, which the clinical brief counts as evidence, was nowhere in the product."""
    for factor in ("aerobic or anaerobic", "acute, subchronic or chronic", "mild, medium or high intensity",
                   "daily or weekly", "blood, cerebrospinal fluid or tissue", "most animal studies used males"):
        assert factor in DOSING_CAUTION
    assert "Ghanbari 2025 (Table 2 and Conclusion)" in DOSING_CAUTION


def test_cho_2021_is_the_rat_crush_study_its_abstract_describes_and_lu_2021s_cytokines_are_doubted() -> None:
    studies = {s.id: s for s in load_library().studies}
    cho, lu = studies["cho-2021"], studies["lu-2021"]
    assert (cho.species, cho.model, cho.species_reported) == ("rat", "Sciatic nerve crush", "PSL Mice")
    assert any(f.field == "species" and "says rats" in f.message for f in cho.flags)
    assert any(f.code == "conflict" and "Bobinski 2018" in f.message for f in lu.flags)
