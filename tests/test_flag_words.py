"""A curator's flag in the clinic's words (core/evidence/flag_words.py)."""

import pytest

from core.evidence.flag_words import KINDS, fact_in_words, flag_in_words
from core.evidence.models import Flag, FlagCode


def test_every_kind_of_flag_has_its_words():
    assert set(KINDS) == set(FlagCode)


@pytest.mark.parametrize(("code", "field", "words"), [
    (FlagCode.CONFLICT, "exercise.weeks", "Sources disagree on weeks of training"),
    (FlagCode.REFERENCE, "reference", "Reference problem"),
    (FlagCode.IMPLAUSIBLE, "exercise.speed_m_per_min", "Implausible as printed on speed"),
    (FlagCode.UNIT_UNCLEAR, "findings[0].direction", "Unit unclear on finding 1's direction"),
    (FlagCode.CONFLICT, "findings[1].marker", "Sources disagree on whose finding 2 is"),  # Cho 2021's GAD 65/67
    (FlagCode.NOT_REPORTED, "exercise.some_new_field", "Not reported on some new field"),
    (FlagCode.SHARED, "findings", "Findings credited jointly to several studies"),
    # seen in review: "Not a pain study" on brito-2017, a chronic muscle pain model, and on human pain studies
    (FlagCode.OFF_TOPIC, "model", "Not a neuropathic pain study: no neuropathic pain model"),
    (FlagCode.OFF_TOPIC, "pain_outcome", "Not a neuropathic pain study: no pain outcome reported"),
])
def test_a_flag_reads_as_the_kind_of_problem_then_the_fact(code, field, words):
    assert flag_in_words(Flag(code=code, field=field, message="a curator's note on it")) == words


def test_a_field_not_listed_is_named_by_its_own_last_part():
    assert fact_in_words("exercise.rest_days") == "rest days"


def test_a_finding_is_named_by_its_marker_and_arrow_for_its_study():
    """Where a flag is shown with its study, the findings are listed unnumbered beside it (the study's details, the
    clinician summary): the flag names the finding itself."""
    from core.evidence.library import load_library

    cho = next(study for study in load_library().studies if study.id == "cho-2021")
    marker = Flag(code=FlagCode.CONFLICT, field="findings[1].marker", message="a curator's note on it")
    direction = Flag(code=FlagCode.CONFLICT, field="findings[0].direction", message="a curator's note on it")
    assert flag_in_words(marker, cho) == "Sources disagree on whose finding GAD 65/67 ↑ is"
    assert flag_in_words(direction, cho) == "Sources disagree on the direction of GABA ↑"
    beyond = Flag(code=FlagCode.CONFLICT, field="findings[9].direction", message="a curator's note on it")
    assert flag_in_words(beyond, cho) == "Sources disagree on finding 10's direction"  # no such finding: its number


def test_two_findings_with_the_same_marker_and_arrow_are_told_apart():
    """Seen in review: Binda 2020 has two MOR ↑ (one placed in the PAG, one at the opioid receptor); its flag on the
    first one's site read "the site of MOR ↑", which of the two not said ("the first" then named none in the clinician
    summary, which lists MOR ↑ once)."""
    from core.evidence.library import load_library

    binda = next(study for study in load_library().studies if study.id == "binda-2020")
    site = next(flag for flag in binda.flags if flag.field == "findings[0].site")
    assert flag_in_words(site, binda) == "Sources disagree on the site of MOR ↑ (PAG)"
    other = Flag(code=FlagCode.CONFLICT, field="findings[1].direction", message="a curator's note on it")
    assert flag_in_words(other, binda) == "Sources disagree on the direction of MOR ↑ (opioid)"  # no site: mechanism
