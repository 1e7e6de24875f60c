"""The curated study library against its inclusion rule (docs/evidence.md, "What is in the library").

The rule: a work the seed reviews cite is in ``studies.json`` when it is an original study in which people or
animals exercise, and (a) its subjects have a neuropathic pain model or a condition that causes neuropathic
pain, or (b) a review cites it as evidence about exercise and pain (its effect on pain, or a mechanism).
Every other work the reviews cite about exercise is in ``excluded.json`` with its reason. These tests check
the parts of that rule a machine can check, that the two files never overlap, and that the counts the
document states are the counts in the files.

Run from the repository root:
    uv run pytest tests/test_evidence_curation.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from core.evidence.library import load_library
from core.resources import resource_path

DOC = Path(__file__).resolve().parent.parent / "docs" / "evidence.md"
REASONS = {
    "Review": "excluded: review, meta-analysis or consensus",
    "No exercise intervention": "excluded: no exercise intervention",
    "Not cited for pain": "excluded: not cited for pain",
}
REVIEW_WORDS = re.compile(r"\breview\b|meta-analy|consensus|\boverview\b", re.IGNORECASE)
EXERCISE_WORDS = re.compile(
    r"exercise|training|running|run\b|treadmill|swimming|walking|wheel|activity|task|locomotor|paradigm",
    re.IGNORECASE)
LOCATION = re.compile(r"^(Abstract|Table [12](, row \d+)?|Section \d+(\.\d+)?( \((Introduction|Conclusion)\))?)$")
NO_PAIN = "No pain outcome"


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture(scope="module")
def excluded() -> list[dict]:
    return json.loads(resource_path("evidence", "excluded.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc_counts() -> dict[str, int]:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- counts.*?-->(.*?)<!-- /counts -->", text, re.DOTALL)
    assert block, "docs/evidence.md has no <!-- counts --> block"
    rows = re.findall(r"^\|\s*([^|]+?)\s*\|\s*(\d+)\s*\|$", block.group(1), re.MULTILINE)
    return {label.replace("`", ""): int(n) for label, n in rows}


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-zα-ω]", "", text.lower())


def _flags(study, code: str, field: str | None = None):
    return [f for f in study.flags if f.code == code and (field is None or f.field == field)]


def _has_pain_outcome(study) -> bool:
    return bool(study.pain_outcome) and not study.pain_outcome.startswith(NO_PAIN)


# ---------------------------------------------------------------- the counts in the document

def test_the_document_states_the_counts_of_the_files(lib, excluded, doc_counts):
    assert doc_counts["included in studies.json"] == len(lib.studies)
    assert doc_counts["excluded in excluded.json"] == len(excluded)
    assert doc_counts["exercise studies cited in the seeds"] == len(lib.studies) + len(excluded)
    reasons = Counter(entry["reason"].split(":")[0] for entry in excluded)
    assert set(reasons) <= set(REASONS)
    for prefix, label in REASONS.items():
        assert doc_counts[label] == reasons.get(prefix, 0), label


def test_the_document_counts_studies_by_review(lib, doc_counts):
    reviews = Counter(tuple(sorted({src.review for src in s.sources})) for s in lib.studies)
    assert doc_counts["included, cited by He et al. 2024 only"] == reviews[("he-2024",)]
    assert doc_counts["included, cited by Ghanbari 2025 only"] == reviews[("ghanbari-2025",)]
    assert doc_counts["included, cited by both reviews"] == reviews[("ghanbari-2025", "he-2024")]
    assert doc_counts["included with an off-topic flag"] == sum(1 for s in lib.studies if not s.is_pain_study)


# ---------------------------------------------------------------- excluded.json

def test_excluded_entries_are_complete(excluded):
    for entry in excluded:
        assert set(entry) == {"first_author", "year", "reference", "sources", "reason"}, entry
        assert entry["first_author"] and 1900 < entry["year"] < 2100 and len(entry["reference"]) > 30, entry
        assert entry["reason"].split(":")[0] in REASONS and len(entry["reason"]) > 40, entry
        assert entry["sources"], entry
        for src in entry["sources"]:
            assert src["review"] in ("he-2024", "ghanbari-2025") and LOCATION.match(src["location"]), entry


def test_no_excluded_study_is_also_in_the_library(lib, excluded):
    included = {(s.first_author.casefold(), s.year) for s in lib.studies}
    titles = [_squash(s.title) for s in lib.studies if s.title]
    for entry in excluded:
        assert (entry["first_author"].casefold(), entry["year"]) not in included, entry["reference"]
        reference = _squash(entry["reference"])
        assert not any(title in reference for title in titles), entry["reference"]


def test_excluded_entries_are_not_listed_twice(excluded):
    keys = [_squash(entry["reference"]) for entry in excluded]
    assert len(keys) == len(set(keys))


# ---------------------------------------------------------------- the rule, study by study

def test_every_study_is_an_original_exercise_study_from_the_seeds(lib):
    for s in lib.studies:
        assert s.origin == "library", s.id
        assert s.title and not REVIEW_WORDS.search(s.title), f"{s.id}: a review is not an original study"
        if s.exercise.type == "other":  # any other type names the exercise itself
            assert EXERCISE_WORDS.search(s.exercise.protocol), f"{s.id}: the protocol names no exercise"
        assert s.sources, s.id
        for src in s.sources:
            assert src.review in ("he-2024", "ghanbari-2025"), s.id
            assert LOCATION.match(src.location), f"{s.id}: location {src.location!r}"
        assert s.reference, f"{s.id}: the reference as listed is missing"


def test_every_study_meets_one_arm_of_the_rule(lib):
    """(a) a neuropathic pain model or condition (an etiology, or a model the seeds call neuropathic), or
    (b) cited about exercise and pain: a pain outcome, a finding on a mechanism, or a citation in a place where
    a review discusses a mechanism."""
    mechanism_places = {(src.review, src.location) for m in lib.mechanisms for src in m.sources}
    for s in lib.studies:
        arm_a = bool(s.etiologies) or "neuropath" in s.model.lower()
        arm_b = (_has_pain_outcome(s) or bool(s.findings)
                 or any((src.review, src.location) in mechanism_places for src in s.sources))
        assert arm_a or arm_b, f"{s.id} meets neither arm of the inclusion rule"


def test_off_topic_means_no_neuropathic_pain_model_or_no_pain_outcome(lib):
    for s in lib.studies:
        if not _has_pain_outcome(s):
            assert _flags(s, "off-topic"), f"{s.id}: no pain outcome but no off-topic flag"
        for flag in _flags(s, "off-topic"):
            assert flag.field in ("model", "pain_outcome"), f"{s.id}: off-topic names what is missing"


def test_not_treadmill_flag_marks_exactly_the_non_treadmill_studies(lib):
    for s in lib.studies:
        assert bool(_flags(s, "not-treadmill", "exercise.type")) == (s.exercise.type != "treadmill"), s.id


def test_human_studies_carry_a_graded_note(lib):
    for s in lib.studies:
        assert s.evidence_note and f"OCEBM 2011 level {s.evidence_level}" in s.evidence_note, s.id
        if s.species == "human":
            assert "human" in s.evidence_note.lower(), s.id


def test_species_left_empty_is_flagged(lib):
    for s in lib.studies:
        if s.species is None:
            assert _flags(s, "not-reported", "species") or _flags(s, "conflict", "species"), s.id


def test_title_findings_are_in_the_title(lib):
    for s in lib.studies:
        for f in s.findings:
            if f.stated_in != "title":
                continue
            title = _squash(s.title)
            words = [w for w in re.findall(r"[0-9a-zα-ω]+", f.marker.lower()) if len(w) >= 4]
            assert _squash(f.marker) in title or any(w in title for w in words), (s.id, f.marker)


# ---------------------------------------------------------------- models: one short name per model

def test_every_study_keeps_the_model_as_reported(lib):
    for s in lib.studies:
        assert s.model_reported, f"{s.id}: model_reported missing"


def test_model_names_are_short_and_shared(lib):
    names = {s.model for s in lib.studies}
    for name in names:
        assert len(name) <= 60, name
        assert not re.search(r"Section|\(title\)|Table \d", name), f"model name carries a source: {name!r}"
    squashed = Counter(_squash(name) for name in names)
    assert not [n for n, k in squashed.items() if k > 1], "two model names differ only in case or punctuation"


def test_the_seed_models_have_one_name_each(lib):
    by_id = {s.id: s for s in lib.studies}
    assert {by_id[i].model for i in ("chen-2012", "cobianchi-2010", "sumizono-2018")} == {"CCI of the sciatic nerve"}
    assert by_id["kami-2016-gaba"].model == "PSL"  # Cho 2021's "PSL Mice" repeats Kami's cell (He 3.2: PNI)
    assert by_id["cho-2021"].model == "Sciatic nerve injury (type not stated)"
    assert {by_id[i].model for i in ("hutchinson-2004", "nees-2016")} == {"Spinal cord contusion"}
    assert {by_id[i].model for i in ("souza-2017", "saffar-kohneh-quchan-2025")} == {"EAE"}
    assert by_id["yamaoka-2017"].model == "SNL"
    # Streptozotocin appears in the seeds only as an injection into the brain, never as a diabetes model.
    assert not [s.id for s in lib.studies if "streptozotocin" in s.model.lower() and s.etiologies]


@pytest.mark.parametrize(("mechanism", "where"), [
    ("glutamate-nmda", "In rats and mice:"), ("gene-expression", "In rats:"), ("descending-modulation", "In rodents:"),
    ("noradrenaline", "In mice:")])
def test_a_mechanism_shown_beside_the_studies_says_whose_evidence_it_is(lib, mechanism, where):
    """Step 2's 'Exercise:' sentence stated rodent findings as facts about exercise ('reduces NR1 phosphorylation,
    so fewer pain signals pass'), where the reviews say 'it has been reported (studies on rats and mice)'."""
    effect = next(m for m in lib.mechanisms if m.id == mechanism).exercise_effect
    assert effect.startswith(where)


