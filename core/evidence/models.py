"""The evidence library's data: etiologies, mechanisms and studies.

Every curated fact keeps what the source said (``*_reported``) beside the value we normalised,
and a flag names any field where the sources disagree or a value looks wrong. Nothing is
corrected silently: a normalised value we cannot trust is ``None`` with a flag saying why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.citing import cited

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=80)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# after a finding's arrow where the sources disagree on its direction, or on whose finding it is (Study.disputed); said
# where it is printed
DISPUTED = "?"
FINDING_FIELD = re.compile(r"findings\[(\d+)\]\.(\w+)")  # a flag's field naming a finding's fact: findings[0].direction
DISPUTED_KEY = "? after an arrow: the sources disagree on that finding, its direction or whose it is (see the flags)"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    NO_CHANGE = "no change"

    @property
    def arrow(self) -> str:
        return {"up": "↑", "down": "↓", "no change": "="}[self.value]


class FlagCode(StrEnum):
    """Kinds of data-quality problem a curator can raise on a field."""

    CONFLICT = "conflict"  # two places in the sources give different values
    IMPLAUSIBLE = "implausible"  # a value that cannot be right as printed (e.g. 18 m/s for a mouse)
    UNIT_UNCLEAR = "unit-unclear"  # unit missing or ambiguous; converted with an assumption
    NOT_REPORTED = "not-reported"  # the sources do not give it
    REFERENCE = "reference"  # reference list problem: DOI missing, wrong or mismatched
    OFF_TOPIC = "off-topic"  # not a study of neuropathic pain: no pain model, or no pain outcome
    NOT_TREADMILL = "not-treadmill"  # the exercise is not treadmill running or walking
    CO_INTERVENTION = "co-intervention"  # exercise given with another treatment: its effect is not exercise's alone
    SHARED = "shared"  # a review credits a finding to several studies at once: which one showed it is not stated


class Flag(Strict):
    code: FlagCode
    field: str = Field(min_length=1, description="dotted path of the field, e.g. exercise.speed_m_per_min")
    message: str = Field(min_length=10)


class Citation(Strict):
    """A human-evidence or safety source shown in the product (cite the DOI, not the brief)."""

    label: str = Field(min_length=3, description="e.g. 'Kluding 2015, Phys Ther 95:223-234'")
    doi: str | None = None
    unverified: bool = False

    def cited(self) -> str:
        return cited(self.label, self.doi, self.unverified)


REVIEW_NAMES = {"he-2024": "He et al. 2024", "ghanbari-2025": "Ghanbari 2025", "local-import": "Imported by the clinic"}


class SourceLocation(Strict):
    review: Literal["he-2024", "ghanbari-2025", "local-import"]
    location: str = Field(min_length=3, description="e.g. 'Table 1, row 6' or 'Section 3.2'")


class Finding(Strict):
    marker: str = Field(min_length=1, description="as printed, Greek letters as Unicode: TNF-α, IL-1β")
    direction: Direction
    mechanism: Slug = Field(description="id of a Mechanism")
    site: str | None = Field(default=None, description="tissue or region, e.g. 'spinal dorsal horn'")
    stated_in: Literal["review", "title"] = Field(
        default="review", description="where the finding is stated: the review text or table, or the study's own title"
    )
    sources: list[int] = Field(default_factory=list, description=(
        "which of the study's sources state the finding (its marker and direction), by their place in the study's "
        "sources counted from 0; empty for a finding stated in the title, and for one a clinic imported"))


RODENT_TOP_M_PER_MIN = 60


class ExerciseDosing(Strict):
    type: Literal[
        "treadmill", "voluntary wheel", "swimming", "resistance", "aerobic (unspecified)", "other"
    ]
    speed_reported: str | None = None
    # up to a person's run, 18 km/h (seen in review: at most 60, a rodent treadmill's, refused a human walking trial's
    # 4 km/h, 66.7 m/min, that a clinic imported)
    speed_m_per_min: float | None = Field(default=None, gt=0, le=300)
    minutes_per_session: tuple[float, float] | None = None
    sessions_per_day: int | None = Field(default=None, ge=1, le=4)
    days_per_week: int | None = Field(default=None, ge=1, le=7)
    weeks: float | None = Field(default=None, gt=0, le=260)
    incline_percent: float | None = None
    protocol: str = Field(min_length=3, description="the protocol in words, as reported")

    @property
    def kind(self) -> str:
        """The type in a table's few letters (seen in a check: swimming and resistance studies listed among treadmill
        studies with nothing to tell them apart but a flag's count)."""
        return {"voluntary wheel": "wheel", "aerobic (unspecified)": "aerobic"}.get(self.type, self.type)

    @field_validator("minutes_per_session")
    @classmethod
    def _ordered_range(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and not (0 < value[0] <= value[1] <= 600):
            raise ValueError("minutes_per_session must be [low, high] with 0 < low <= high <= 600")
        return value


# The risk-of-bias tools the clinical brief names beside the OCEBM level.
SYRCLE = ("SYRCLE's tool for animal studies (10 items, each low, high or unclear risk; Hooijmans 2014, "
          "doi:10.1186/1471-2288-14-43)")
PEDRO = "the PEDro scale for trials (0-10)"


class Study(Strict):
    id: Slug
    first_author: str = Field(min_length=1, max_length=120)
    year: int = Field(ge=1950, le=2100)
    title: str | None = None
    journal: str | None = None
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    reference: str | None = Field(default=None, description="the full reference as listed")
    species: Literal["rat", "mouse", "human", "other"] | None
    species_reported: str | None = None
    strain: str | None = None
    model: str = Field(min_length=2, description="animal model, short and shared by studies of the same model: CCI, PSL")
    model_reported: str | None = Field(default=None, description="the model as the sources describe it")
    etiologies: list[Slug] = Field(default_factory=list)
    exercise: ExerciseDosing
    findings: list[Finding] = Field(default_factory=list)
    pain_outcome: str | None = None
    sources: list[SourceLocation] = Field(min_length=1)
    evidence_level: int = Field(ge=1, le=5, description="OCEBM 2011; animal studies are level 5")
    evidence_note: str | None = None
    flags: list[Flag] = Field(default_factory=list)
    origin: Literal["library", "local"] = "library"

    @property
    def named(self) -> str:
        """The study as a clinician knows it: "Chen 2015"."""
        return f"{self.first_author} {self.year}"

    def where_stated(self, finding: Finding) -> str:
        """Where a finding of this study comes from, as a clinician would look it up: "He et al. 2024, Table 1, row 6
        and Section 3.2", "the study's title", or "" where the study does not say (a clinic's own import)."""
        if finding.stated_in == "title":
            return "the study's title"
        places: dict[str, list[str]] = {}
        for place in finding.sources:
            source = self.sources[place]
            places.setdefault(REVIEW_NAMES[source.review], []).append(source.location)
        return "; ".join(f"{review}, {' and '.join(locations)}" for review, locations in places.items())

    @property
    def risk_of_bias(self) -> str:
        """Not assessed, said rather than left out (seen in review: the level alone, 5 for every animal study, could not
        tell a well-run study from a poor one): judging it needs the study's own methods, which the library lacks."""
        tool = {"human": PEDRO, None: f"{SYRCLE}, or {PEDRO}"}.get(self.species, SYRCLE)  # species not stated: either
        given = " (the two reviews do not report them)" if self.origin == "library" else ""
        return (f"not assessed: {tool} judges the study's own methods, which the library does not hold{given}; read "
                "the study before leaning on it")

    @property
    def markers(self) -> list[tuple[str, Direction]]:
        """Each marker and direction once, in the study's order; the study's detail lists where each is (seen in
        review: Binda 2020 read "MOR ↑, MOR ↑", its one rise placed by one review at the opioid receptor, by the
        other in the PAG)."""
        return list(dict.fromkeys((f.marker, f.direction) for f in self.findings))

    @property
    def disputed(self) -> set[tuple[str, Direction]]:
        """The markers whose direction the sources disagree on (a conflict flag on ``findings[N].direction``; seen in a
        check against the seeds: Bobinski 2018's "IL-4 ↓" stood unmarked in the table, its flag saying it may be a
        table error), or whose study (on ``findings[N].marker``: Cho 2021's GABA ↑, perhaps the Kami 2016 row's, stood
        unmarked, its flag on the findings as a whole)."""
        return {(self.findings[place].marker, self.findings[place].direction) for place in self.disputed_places}

    @property
    def disputed_places(self) -> set[int]:
        """The places in ``findings`` of those ``disputed`` names (two findings may share a marker and arrow: Binda
        2020's MOR ↑, one placed in the PAG)."""
        return {place for flag in self.flags if flag.code == FlagCode.CONFLICT
                and (found := FINDING_FIELD.fullmatch(flag.field)) and found[2] in ("direction", "marker")
                and (place := int(found[1])) < len(self.findings)}

    def findings_listed(self, disputed: str = DISPUTED, *, direction: Callable[[Direction], str] = lambda d: d.arrow,
                        marker: Callable[[str], str] = str) -> str:
        """"MOR ↑, TNF-α ↓", each direction the sources disagree on followed by ``disputed``: "IL-4 ↓?" in the tables,
        "IL-4 down (the sources disagree ...)" where there is room; ``direction`` and ``marker`` as each shows them."""
        doubted = self.disputed
        return ", ".join(f"{marker(name)} {direction(way)}{disputed * ((name, way) in doubted)}"
                         for name, way in self.markers)

    @property
    def is_pain_study(self) -> bool:
        """A study of neuropathic pain: a pain model with a pain outcome (no ``off-topic`` flag)."""
        return not any(flag.code == FlagCode.OFF_TOPIC for flag in self.flags)

    @model_validator(mode="after")
    def _findings_name_the_studys_own_sources(self) -> Study:
        for number, finding in enumerate(self.findings, start=1):
            if finding.sources and finding.stated_in == "title":
                raise ValueError(f"finding {number} is stated in the title, so it names none of the sources")
            if finding.sources != sorted(set(finding.sources)) or not all(
                    0 <= place < len(self.sources) for place in finding.sources):
                count = len(self.sources)
                allowed = "0, its only source" if count == 1 else f"0 to {count - 1}, for its {count} sources"
                raise ValueError(f"finding {number}'s sources must be places in the study's sources counted from 0 "
                                 f"({allowed}), each once and in order")
        return self

    @model_validator(mode="after")
    def _a_rodents_speed(self) -> Study:
        """A rat's or mouse's treadmill above 60 m/min (3.6 km/h) is a unit slipped (m/s, km/h), not a rodent's run
        (the shipped studies reach 30): the limit every study had before a person's walk was let in."""
        speed = self.exercise.speed_m_per_min
        if self.species in ("rat", "mouse") and speed is not None and speed > RODENT_TOP_M_PER_MIN:
            raise ValueError(f"speed_m_per_min: {speed:g} m/min is not a {self.species}'s treadmill speed; "
                             f"allowed for rats and mice: at most {RODENT_TOP_M_PER_MIN} (3.6 km/h); check the units")
        return self

    @model_validator(mode="after")
    def _treadmill_flag_matches_type(self) -> Study:
        if self.exercise.type == "treadmill" and any(flag.code == FlagCode.NOT_TREADMILL for flag in self.flags):
            raise ValueError("a treadmill study cannot carry a 'not-treadmill' flag")
        return self


class SafetyPoint(Strict):
    text: str = Field(min_length=10)
    citation: Citation


class AnimalModel(Strict):
    """An animal model of an etiology, with the library's pain studies that used it (its sources)."""

    name: str = Field(min_length=2)
    study_ids: list[Slug] = Field(min_length=1)
    studies: list[str] = []  # the same studies as the clinician knows them ("Chen 2013"); stored since library 2026.12.4


class Certainty(Strict):
    """How certain the evidence in people is that exercise eases this pain, rated the GRADE way (the clinical brief's
    evidence grading: high, moderate, low or very low), with why; None where there is no evidence in people on this
    pain to rate."""

    rating: Literal["high", "moderate", "low", "very low"] | None
    why: str = Field(min_length=10)
    citation: Citation


class Etiology(Strict):
    id: Slug
    name: str = Field(min_length=3)
    description: str = Field(min_length=10)
    description_source: Citation
    animal_models: list[AnimalModel] = Field(
        default_factory=list, description="derived from the studies when installed (core/evidence/derived.py)"
    )
    human_evidence: str = Field(min_length=10)
    human_citations: list[Citation] = Field(min_length=1)
    human_certainty: Certainty | None = None  # none in a library stored before 2026.12.13 (read as stored)
    safety: list[SafetyPoint]
    no_animal_treadmill_note: str | None = Field(
        default=None, description="derived from the studies when installed (core/evidence/derived.py)"
    )
    # derived too: its studies that are not of neuropathic pain (flagged off-topic), by author and year; None in an
    # entry stored before library 2026.12.17
    not_of_neuropathic_pain: list[str] | None = Field(
        default=None, description="derived from the studies when installed (core/evidence/derived.py)"
    )


class Mechanism(Strict):
    id: Slug
    name: str = Field(min_length=3)
    summary: str = Field(min_length=20)
    markers: list[str]
    exercise_effect: str = Field(min_length=10, description="direction of exercise's effect, in words")
    pathways: list[str]
    exercise_types: list[str] = Field(default_factory=list)
    sources: list[SourceLocation]
    flags: list[Flag] = Field(default_factory=list)

    @property
    def cited_in(self) -> str:
        """"Ghanbari 2025 Section 1.3; Ghanbari 2025 Table 1": where the reviews give it."""
        return "; ".join(f"{REVIEW_NAMES[source.review]} {source.location}" for source in self.sources)


# a mechanism that no study's finding names (Ghanbari's noradrenaline), where its studies are counted
NO_STUDY_FINDING = "no study in the library reports a finding on it"


class LibraryManifest(Strict):
    library_version: str = Field(pattern=r"^\d{4}\.\d{1,2}\.\d+$")
    schema_version: int = Field(ge=1)
    description: str


class EvidenceLibrary(Strict):
    manifest: LibraryManifest
    etiologies: list[Etiology]
    mechanisms: list[Mechanism]
    studies: list[Study]

    @model_validator(mode="after")
    def _references_resolve(self) -> EvidenceLibrary:
        etiology_ids = {e.id for e in self.etiologies}
        mechanism_ids = {m.id for m in self.mechanisms}
        problems = []
        for kind, items in (("etiology", self.etiologies), ("mechanism", self.mechanisms), ("study", self.studies)):
            ids = [item.id for item in items]
            for dup in sorted({i for i in ids if ids.count(i) > 1}):
                problems.append(f"duplicate {kind} id '{dup}'")
        for etiology in self.etiologies:
            if etiology.animal_models or etiology.no_animal_treadmill_note or \
                    etiology.not_of_neuropathic_pain is not None:
                problems.append(f"etiology '{etiology.id}': animal_models, no_animal_treadmill_note and "
                                "not_of_neuropathic_pain are derived from the studies; do not write them by hand")
        for study in self.studies:
            for eid in study.etiologies:
                if eid not in etiology_ids:
                    problems.append(f"study '{study.id}': unknown etiology '{eid}'")
            for finding in study.findings:
                if finding.mechanism not in mechanism_ids:
                    problems.append(f"study '{study.id}': unknown mechanism '{finding.mechanism}'")
        if problems:
            raise ValueError("; ".join(problems))
        return self
