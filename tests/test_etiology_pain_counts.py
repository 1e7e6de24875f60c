"""How many of an etiology's studies are not of neuropathic pain. Seen in a check against the seeds: step 1 listed
"Central post-stroke pain (5 studies)" where none of the five has a pain model or a pain outcome, read as that much
evidence on its pain."""

from __future__ import annotations

import pytest

from core.evidence.dosing import DOSING_CAUTION
from core.evidence.entries import EtiologyEntry, Source
from core.evidence.library import load_library
from core.storage.etiology_entries import read_installed_entries
from core.storage.library_sync import open_evidence_database


def entry(count: int, not_of_neuropathic_pain: tuple[str, ...] | None) -> EtiologyEntry:
    return EtiologyEntry(id="post-stroke-pain", name="Central post-stroke pain", description="About it in plain words.",
                         description_source=Source("Scholz J et al. 2019, Pain", None, False), study_count=count,
                         animal_models=(), human_evidence="Human evidence in plain words.",
                         human_sources=(Source("Kluding 2015, Phys Ther", None, False),), safety=(),
                         no_animal_treadmill_note=None, not_of_neuropathic_pain=not_of_neuropathic_pain)


@pytest.mark.parametrize(("count", "flagged", "said"), [
    (19, ("Ilha 2008", "Molteni 2004", "Haastert 2008", "Arbat-Plana 2017"), "19 studies, 4 not of neuropathic pain"),
    (5, ("Lu 2021", "Tamakoshi 2022", "Chang 2021", "Jung 2021", "Ang 2004"), "5 studies, none of neuropathic pain"),
    (1, ("Lu 2021",), "1 study, not of neuropathic pain"),
    # none flagged: nothing claimed (a study not flagged may report no pain result, a clinic's own carry no flags)
    (2, (), "2 studies"),
    (0, (), "0 studies"),
    (19, None, "19 studies"),  # an entry stored before library 2026.12.17
])
def test_the_count_says_how_many_are_not_of_neuropathic_pain(count, flagged, said) -> None:
    assert entry(count, flagged).studies_in_words == said


def test_the_installed_library_names_the_studies_not_of_neuropathic_pain(data_dir) -> None:
    open_evidence_database(data_dir.database_path).close()
    entries = {e.id: e for e in read_installed_entries(data_dir.database_path)}
    assert entries["post-stroke-pain"].studies_in_words == "5 studies, none of neuropathic pain"
    assert set(entries["post-stroke-pain"].not_of_neuropathic_pain) == {
        "Lu 2021", "Tamakoshi 2022", "Chang 2021", "Jung 2021", "Ang 2004"}
    assert entries["peripheral-nerve-injury"].studies_in_words == "19 studies, 4 not of neuropathic pain"
    assert entries["multiple-sclerosis-pain"].studies_in_words == "2 studies"


def test_the_etiologies_command_has_a_column_of_studies_not_of_neuropathic_pain(run_main, data_dir) -> None:
    result = run_main("etiologies", data_dir=data_dir.root)
    assert result.returncode == 0, result.stderr
    header, _, *rows = result.stdout.splitlines()
    assert "not of neuropathic pain" in header
    stroke = next(row for row in rows if row.startswith("post-stroke-pain"))
    assert stroke.split()[-3:] == ["5", "5", "0"]  # 5 studies, none of neuropathic pain, no animal treadmill study


def test_a_hand_written_list_of_studies_without_pain_is_refused() -> None:
    library = load_library()
    with pytest.raises(ValueError, match="not_of_neuropathic_pain are derived"):
        type(library).model_validate({**library.model_dump(), "etiologies": [
            {**library.etiologies[0].model_dump(), "not_of_neuropathic_pain": ["Chen 2012"]},
            *[e.model_dump() for e in library.etiologies[1:]]]})


def test_the_caution_gives_what_to_weigh_before_comparing_animal_studies() -> None:
    """Ghanbari 2025's Table 2, which the clinical brief counts as evidence, was nowhere in the product."""
    for factor in ("aerobic or anaerobic", "acute, subchronic or chronic", "mild, medium or high intensity",
                   "daily or weekly", "blood, cerebrospinal fluid or tissue", "most animal studies used males",
                   "compared under similar experimental conditions"):
        assert factor in DOSING_CAUTION
    assert "Ghanbari 2025 (Table 2 and Conclusion)" in DOSING_CAUTION


def test_cho_2021_is_the_rat_study_its_abstract_describes_and_lu_2021s_cytokines_are_doubted() -> None:
    studies = {s.id: s for s in load_library().studies}
    cho, lu = studies["cho-2021"], studies["lu-2021"]
    assert (cho.species, cho.species_reported) == ("rat", "PSL Mice")
    assert cho.model == "Sciatic nerve injury (type not stated)"
    assert any(f.field == "species" and "says rats" in f.message for f in cho.flags)
    assert any(f.code == "conflict" and "Bobinski 2018" in f.message for f in lu.flags)