def test_where_the_reviews_disagree_on_a_mechanism_it_is_flagged(lib):
    flagged = {m.id: " ".join(f.message for f in m.flags if f.code == "conflict") for m in lib.mechanisms}
    assert all(study in flagged["oxidative-stress"] for study in ("Moflehi (ref 56)", "Wang and Huang (ref 57)"))
    assert "reversing BDNF overexpression" in flagged["gene-expression"]


def test_a_finding_credited_to_several_studies_at_once_is_not_called_a_disagreement(lib):
    """Seen in review: 'credits it jointly to refs 28 and 103-107' was flagged `conflict`, which the window shows as
    'Sources disagree on findings', though nothing in the reviews disagrees."""
    for study in lib.studies:
        for flag in study.flags:
            if "which study showed" in flag.message.lower():
                assert flag.code == "shared", (study.id, flag.message)
    shared = {study.id for study in lib.studies for flag in study.flags if flag.code == "shared"}
    assert {"groover-2013", "bobinski-2018", "lopez-alvarez-2015"} <= shared


def test_chen_2012_speed_is_compared_with_the_next_fastest_pain_study_as_it_is(lib):
    """The flag said 30 m/min was 'almost twice' the next-fastest pain study's 12 m/min: it is 2.5 times."""
    chen = next(s for s in lib.studies if s.id == "chen-2012")
    others = [s for s in lib.studies if s.is_pain_study and s.id != chen.id and s.exercise.speed_m_per_min]
    fastest = max(others, key=lambda s: s.exercise.speed_m_per_min)
    message = next(f.message for f in chen.flags if f.code == "implausible")
    ratio = chen.exercise.speed_m_per_min / fastest.exercise.speed_m_per_min
    assert f"is {ratio:g} times the next-fastest pain study in the library ({fastest.named}, " \
           f"{fastest.exercise.speed_m_per_min:g} m/min)" in message


