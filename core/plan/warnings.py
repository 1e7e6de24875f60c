"""Etiology and condition rules: each a warning with a stable code, a severity and a plain message."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel

from core.citing import cited_together
from core.etiology import EtiologyId
from core.plan import guidelines as g
from core.plan.intensity import Intensity, hr_unreliable_reasons
from core.plan.pain import NEVER_ACCEPTABLE, PainRules
from core.plan.profile import PatientProfile
from core.plan.screening import Screening, above_bp_limit, stage_2_hypertension

class WarningCode(StrEnum):
    """Every warning the plan can carry. Those outside CLINICIAN_ONLY reach the patient, and the
    handout has plain words for each (core/handout/patient_words.py PATIENT_SAFETY; a test checks it)."""

    HR_UNRELIABLE = "hr-unreliable"
    MEDICAL_CLEARANCE = "medical-clearance"
    AUTONOMIC_DYSREFLEXIA = "autonomic-dysreflexia"
    HARNESS = "harness"
    FALL_RISK = "fall-risk"
    FREEZING = "freezing"
    FOOT_CARE = "foot-care"
    HYPOGLYCEMIA = "hypoglycemia"
    HEAT_SENSITIVITY = "heat-sensitivity"
    COLD_AIR_TRIGGER = "cold-air-trigger"
    HIGHER_INTENSITY_STUDIED = "higher-intensity-studied"
    NO_HUMAN_TRIAL = "no-human-trial"
    ANIMAL_DOSING_CONTEXT = "animal-dosing-context"
    OVERRIDE_BREAKS_RULE = "override-breaks-rule"  # added by core/plan/overrides.py to a clinician's week
    BP_NOT_RECORDED = "bp-not-recorded"
    BP_HIGH = "bp-high"
    HR_ROUGH_GUIDE = "hr-rough-guide"
    AEROBIC_GUIDELINE = "aerobic-guideline"  # added by core/plan/aerobic_guideline.py, from the weeks
    USUAL_PAIN_ABOVE_MODEL = "usual-pain-above-model"


# Each warning's name where a list of them is shown (what changed between two versions of a plan), not its code.
WARNING_NAMES: dict[WarningCode, str] = {
    WarningCode.HR_UNRELIABLE: "heart rate unreliable", WarningCode.MEDICAL_CLEARANCE: "medical clearance",
    WarningCode.AUTONOMIC_DYSREFLEXIA: "autonomic dysreflexia", WarningCode.HARNESS: "harness",
    WarningCode.FALL_RISK: "fall risk", WarningCode.FREEZING: "freezing of gait", WarningCode.FOOT_CARE: "foot care",
    WarningCode.HYPOGLYCEMIA: "blood sugar", WarningCode.HEAT_SENSITIVITY: "heat sensitivity",
    WarningCode.COLD_AIR_TRIGGER: "wind and cold air", WarningCode.HIGHER_INTENSITY_STUDIED: "higher intensity studied",
    WarningCode.NO_HUMAN_TRIAL: "no human trial", WarningCode.ANIMAL_DOSING_CONTEXT: "animal dosing as context",
    WarningCode.OVERRIDE_BREAKS_RULE: "a changed week breaks a rule",
    WarningCode.BP_NOT_RECORDED: "blood pressure not recorded", WarningCode.BP_HIGH: "high blood pressure",
    WarningCode.HR_ROUGH_GUIDE: "heart rate a rough guide",
    WarningCode.AEROBIC_GUIDELINE: "aerobic guideline note",
    WarningCode.USUAL_PAIN_ABOVE_MODEL: "pain rules above the traffic light",
}

# For the clinician only: screening status and the evidence behind the plan, not something to do.
CLINICIAN_ONLY = frozenset({WarningCode.MEDICAL_CLEARANCE, WarningCode.HIGHER_INTENSITY_STUDIED,
                            WarningCode.NO_HUMAN_TRIAL, WarningCode.ANIMAL_DOSING_CONTEXT,
                            WarningCode.OVERRIDE_BREAKS_RULE, WarningCode.BP_NOT_RECORDED,
                            WarningCode.BP_HIGH, WarningCode.HR_ROUGH_GUIDE, WarningCode.AEROBIC_GUIDELINE,
                            WarningCode.USUAL_PAIN_ABOVE_MODEL})

Severity = Literal["info", "caution", "stop"]
SEVERITY_ORDER = {"stop": 0, "caution": 1, "info": 2}
SEVERITY_WORDS = {"stop": "Stop", "caution": "Caution", "info": "Note"}  # as a clinician reads them (not the codes)

USUAL_PAIN_SOURCE = g.Source(label=f"{g.SILBERNAGEL_2007.label}; usual pain as safe and the rise over it: product "
                                   "defaults",
                             doi=g.SILBERNAGEL_2007.doi, unverified=True)
PRECAUTIONS = "the precautions (handrails, safety clip, someone nearby) are usual treadmill practice, a product default"
# Etiologies with a higher fall risk: why, in the warning's words (freezing is Parkinson's alone), and the study
# that shows it.
FALL_RISK: dict[EtiologyId, tuple[str, g.Source]] = {
    "diabetic-neuropathy": ("reduced foot sensation", g.Source(
        label=f"Roman de Mettelinge T et al. 2013, PLoS One 8:e67055 (older adults with type 2 diabetes fell more); "
              f"{PRECAUTIONS}", doi="10.1371/journal.pone.0067055")),
    # the brief's reasons, with the weakness its source found the one factor linked to falls (seen in review: the
    # warning named sensation and balance only, and cited Gewandter, whose survivors' falls went with motor symptoms)
    "chemotherapy-neuropathy": ("leg weakness, and reduced foot sensation and balance", g.Source(
        label=f"Gewandter JS et al. 2013, Support Care Cancer 21:2059-2066 (falls linked to its motor symptoms); "
              f"{PRECAUTIONS}",
        doi="10.1007/s00520-013-1766-y")),
    "post-stroke-pain": ("weakness and poor balance", g.Source(
        label=f"Tilson JK et al. 2012, Stroke 43:446-452 (LEAPS); {PRECAUTIONS}", doi="10.1161/STROKEAHA.111.636258")),
    "parkinsons-pain": ("poor balance and freezing of gait", g.Source(
        label=f"Canning CG et al. 2015, Neurology 84:304-312; {PRECAUTIONS}", doi="10.1212/WNL.0000000000001155")),
    "spinal-cord-injury": ("weakness and poor balance", g.Source(
        label=f"Brotherton SS et al. 2007, Spinal Cord 45:37-40 (75% of people walking with an incomplete injury fell "
              f"within a year); {PRECAUTIONS}", doi="10.1038/sj.sc.3101909")),
    "multiple-sclerosis-pain": ("weakness and poor balance", g.Source(
        label=f"Nilsagård Y et al. 2015, Mult Scler 21:92-100 (56% fell within 3 months); {PRECAUTIONS}",
        doi="10.1177/1352458514538884")),
}
NO_HUMAN_TRIAL: dict[EtiologyId, tuple[str, g.Source]] = {
    "peripheral-nerve-injury": ("No human treadmill trial is cited for focal nerve injury pain; guidelines recommend "
                                "exercise but its benefit and dose are unknown.",
                                g.Source(label="Matesanz-García L et al. 2023, J Pain", doi="10.1016/j.jpain.2023.01.011")),
    "post-stroke-pain": ("The stroke trials behind this plan measured fitness and walking, not pain; they trained at "
                         "50-80% HRR, 20-40 min, 3-5 days a week, and this plan keeps to moderate.",
                         g.Source(label="Pang MYC et al. 2006, Clin Rehabil 20:97-111", doi="10.1191/0269215506cr926oa")),
    "trigeminal-neuropathy": ("Exercise is not among the treatments of the European guideline on trigeminal neuralgia, "
                              "and no exercise trial is cited for this pain; the plan rests on general guidance.",
                              g.Source(label="Bendtsen L et al. 2019, Eur J Neurol 26:831-849", doi="10.1111/ene.13950")),
}
HARNESS_SOURCE = g.Source(label=f"Wessels M et al. 2010, J Rehabil Med 42:513-519; {PRECAUTIONS}",
                          doi="10.2340/16501977-0525")
# A harness where balance is unsafe, with someone beside the patient: after a stroke and in Parkinson's disease.
BALANCE_HARNESS: dict[EtiologyId, g.Source] = {
    "post-stroke-pain": g.Source(label="Mehrholz J et al. 2017, Cochrane Database Syst Rev CD002840 (treadmill training "
                                       f"after stroke, with or without a harness); {PRECAUTIONS}",
                                 doi="10.1002/14651858.CD002840.pub4"),
    "parkinsons-pain": g.Source(label=f"A harness where balance is unsafe is usual treadmill practice; {PRECAUTIONS}",
                                unverified=True),
}
FREEZING_SOURCE = g.Source(label=f"Bloem BR et al. 2004, Mov Disord 19:871-884 (freezing of gait and falls); {PRECAUTIONS}",
                           doi="10.1002/mds.20115")
FOOT_CARE_SOURCE = g.Source(label="Harris-Hayes M et al. 2020, J Orthop Sports Phys Ther 50:5-16",
                            doi="10.2519/jospt.2020.9154")
COLD_AIR_SOURCE = g.Source(label="Koh W et al. 2021, Korean J Pain 34:66-71 (weather set off attacks in 12 of 60 "
                                 "patients: strong wind in 5, cold temperatures in 4, cold wind in 3); an indoor "
                                 "treadmill for it is expert opinion", doi="10.3344/kjp.2021.34.1.66")


class PlanWarning(BaseModel):
    code: WarningCode
    severity: Severity
    message: str
    source: g.Source

    @property
    def headline(self) -> str:
        """"Caution: Higher fall risk on a moving belt…": how every front end shows it (the code is for programs)."""
        return f"{SEVERITY_WORDS[self.severity]}: {self.message}"


def _glucose(mg_dl: float) -> str:
    """"100 mg/dL (5.6 mmol/L)": both units, as the handout gives them (seen in a try: a UK clinic, which reads
    mmol/L, had the clinician's warning in mg/dL alone)."""
    return f"{mg_dl:g} mg/dL ({mg_dl / g.MG_DL_PER_MMOL_L:.1f} mmol/L)"


def plan_warnings(profile: PatientProfile, screening: Screening, intensity: Intensity, *,
                  borrows_from_animals: bool = True, pain: PainRules | None = None,
                  glucose_mg_dl: tuple[int, int] = (g.GLUCOSE_LOW_MG_DL, g.GLUCOSE_KETONE_CHECK_MG_DL),
                  starts_light: bool = False) -> list[PlanWarning]:
    """``glucose_mg_dl``: the settings' low and ketone-check thresholds (unverified defaults 100 and 250); ``pain``:
    the plan's pain rules (with the allowance set); ``starts_light``: the plan's weeks begin with light ones."""
    found: list[PlanWarning] = []

    def add(code: WarningCode, severity: Severity, message: str, source: g.Source) -> None:
        found.append(PlanWarning(code=code, severity=severity, message=message, source=source))

    etiology = profile.etiology
    if intensity.method == "rpe":
        reasons = hr_unreliable_reasons(profile)
        # no reason of the patient's: the band was too narrow to count to, a product default (it cited ACSM and Garber)
        sources = list(dict.fromkeys(g.HR_UNRELIABLE[reason][1] for reason in reasons)) or [g.NARROW_RANGE_SOURCE]
        # several reasons: each one's source, each already marked (unverified) where it is
        source = sources[0] if len(sources) == 1 else g.Source(label=cited_together(sources))
        add(WarningCode.HR_UNRELIABLE, "caution", intensity.method_reason, source)
    elif etiology == "spinal-cord-injury":
        # Below T6 the heart rate may set intensity (ACSM), but the SCI safety point on step 2 warns against fixed
        # percentages in SCI at any level; the plan keeps its targets and says which guide leads.
        add(WarningCode.HR_ROUGH_GUIDE, "caution",
            "Injury below T6: the heart-rate targets use the usual formula, but in spinal cord injury the same "
            "percentage of peak heart rate matched very different efforts from person to person, in paraplegia too. "
            f"Let RPE ({g.RPE_SCALE}) {intensity.rpe[0]}-{intensity.rpe[1]}"
            # seen in a try: "RPE 12-13" above a first two light weeks of RPE 9-11
            + (f", {intensity.light_rpe[0]}-{intensity.light_rpe[1]} in the first light weeks," if starts_light else "")
            + " and the talk test lead; treat the heart-rate range as a rough guide.",
            g.HR_UNRELIABLE["sci_t6_or_above"][1])
    if screening.clearance_recommended:
        # stage 2 blood pressure asks for clearance by its own source (seen in review: cited to Riebe 2015 alone)
        clearance_source = g.Source(label=cited_together([g.RIEBE_2015, g.HIGH_BP_SOURCE])) \
            if stage_2_hypertension(profile) else g.RIEBE_2015
        if profile.medical_clearance:
            add(WarningCode.MEDICAL_CLEARANCE, "info", f"Medical clearance is recorded ({screening.acsm_row}).",
                clearance_source)
        else:
            add(WarningCode.MEDICAL_CLEARANCE, "stop", f"Medical clearance is recommended before starting ({screening.acsm_row}).",
                clearance_source)
    if profile.resting_bp is None and not profile.sci_at_or_above_t6:  # there, screening blocks the plan instead
        limit_s, limit_d = g.RESTING_BP_LIMIT_MMHG
        add(WarningCode.BP_NOT_RECORDED, "caution",
            f"No resting blood pressure is recorded, so screening could not check it against {limit_s}/{limit_d} mmHg "
            "(a relative contraindication): measure it before the first session.", g.RESTING_BP_SOURCE)
    if stage_2_hypertension(profile) and not above_bp_limit(profile):  # above it, screening blocks the plan
        systolic, diastolic = profile.resting_bp
        add(WarningCode.BP_HIGH, "caution",
            # "systolic or diastolic": seen in review, "159/100 mmHg is 160/100 mmHg or more"
            f"Resting blood pressure {systolic}/{diastolic} mmHg is stage 2 hypertension in JNC 7 (systolic "
            f"{g.STAGE_2_HYPERTENSION_MMHG[0]} or more, or diastolic {g.STAGE_2_HYPERTENSION_MMHG[1]} or more), at or "
            "under the "
            f"{g.RESTING_BP_LIMIT_MMHG[0]}/{g.RESTING_BP_LIMIT_MMHG[1]} mmHg limit screening stops at: "
            + ("medical clearance is recorded; " if profile.medical_clearance else
               "a physician evaluates and clears the patient before the first walk, ")
            + "and the blood pressure is treated and checked again as the walks go on.", g.HIGH_BP_SOURCE)
    if profile.sci_at_or_above_t6:
        add(WarningCode.AUTONOMIC_DYSREFLEXIA, "caution",
            "Injury at or above T6: watch for autonomic dysreflexia (pounding headache, flushing, a systolic rise of "
            "more than 20-30 mmHg above baseline). Empty the bladder before each session; if it starts: stop, sit up, "
            "loosen tight clothing, check the bladder or catheter, and emergency care if it does not settle.",
            g.AUTONOMIC_DYSREFLEXIA_SOURCE)
    if etiology == "spinal-cord-injury" and profile.sci_complete is not True:
        add(WarningCode.HARNESS, "caution",
            "Body-weight-supported treadmill walking in a harness is for incomplete injuries (in the first year, "
            "over-ground practice led to more independent walking): use the handrails, the harness where balance is "
            "unsafe, and walk with supervision." + (" Complete or incomplete is not recorded: confirm the injury is incomplete "
                                        "before the first session." if profile.sci_complete is None else ""),
            HARNESS_SOURCE)
    if etiology in BALANCE_HARNESS:
        add(WarningCode.HARNESS, "caution",
            "Where balance is unsafe on the belt, walk in an overhead safety harness, with someone beside the patient.",
            BALANCE_HARNESS[etiology])
    if etiology == "parkinsons-pain":
        add(WarningCode.FREEZING, "caution",
            "Freezing of gait: the feet can stop while the belt runs on. Keep the safety clip on, start and stop the "
            "belt slowly, and teach the patient to hold the handrails and press the stop key if the feet stick.",
            FREEZING_SOURCE)
    if etiology in FALL_RISK:
        why, source = FALL_RISK[etiology]
        add(WarningCode.FALL_RISK, "caution",
            f"Higher fall risk on a moving belt ({why}): start slowly, hold the handrails, use the safety clip, and "
            "have someone nearby.", source)
    if etiology == "diabetic-neuropathy" or profile.diabetes != "none":  # diabetic feet, whatever the pain's cause
        # seen in review: "walking is fine" beside the block for the open wound it was written for
        add(WarningCode.FOOT_CARE, "caution",
            "An open foot sore or injury is recorded: non-weight-bearing exercise until it has healed, then check both "
            "feet every day and wear well-fitting shoes and socks." if profile.open_foot_wound else
            "Check both feet every day and wear well-fitting shoes and socks; walking is fine, but stop treadmill work "
            "and switch to non-weight-bearing exercise if a sore or foot injury appears.",
            FOOT_CARE_SOURCE)
    if profile.insulin_or_secretagogue or profile.diabetes == "type1":  # type 1 diabetes is treated with insulin
        add(WarningCode.HYPOGLYCEMIA, "caution",
            f"Check blood glucose before walking: below {_glucose(glucose_mg_dl[0])} take carbohydrate first; above "
            f"{_glucose(glucose_mg_dl[1])} check ketones, and with ketones present no walk that day "
            f"({g.KETONES_SOURCE.cited()}). Carry fast sugar: shaking, sweating, dizziness or confusion during a "
            f"walk may be low blood sugar, so stop and check: below {_glucose(g.HYPOGLYCEMIA_MG_DL)}, take 15-20 g of "
            "glucose and check again after 15 minutes, repeating while it stays low "
            f"({g.HYPOGLYCEMIA_TREATMENT_SOURCE.cited()}); with no way to check, treat it as low "
            f"({g.HYPOGLYCEMIA_UNCHECKED_SOURCE.cited()}); if it does not respond (still low at the check after a "
            "second dose, or still unwell after 15 minutes with no way to check), more sugar and medical help at "
            f"once ({g.HYPOGLYCEMIA_NOT_BETTER_SOURCE.cited()}); a walk again only at {_glucose(glucose_mg_dl[0])} or "
            f"more, feeling well ({g.HYPOGLYCEMIA_WALK_AGAIN_SOURCE.cited()}), and none for 24 hours after a low that "
            f"someone else had to help treat ({g.SEVERE_HYPOGLYCEMIA_SOURCE.cited()}). (Walk thresholds from secondary "
            "sources, set in Settings: confirm them with the patient's diabetes team.)", g.GLUCOSE_SOURCE)
    if pain is not None and pain.acceptable_max > g.PAIN_ACCEPTABLE_MAX and profile.pain_nrs < NEVER_ACCEPTABLE:
        # seen in review: usual pain 8 made 0-8 green and 9 amber on the handout, under a citation whose model calls
        # anything above 5 too much, and nothing asked the clinician to look at it; usual pain 4 or 5 with the
        # allowance accepts 6 or 7 too (10/10 blocks the plan: screening)
        above = profile.pain_nrs > g.PAIN_ACCEPTABLE_MAX
        # at usual pain 9 the rules allow no rise (never 10/10): seen in an audit, "and allow a rise over it"
        rise = "allow a rise over it" if pain.acceptable_max > profile.pain_nrs else "allow no rise over it here"
        add(WarningCode.USUAL_PAIN_ABOVE_MODEL, "caution",
            f"Usual pain {profile.pain_nrs}/10: the pain rules accept pain up to {pain.acceptable_max}/10 during "
            f"walking, above the {g.PAIN_ACCEPTABLE_MAX}/10 the traffic-light model accepts during exercise, as they "
            + (f"take the patient's usual pain as safe, and {rise}" if above else
               "allow a rise over the patient's usual pain")
            + " (product defaults with no trial behind them). Go through the rules with the patient before the first "
            "walk" + (", and review how the pain is treated." if above else "."), USUAL_PAIN_SOURCE)
    if etiology == "multiple-sclerosis-pain":
        add(WarningCode.HEAT_SENSITIVITY, "caution",
            "Heat can bring on MS symptoms for a while (60-80% of people): keep the room cool, use a fan and cool "
            "drinks, and stop if symptoms flare. Worsening of known symptoms with heat (Uhthoff's phenomenon) is "
            "temporary and eases with cooling; a symptom new to the patient is still a stop sign.",
            g.Source(label="Davis SL et al. 2010, J Appl Physiol", doi="10.1152/japplphysiol.00460.2010"))
    if etiology == "trigeminal-neuropathy":
        add(WarningCode.COLD_AIR_TRIGGER, "info",
            "Wind or cold air on the face can set off attacks, so an indoor treadmill suits; keep fans off the face.",
            COLD_AIR_SOURCE)
    if etiology == "parkinsons-pain":
        add(WarningCode.HIGHER_INTENSITY_STUDIED, "info",
            "SPARX compared 60-65% with 80-85% of maximal heart rate, 4 days a week, and only the higher arm passed "
            "futility testing. This plan stays at moderate intensity by design.",
            g.Source(label="Schenkman M et al. 2018, JAMA Neurol 75:219-226", doi="10.1001/jamaneurol.2017.3517"))
    if etiology in NO_HUMAN_TRIAL:
        message, source = NO_HUMAN_TRIAL[etiology]
        add(WarningCode.NO_HUMAN_TRIAL, "info", message, source)
    if borrows_from_animals:
        add(WarningCode.ANIMAL_DOSING_CONTEXT, "info",
            "The animal studies are set beside this plan for its structure only (how often, how long, how gradual), "
            "where they report it, and never for a speed: a rodent's treadmill speed is an intensity for a rat, not a "
            "person (16 m/min is about 68% of a rat's VO2max: Shepherd & Gollnick 1976, doi 10.1007/BF00581173), and "
            "37 preclinical studies found no relation between exercise duration or intensity and pain relief.",
            # its 37 studies were all of sciatic nerve injury in male animals: said wherever it is cited (seen in an
            # audit: it stood alone beside "a rodent treadmill speed does not translate to a person", which it is not)
            g.Source(label="Matesanz-García 2023 (no dose-response in 37 preclinical studies of sciatic nerve injury, "
                           "male animals only)",
                     doi="10.1016/j.jpain.2023.01.011"))
    return sorted(found, key=lambda warning: SEVERITY_ORDER[warning.severity])
