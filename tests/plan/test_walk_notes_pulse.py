"""A walking pulse above the moderate range the patient's age would give, where heart rate sets no target (seen by a
clinic's tester: 150 bpm at RPE 12 for a 67-year-old on a beta-blocker was logged without a word, while a patient
with a target was told of a pulse above it)."""

from __future__ import annotations

from core.plan.engine import compute_plan
from core.records.models import PlanVersion
from tests.plan.profiles import profile
from tests.plan.test_walk_notes import BEGAN, walk


def version_of(patient) -> list[PlanVersion]:
    return [PlanVersion(id=1, patient_id=1, version=1, uid="v1", profile=patient, plan=compute_plan(patient, []),
                        overrides=[], guidelines_version="test", created_by="Dr A",
                        created_at=f"{BEGAN.isoformat()}T10:00:00+00:00")]


def pulse_notes(patient, heart_rate: int) -> list[str]:
    walked = walk(1, 1, 1).model_copy(update={"heart_rate": heart_rate})
    return [note for note in walked.notes_in(version_of(patient), [walked]) if "heart rate" in note.lower()]


def test_a_pulse_above_the_range_heart_rate_would_give_is_questioned_where_it_sets_no_target() -> None:
    beta = profile(age=67, resting_hr=70, beta_blocker=True)  # Tanaka 161: moderate 107-123
    assert compute_plan(beta, []).intensity.target_hr is None
    assert pulse_notes(beta, 150) == [
        "The heart rate, 150 bpm, is above 107-123 bpm, the moderate range (40-59% of heart-rate reserve, ACSM) this "
        "patient's age and resting heart rate would give (Tanaka: 208 - 0.7 x age), though heart rate sets no target "
        "for them: beta-blockers blunt the heart-rate response (maximal heart rate can fall by 20-30%). Check the "
        "reading, and ask how the walk felt (a product default: a pulse above that range is asked about)."]
    assert pulse_notes(beta, 123) == []  # within it
    measured = profile(age=67, resting_hr=70, beta_blocker=True, measured_hr_max=130)
    assert "the measured peak" in pulse_notes(measured, 120)[0]


def test_a_patient_with_a_target_gets_no_such_note() -> None:
    plain = profile(age=67, resting_hr=70)
    assert compute_plan(plain, []).intensity.target_hr is not None
    assert pulse_notes(plain, 150) == []  # the course flags a pulse above the week's target