@pytest.mark.parametrize(("etiology", "words"), [("post-stroke-pain", ["harness"]),
                                                  ("parkinsons-pain", ["harness", "Freezing of gait"]),
                                                  ("spinal-cord-injury", ["harness", "autonomic dysreflexia"])])
def test_each_etiology_page_names_the_safety_points_the_clinical_brief_gives_it(lib, etiology, words) -> None:
    """Seen in review: the brief's stroke and Parkinson's safety points name a harness, which only the plan's
    warnings said; the etiology page, read first, named falls alone."""
    safety = " ".join(point.text for point in next(e for e in lib.etiologies if e.id == etiology).safety)
    assert all(word in safety for word in words), (etiology, safety)


def test_every_finding_says_which_of_its_studys_sources_states_it(lib):
    """A study listed every place it is cited but not which of them gives each finding: López-Álvarez 2015's two
    "BDNF ↓" differ only by site, and a clinician could not tell where either came from (library 2026.12.7)."""
    for s in lib.studies:
        for f in s.findings:
            assert bool(f.sources) is (f.stated_in == "review"), (s.id, f.marker)
    by_id = {s.id: s for s in lib.studies}
    kami, mu, chen = by_id["kami-2016-gaba"], by_id["mu-2022"], by_id["chen-2012"]
    # He 3.2 says exercise 'maintain[s]' Kami's GABA and GAD65/67: no direction, so the rises are Table 1's alone
    assert [kami.where_stated(f) for f in kami.findings] == ["He et al. 2024, Table 1, row 6"] * 2
    assert mu.where_stated(mu.findings[0]) == "He et al. 2024, Table 1, row 4 and Section 3.1"
    assert chen.where_stated(chen.findings[0]) == ("He et al. 2024, Table 1, row 1 and Section 3.1; Ghanbari 2025, "
                                                   "Section 1.5")
    assert chen.where_stated(chen.findings[2]) == "the study's title"


