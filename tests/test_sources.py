"""Every sentence a clinician or patient reads can be traced to its source: the etiology entries, the
warnings and their patient wording, and the plan's structure, which only pain studies may lend."""

from __future__ import annotations

import json

import pytest

from core.evidence.dosing import dosing_summary
from core.evidence.models import Flag
from core.handout.patient_words import PATIENT_SAFETY, PULSE_REASON, TOLD_IN_THE_EFFORT_SECTION
from core.plan import guidelines as g
from core.plan.engine import compute_plan
from core.plan.evidence_link import borrowed_structure
from core.plan.warnings import CLINICIAN_ONLY, FALL_RISK, WarningCode, plan_warnings
from core.plan.screening import screen
from core.plan.intensity import plan_intensity
from core.resources import resource_path
from tests import evidence_factory as make
from tests.plan.profiles import profile

NOT_A_SOURCE = ("no study cited", "expert opinion", "todo", "clinical practice point")


def shipped_citations():
    for etiology in json.loads(resource_path("evidence", "etiologies.json").read_text(encoding="utf-8")):
        yield etiology["id"], "description", etiology["description_source"]
        for citation in etiology["human_citations"]:
            yield etiology["id"], "human evidence", citation
        for point in etiology["safety"]:
            yield etiology["id"], point["text"][:40], point["citation"]


@pytest.mark.parametrize(("etiology", "what", "citation"), list(shipped_citations()))
def test_every_etiology_statement_names_a_real_source(etiology, what, citation) -> None:
    assert not any(words in citation["label"].lower() for words in NOT_A_SOURCE), (etiology, what)
    assert citation["doi"] or citation["unverified"] or "nchpad" in citation["label"].lower(), (etiology, what)


def test_every_patient_facing_warning_has_patient_words() -> None:
    patient_facing = set(WarningCode) - CLINICIAN_ONLY
    assert patient_facing == set(PATIENT_SAFETY) | TOLD_IN_THE_EFFORT_SECTION
    assert not set(PATIENT_SAFETY) & TOLD_IN_THE_EFFORT_SECTION


def test_every_reason_the_pulse_cannot_guide_has_patient_words() -> None:
    assert set(PULSE_REASON) == set(g.HR_UNRELIABLE)


def test_no_warning_rests_on_an_unnamed_source() -> None:
    everything = profile(etiology="spinal-cord-injury", sci_level="T4", insulin_or_secretagogue=True,
                         heart_transplant=True)
    for etiology in FALL_RISK:
        level = {"sci_level": "L1", "sci_complete": False} if etiology == "spinal-cord-injury" else {}
        for candidate in (everything, profile(etiology=etiology, **level)):
            for warning in plan_warnings(candidate, screen(candidate), plan_intensity(candidate)):
                assert not any(words in warning.source.label.lower() for words in NOT_A_SOURCE), warning.code


def test_a_study_without_a_pain_outcome_lends_the_plan_nothing() -> None:
    study = make.study("lu-2021", "Lu", 2021, etiologies=("post-stroke-pain",), days=3, minutes=(30.0, 30.0))
    flag = Flag(code="off-topic", field="model", message="A stroke model with no pain outcome in the sources.")
    off_topic = study.model_copy(update={"flags": [flag]})
    structure = borrowed_structure("post-stroke-pain", [off_topic], [3, 3], 5)
    assert structure.study_ids == [] and "No animal treadmill study of pain exists" in structure.not_borrowed
    assert "Lu 2021" in structure.not_borrowed and structure.dosing.no_pain_outcome == ["Lu 2021"]
    assert dosing_summary("post-stroke-pain", [off_topic]).animal_treadmill_study_count == 0


def test_the_shipped_post_stroke_plan_borrows_nothing_from_studies_without_pain() -> None:
    from core.evidence.library import load_library
    plan = compute_plan(profile(etiology="post-stroke-pain"), load_library().studies)
    assert plan.evidence == [] and "no animal pain study" in plan.borrowed_structure.frequency
    assert "animal-dosing-context" not in {w.code for w in plan.warnings}


