"""Small, hand-made evidence libraries for tests that must not depend on the curated data."""

from __future__ import annotations

from core.evidence.models import (
    Certainty, Citation, Etiology, EvidenceLibrary, ExerciseDosing, Finding, LibraryManifest, Mechanism, SafetyPoint,
    SourceLocation, Study,
)


def etiology(etiology_id: str, name: str) -> Etiology:
    return Etiology(
        id=etiology_id, name=name, description=f"{name} for tests.",
        description_source=Citation(label="Test 2019, J Test", doi="10.1000/test-description"),
        human_evidence="No human treadmill trial in this test library.",
        human_citations=[Citation(label="Test 2020, J Test", doi="10.1000/test")],
        human_certainty=Certainty(rating=None, why="No trial in this test library to rate.",
                                  citation=Citation(label="Balshem H et al. 2011, J Clin Epidemiol")),
        safety=[SafetyPoint(text="Check the feet every day.", citation=Citation(label="Test 2020"))],
    )


def mechanism(mechanism_id: str, name: str) -> Mechanism:
    return Mechanism(
        id=mechanism_id, name=name, summary=f"{name}: a summary long enough for tests.", markers=["TNF-α"],
        exercise_effect="Exercise lowers it.", pathways=[], sources=[SourceLocation(review="he-2024", location="Section 3.1")],
    )


def study(study_id: str, author: str, year: int, *, etiologies=("peripheral-nerve-injury",), speed=10.0,
          minutes=(30.0, 30.0), days=5, weeks=2.0, species="rat", markers=(("TNF-α", "down", "neuroinflammation"),),
          exercise_type="treadmill", speed_reported="10 m/min", title=None, model="CCI") -> Study:
    return Study(
        id=study_id, first_author=author, year=year, title=title, species=species, model=model,
        etiologies=list(etiologies),
        exercise=ExerciseDosing(type=exercise_type, speed_reported=speed_reported, speed_m_per_min=speed,
                                minutes_per_session=minutes, days_per_week=days, weeks=weeks, protocol="as reported"),
        findings=[Finding(marker=m, direction=d, mechanism=mech) for m, d, mech in markers],
        sources=[SourceLocation(review="he-2024", location="Table 1, row 1")], evidence_level=5,
    )


def library(studies: list[Study] | None = None, version: str = "2026.1.1") -> EvidenceLibrary:
    return EvidenceLibrary(
        manifest=LibraryManifest(library_version=version, schema_version=1, description="test library"),
        etiologies=[etiology("peripheral-nerve-injury", "Peripheral nerve injury"),
                    etiology("spinal-cord-injury", "Spinal cord injury"),
                    etiology("trigeminal-neuropathy", "Trigeminal neuropathy")],
        mechanisms=[mechanism("neuroinflammation", "Neuroinflammation and glia"),
                    mechanism("bdnf-trkb", "BDNF and TrkB signalling")],
        studies=studies if studies is not None else [
            study("chen-2012", "Chen", 2012, title="Treadmill exercise and cytokines", speed=30.0),
            study("kami-2016", "Kami", 2016, speed=7.0, minutes=(10.0, 60.0), species="mouse",
                  markers=(("GAD65/67", "up", "bdnf-trkb"),)),
            study("li-2020", "Li", 2020, etiologies=("spinal-cord-injury",), speed=6.0, days=5, weeks=4.0,
                  markers=(("BDNF", "down", "bdnf-trkb"), ("IL-1β", "down", "neuroinflammation"))),
            study("mu-2022", "Mu", 2022, etiologies=(), speed=None, speed_reported="18 m/s", model="AD"),
        ],
    )