def test_a_studys_findings_in_short_name_each_marker_and_direction_once(lib):
    """Seen in review: Binda 2020 read "MOR ↑, MOR ↑" in the study table, the command line and the clinician pages,
    its one rise placed by He et al. 2024 at the opioid receptor and by Ghanbari in the PAG."""
    by_id = {s.id: s for s in lib.studies}
    assert len(by_id["binda-2020"].findings) == 2
    assert by_id["binda-2020"].findings_listed() == "MOR ↑"
    assert by_id["chen-2012"].findings_listed().startswith("TNF-α ↓, ")
    for s in lib.studies:
        arrows = sum(s.findings_listed().count(arrow) for arrow in "↑↓=")
        assert arrows == len({(f.marker, f.direction) for f in s.findings}), s.id


def test_every_studys_risk_of_bias_is_said_to_be_not_assessed_by_the_tool_for_its_kind(lib):
    """The clinical brief grades animal studies with SYRCLE and trials with PEDro; neither review reports either, so
    each study says it is not assessed (seen in review: the level alone was shown, 5 for every animal study)."""
    for s in lib.studies:
        assert s.risk_of_bias.startswith("not assessed: ") and "(the two reviews do not report them)" in s.risk_of_bias
        assert ("PEDro" in s.risk_of_bias) is (s.species in ("human", None)), s.id  # not stated: either tool
        assert ("doi:10.1186/1471-2288-14-43" in s.risk_of_bias) is (s.species != "human"), s.id
    imported = lib.studies[0].model_copy(update={"origin": "local"})  # a clinic's: the reviews are not its source
    assert "reviews" not in imported.risk_of_bias


def test_a_findings_sources_are_places_in_its_own_studys_sources(lib):
    from pydantic import ValidationError

    from core.evidence.models import Study

    kami = next(s for s in lib.studies if s.id == "kami-2016-gaba").model_dump()
    for sources, stated_in in (([3], "review"), ([2, 0], "review"), ([0, 0], "review"), ([0], "title")):
        broken = {**kami, "findings": [{**kami["findings"][0], "sources": sources, "stated_in": stated_in}]}
        with pytest.raises(ValidationError, match="finding 1"):
            Study.model_validate(broken)


def test_a_mechanisms_filter_finds_the_studies_its_card_rests_on(lib) -> None:
    """Seen in review: --mechanism cannabinoid found no study, though its card's claim is Martins 2017's (Ghanbari
    1.3: "administration of AM 281, CB1 receptor antagonist, before exercise inhibited EIH in male mice [87]"); and
    --mechanism opioid left out Binda 2020, whose MOR rise He et al. 2024's Table 1 files under "Opioid receptor"."""
    def under(mechanism: str) -> set[str]:
        return {s.id for s in lib.studies if any(f.mechanism == mechanism for f in s.findings)}

    assert "martins-2017" in under("cannabinoid")
    assert "binda-2020" in under("opioid") and "binda-2020" in under("descending-modulation")


def test_the_neurotrophin_and_oxidative_stress_cards_say_what_the_pain_studies_found(lib) -> None:
    """Seen in review: "one study (López-Álvarez 2015) shows exercise easing pain by lowering NGF and BDNF", over a
    filter listing Bobinski 2018's β-NGF fall; and acute exercise's ROS without the pain sensitivity Ghanbari 1.2
    warns of ("may temporarily increase ROS and exacerbate pain sensitivity")."""
    cards = {m.id: m for m in lib.mechanisms}
    neurotrophins = cards["neurotrophic-factors"]
    assert "In animal studies" in neurotrophins.exercise_effect and "Bobinski 2018" in neurotrophins.exercise_effect
    assert ("he-2024", "Section 3.3") in {(s.review, s.location) for s in neurotrophins.sources}
    assert "pain sensitivity" in cards["oxidative-stress"].exercise_effect


def test_a_flag_on_a_finding_names_one_that_has_what_it_flags(lib) -> None:
    """Seen in review: a finding put before Binda 2020's PAG finding left its flag, "findings[0].site", on a finding
    with no site, and the PAG finding unflagged."""
    for study in lib.studies:
        for flag in study.flags:
            if found := re.fullmatch(r"findings\[(\d+)\]\.(\w+)", flag.field):
                index, attribute = int(found[1]), found[2]
                assert index < len(study.findings) and getattr(study.findings[index], attribute), (study.id, flag)


def test_which_of_cobianchi_2010s_arms_fell_in_glia_is_said(lib, excluded) -> None:
    """Seen in a check against the seeds: He 3.1's "after short-term treadmill exercise", the one word that says which
    of Cobianchi 2010's two arms fell in microglia and astrocytes, was left out of its flag on the arms; an exclusion
    read "Sections 1 and 3. of He"."""
    cobianchi = next(study for study in lib.studies if study.id == "cobianchi-2010")
    assert any("'after short-term treadmill exercise'" in flag.message for flag in cobianchi.flags)
    assert not [entry for entry in excluded if re.search(r"\d\. of ", entry["reason"])]