def test_a_treadmill_study_that_reports_no_protocol_lends_the_plan_nothing() -> None:
    """A pain study whose days, minutes and weeks the sources never give: the plan said the animal studies were set
    beside it 'for its structure' and listed 'not reported' three times."""
    silent = make.study("wu-2019", "Wu", 2019, etiologies=("spinal-cord-injury",), speed=None, speed_reported=None,
                        minutes=None, days=None, weeks=None)
    structure = borrowed_structure("spinal-cord-injury", [silent], [3, 3], 5)
    assert structure.study_ids == ["wu-2019"] and not structure.borrows and "(Wu 2019)" in structure.not_borrowed
    assert "report no frequency, session length or duration" in structure.not_borrowed
    assert "not reported" not in structure.frequency + structure.session_length


def test_a_study_of_exercise_with_another_treatment_lends_the_plan_nothing() -> None:
    """Chen 2015 gave treadmill training with insulin: its effect is the combination's, yet it was the diabetic
    plan's one animal study, listed in the clinician summary as a study behind the plan."""
    from core.evidence.library import load_library
    plan = compute_plan(profile(etiology="diabetic-neuropathy", diabetes="type2", known_disease=True),
                        load_library().studies)
    structure = plan.borrowed_structure
    assert plan.evidence == [] and not structure.borrows
    assert "No animal treadmill study of pain that tested exercise alone exists" in structure.not_borrowed
    assert "gave exercise with another treatment are not used, as their effect is not exercise's alone: Chen 2015." \
        in structure.not_borrowed
    assert structure.dosing.with_other_treatment == ["Chen 2015"]
    assert structure.dosing.animal_treadmill_study_count == 0
    assert "no animal pain study of exercise alone" in structure.frequency
    assert "animal-dosing-context" not in {w.code for w in plan.warnings}


def test_the_spinal_cord_plan_leaves_out_its_studies_with_cell_transplants() -> None:
    from core.evidence.library import load_library
    plan = compute_plan(profile(etiology="spinal-cord-injury", sci_level="L1", sci_complete=False),
                        load_library().studies)
    assert plan.evidence and not {"tashiro-2018", "dugan-2020"} & set(plan.evidence)
    assert plan.borrowed_structure.dosing.with_other_treatment == ["Tashiro 2018", "Dugan 2020"]
    assert plan.borrowed_structure.borrows  # it borrows from the others, and still says which it left out, and why
    assert "another treatment are not used, as their effect is not exercise's alone: Tashiro 2018, Dugan 2020." \
        in plan.borrowed_structure.not_borrowed


def test_a_rodent_ramp_lends_the_idea_of_ramping_not_its_pace() -> None:
    """'Session length grows gradually, as in Kami 2016, Bai 2022' read as if the plan followed their ramp, which
    went from 10 to 60 minutes a session within two weeks: the plan rises by at most 10 % a week."""
    ramped = make.study("kami-2016", "Kami", 2016, etiologies=("peripheral-nerve-injury",), minutes=(10.0, 60.0))
    structure = borrowed_structure("peripheral-nerve-injury", [ramped], [3, 3], 5)
    assert structure.ramp == ("Session length grows gradually, within the weekly caps. Animal studies that ramped "
                              "session length: Kami 2016 (10 to 60 min); only the idea of a ramp is borrowed, not "
                              "their pace.")
    assert "as in" not in structure.ramp


def test_a_ramp_whose_printed_protocol_is_in_doubt_says_so() -> None:
    """Seen in review: Bai 2022's protocol row repeats Kami 2016's almost word for word (a conflict flag), yet the plan
    named them as two ramps side by side."""
    from core.evidence.models import Flag, FlagCode

    kami = make.study("kami-2016", "Kami", 2016, minutes=(10.0, 60.0))
    bai = make.study("bai-2022", "Bai", 2022, minutes=(10.0, 60.0)).model_copy(update={"flags": [Flag(
        code=FlagCode.CONFLICT, field="exercise.protocol", message="repeats the Kami 2016 row")]})
    structure = borrowed_structure("peripheral-nerve-injury", [kami, bai], [3, 3], 5)
    assert "Kami 2016 (10 to 60 min), Bai 2022 (10 to 60 min; its printed protocol is in doubt, see its flags);" \
        in structure.ramp
