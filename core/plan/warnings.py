"""Etiology and condition rules: each a warning with a stable code, a severity and a plain message."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel

from core.plan import guidelines as g
from core.plan.intensity import Intensity, hr_unreliable_reasons
from core.plan.profile import PatientProfile
from core.plan.screening import Screening

class WarningCode(StrEnum):
    """Every warning the plan can carry. Those outside CLINICIAN_ONLY reach the patient, and the
    handout has plain words for each (core/handout/build.py PATIENT_SAFETY; a test checks it)."""

    HR_UNRELIABLE = "hr-unreliable"
    MEDICAL_CLEARANCE = "medical-clearance"
    AUTONOMIC_DYSREFLEXIA = "autonomic-dysreflexia"
    HARNESS = "harness"
    FALL_RISK = "fall-risk"
    FOOT_CARE = "foot-care"
    HYPOGLYCEMIA = "hypoglycemia"
    HEAT_SENSITIVITY = "heat-sensitivity"
    COLD_AIR_TRIGGER = "cold-air-trigger"
    HIGHER_INTENSITY_STUDIED = "higher-intensity-studied"
    NO_HUMAN_TRIAL = "no-human-trial"
    ANIMAL_DOSING_CONTEXT = "animal-dosing-context"


# For the clinician only: screening status and the evidence behind the plan, not something to do.
CLINICIAN_ONLY = frozenset({WarningCode.MEDICAL_CLEARANCE, WarningCode.HIGHER_INTENSITY_STUDIED,
                            WarningCode.NO_HUMAN_TRIAL, WarningCode.ANIMAL_DOSING_CONTEXT})

Severity = Literal["info", "caution", "stop"]
SEVERITY_ORDER = {"stop": 0, "caution": 1, "info": 2}

FALL_RISK_ETIOLOGIES = {"chemotherapy-neuropathy", "post-stroke-pain", "parkinsons-pain", "multiple-sclerosis-pain",
                        "diabetic-neuropathy"}
NO_HUMAN_TRIAL = {
    "peripheral-nerve-injury": ("No human treadmill trial was found for focal nerve injury pain; guidelines recommend "
                                "exercise but its benefit and dose are unknown.",
                                g.Source(label="Matesanz-García 2023, J Pain", doi="10.1016/j.jpain.2023.01.011")),
    "post-stroke-pain": ("No exercise trial has treated central post-stroke pain itself; this plan follows aerobic "
                         "training after stroke (50-80% HRR, 20-40 min, 3-5 days a week), kept at moderate.",
                         g.Source(label="Pang MY et al. 2006, Clin Rehabil 20:97-111")),
    "trigeminal-neuropathy": ("No exercise trial has been done in trigeminal neuropathic pain.",
                              g.Source(label="Expert opinion", unverified=True)),
}
EXPERT = g.Source(label="Clinical practice point; no study cited", unverified=True)


class PlanWarning(BaseModel):
    code: WarningCode
    severity: Severity
    message: str
    source: g.Source


def plan_warnings(profile: PatientProfile, screening: Screening, intensity: Intensity) -> list[PlanWarning]:
    found: list[PlanWarning] = []

    def add(code: WarningCode, severity: Severity, message: str, source: g.Source) -> None:
        found.append(PlanWarning(code=code, severity=severity, message=message, source=source))

    etiology = profile.etiology
    if intensity.method == "rpe":
        reasons = hr_unreliable_reasons(profile)
        source = g.HR_UNRELIABLE[reasons[0]][1] if reasons else g.BANDS_SOURCE
        add(WarningCode.HR_UNRELIABLE, "caution", intensity.method_reason, source)
    if screening.clearance_recommended:
        if profile.medical_clearance:
            add(WarningCode.MEDICAL_CLEARANCE, "info", f"Medical clearance is recorded ({screening.acsm_row}).", g.RIEBE_2015)
        else:
            add(WarningCode.MEDICAL_CLEARANCE, "stop", f"Medical clearance is recommended before starting ({screening.acsm_row}).",
                g.RIEBE_2015)
    if profile.sci_at_or_above_t6:
        add(WarningCode.AUTONOMIC_DYSREFLEXIA, "caution",
            "Injury at or above T6: watch for autonomic dysreflexia (pounding headache, flushing, a systolic rise of "
            "more than 20-30 mmHg above baseline). Empty the bladder before each session; stop and sit up if it starts.",
            g.Source(label="Martin Ginis KA et al. 2018, Spinal Cord 56:308-321", doi="10.1038/s41393-017-0017-3"))
    if (etiology == "spinal-cord-injury" and profile.sci_complete is not True) or etiology in ("post-stroke-pain", "parkinsons-pain"):
        add(WarningCode.HARNESS, "caution",
            "Use the handrails, and a body-weight-support harness where balance is unsafe; walk with supervision.",
            EXPERT)
    if etiology in FALL_RISK_ETIOLOGIES:
        add(WarningCode.FALL_RISK, "caution",
            "Higher fall risk on a moving belt (reduced foot sensation, balance or freezing): start slowly, hold the "
            "handrails, use the safety clip, and have someone nearby.", EXPERT)
    if etiology == "diabetic-neuropathy":
        add(WarningCode.FOOT_CARE, "caution",
            "Check both feet every day and wear well-fitting shoes and socks; walking is fine, but stop treadmill work "
            "and switch to non-weight-bearing exercise if a sore or foot injury appears.",
            g.Source(label="Harris-Hayes M et al. 2020, J Orthop Sports Phys Ther", doi="10.2519/jospt.2020.9154"))
    if profile.insulin_or_secretagogue:
        add(WarningCode.HYPOGLYCEMIA, "caution",
            f"Check blood glucose before walking: below {g.GLUCOSE_LOW_MG_DL} mg/dL take carbohydrate first; above "
            f"{g.GLUCOSE_KETONE_CHECK_MG_DL} mg/dL check ketones. Carry fast sugar. (Thresholds from secondary "
            "sources: confirm with the patient's diabetes team.)", g.GLUCOSE_SOURCE)
    if etiology == "multiple-sclerosis-pain":
        add(WarningCode.HEAT_SENSITIVITY, "caution",
            "Heat can bring on MS symptoms for a while (60-80% of people): keep the room cool, use a fan and cool "
            "drinks, and stop if symptoms flare.", g.Source(label="Davis SL et al. 2010, J Appl Physiol",
                                                            doi="10.1152/japplphysiol.00460.2010"))
    if etiology == "trigeminal-neuropathy":
        add(WarningCode.COLD_AIR_TRIGGER, "info",
            "Wind or cold air on the face can trigger attacks, so an indoor treadmill suits; keep fans off the face.",
            EXPERT)
    if etiology == "parkinsons-pain":
        add(WarningCode.HIGHER_INTENSITY_STUDIED, "info",
            "SPARX compared 60-65% with 80-85% of maximal heart rate, 4 days a week, and only the higher arm passed "
            "futility testing. This plan stays at moderate intensity by design.",
            g.Source(label="Schenkman M et al. 2018, JAMA Neurol 75:219-226", doi="10.1001/jamaneurol.2017.3517"))
    if etiology in NO_HUMAN_TRIAL:
        message, source = NO_HUMAN_TRIAL[etiology]
        add(WarningCode.NO_HUMAN_TRIAL, "info", message, source)
    add(WarningCode.ANIMAL_DOSING_CONTEXT, "info",
        "The animal studies lend this plan its structure (how often, how long, how gradual), never a speed: a rodent "
        "treadmill speed does not translate to a person.",
        g.Source(label="Matesanz-García 2023 (no dose-response in 37 preclinical studies)", doi="10.1016/j.jpain.2023.01.011"))
    return sorted(found, key=lambda warning: SEVERITY_ORDER[warning.severity])
