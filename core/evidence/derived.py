"""What an etiology's entry says about its animal studies, derived from the study records.

Never written by hand, so the entry cannot contradict the studies: storage fills these in whenever
the library is installed or a clinic imports studies.
"""

from __future__ import annotations

from core.evidence.dosing import is_animal_treadmill, lends_structure, with_other_treatment
from core.evidence.models import AnimalModel, Etiology, Study


def _is_animal(study: Study) -> bool:
    return study.species != "human"


def _names(studies: list[Study]) -> str:
    return ", ".join(s.named for s in studies)


def animal_models_of(etiology_id: str, studies: list[Study]) -> list[AnimalModel]:
    """The animal models of an etiology, as its animal pain studies used them, in order of first use."""
    models: dict[str, list[Study]] = {}
    for study in sorted(studies, key=lambda s: (s.year, s.id)):
        if etiology_id in study.etiologies and _is_animal(study) and study.is_pain_study:
            models.setdefault(study.model, []).append(study)
    return [AnimalModel(name=name, study_ids=[s.id for s in used], studies=[s.named for s in used])
            for name, used in models.items()]


def no_animal_treadmill_note(etiology_id: str, studies: list[Study]) -> str | None:
    """A plain sentence when no animal treadmill study of pain backs this etiology, naming what there is."""
    mine = sorted((s for s in studies if etiology_id in s.etiologies and _is_animal(s)), key=lambda s: (s.year, s.id))
    if any(lends_structure(s) for s in mine):
        return None
    combined = [s for s in mine if with_other_treatment(s)]
    parts = ["The library holds no animal treadmill study of pain "
             + ("that tested exercise alone " if combined else "")
             + "for this etiology, so the plan borrows no structure from animal studies."]
    if combined:
        parts.append("Its animal treadmill studies of pain gave exercise together with another treatment, so their "
                     f"effect is not exercise's alone: {_names(combined)}.")
    treadmill_no_pain = [s for s in mine if is_animal_treadmill(s) and not s.is_pain_study]
    if treadmill_no_pain:
        parts.append(f"Its animal treadmill studies measured no pain outcome: {_names(treadmill_no_pain)}.")
    other = [s for s in mine if not is_animal_treadmill(s) and s.is_pain_study]
    if other:
        kinds = sorted({s.exercise.type for s in other})
        parts.append(f"Animal pain studies with other exercise ({', '.join(kinds)}): {_names(other)}.")
    return " ".join(parts)


def with_study_facts(etiology: Etiology, studies: list[Study]) -> Etiology:
    """The entry as installed: the hand-written text plus what its studies say."""
    return etiology.model_copy(update={
        "animal_models": animal_models_of(etiology.id, studies),
        "no_animal_treadmill_note": no_animal_treadmill_note(etiology.id, studies),
        "not_of_neuropathic_pain": not_of_neuropathic_pain(etiology.id, studies),
    })


def not_of_neuropathic_pain(etiology_id: str, studies: list[Study]) -> list[str]:
    """The etiology's studies, animal or human, that are not studies of neuropathic pain: no pain model or no pain
    outcome (flagged off-topic), by author and year. Counted among its studies, they are not evidence on its pain (seen
    in a check against the seeds: post-stroke pain's "5 studies" had none of its pain). Said as the flags say it, never
    as studies that measured pain: a study not flagged may still report no pain result, and a clinic's own studies
    carry no flags."""
    return [s.named for s in sorted(studies, key=lambda s: (s.year, s.id))
            if etiology_id in s.etiologies and not s.is_pain_study]
