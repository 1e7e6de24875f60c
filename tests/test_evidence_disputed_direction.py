"""A finding whose direction the sources disagree on is marked wherever the findings are listed: the evidence table's
"?" with its key, the cell's tooltip, the clinician summary's words. Seen in a check against the seeds: Bobinski
2018's "IL-4 ↓" (He et al.'s Table 1, where the study's title and He Section 3.1 point the other way) stood unmarked,
its flag counted only among the study's four."""

from __future__ import annotations

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from core.evidence.library import load_library
from core.evidence.models import DISPUTED_KEY, Direction
from ui.views.evidence_view import STUDY_COLUMNS


def _study(study_id: str):
    return next(study for study in load_library().studies if study.id == study_id)


def test_a_disputed_direction_is_marked_and_the_others_are_not() -> None:
    bobinski = _study("bobinski-2018")
    assert bobinski.disputed == {("IL-4", Direction.DOWN)}
    assert bobinski.findings_listed().startswith("BDNF ↓, β-NGF ↓, IL-4 ↓?, M1 ↓, ")
    assert _study("bai-2022").findings_listed().startswith("BDNF ↓?, M1 ↓")  # its flag on findings[0].direction
    assert "?" not in _study("bobinski-2015").findings_listed()
    findings = next(column for column in STUDY_COLUMNS if column.header == "Findings")
    assert "IL-4 down (the sources disagree on this finding: see the study's flags), M1 down" in \
        findings.tooltip(bobinski)


def test_a_finding_that_may_be_another_studys_is_marked() -> None:
    """Seen by a helper: Cho 2021's GABA and GAD 65/67 rises, which its flag says may be copied from the Kami 2016 row
    and its own abstract does not name, and Lu 2021's IL-1ra and IL-5 rises, which may be Bobinski 2018's, stood in
    the table as each study's own, unmarked."""
    assert _study("cho-2021").findings_listed().startswith("GABA ↑?, GAD 65/67 ↑?, Wnt/β-catenin signaling ↓")
    assert _study("lu-2021").findings_listed().startswith("IL-4 ↑, IL-1ra ↑?, IL-5 ↑?, M2 ↑")


def test_the_command_line_keys_the_mark(tmp_path, capsys) -> None:
    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["evidence", "--etiology", "peripheral-nerve-injury"]), data) == 0
    said = capsys.readouterr().out
    assert "IL-4 ↓?" in said and DISPUTED_KEY in said
    assert run_command(parse_args(["evidence", "--etiology", "parkinsons-pain"]), data) == 0
    assert DISPUTED_KEY not in capsys.readouterr().out  # the key only where a mark is printed


def test_the_clinician_summary_says_it_in_words() -> None:
    from tests.handout.helpers import example, handout_for

    studies = handout_for(example("peripheral-nerve-injury"), summary=True).clinician.studies
    bobinski = next(row.text for row in studies if row.text.startswith("Bobinski 2018."))
    assert "Findings: BDNF ↓, β-NGF ↓, IL-4 ↓ (the sources disagree), M1 ↓, " in bobinski


def test_the_clinician_summarys_flags_name_the_finding_as_its_findings_list_it() -> None:
    """Seen in review: the summary listed Cho 2021's findings unnumbered ("GABA ↑ (the sources disagree), ...") and its
    flags said "whose finding 1 is"; the flags name the finding by its marker, in its own letters (not "gaba")."""
    from tests.handout.helpers import example, handout_for

    flags = handout_for(example("peripheral-nerve-injury"), summary=True).clinician.flags
    assert any(flag.startswith("Cho 2021, sources disagree on whose finding GABA ↑ is: ") for flag in flags)
    assert any(flag.startswith("Bobinski 2018, sources disagree on the direction of IL-4 ↓: ") for flag in flags)
    assert not any("finding 1" in flag or "finding 2" in flag for flag in flags)


def test_the_study_details_mark_the_finding_and_name_it_in_the_flags() -> None:
    from ui.views.evidence_view import study_detail_html

    library = load_library()
    mechanisms = {m.id: m for m in library.mechanisms}
    cho = study_detail_html(_study("cho-2021"), mechanisms)
    assert "GABA ↑? (the sources disagree on this finding: see the flags below)" in cho
    assert "Sources disagree on whose finding GABA ↑ is." in cho
    assert "Wnt/β-catenin signaling ↓ (" in cho  # the finding no source doubts: unmarked


def test_the_command_line_says_what_the_reviews_say_of_a_mechanism(tmp_path, capsys) -> None:
    """Seen in a check against the seeds: ``evidence --mechanism noradrenaline`` printed an empty table and "0
    studies", and nothing of Ghanbari's account or of the flags on the studies it cites."""
    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["evidence", "--mechanism", "noradrenaline"]), data) == 0
    said = capsys.readouterr().out
    assert "\nNoradrenaline (catecholamines) (no study in the library reports a finding on it): Noradrenaline damps " \
           "pain" in said
    assert "Source: Ghanbari 2025 Section 1.3; Ghanbari 2025 Table 1." in said
    assert "  Flag: Sources disagree on types of exercise. Ghanbari Table 1 credits running wheel exercise" in said
    assert run_command(parse_args(["evidence", "--mechanism", "serotonin"]), data) == 0
    said = capsys.readouterr().out
    assert "2 studies" in said and "no study in the library" not in said and "\nSerotonin: Brainstem serotonin" in said
