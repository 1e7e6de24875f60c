"""Pre-exercise screening (ACSM 2015) and the reasons a treadmill plan must wait.

Diabetes counts as metabolic disease for ACSM; the ADA's view, which does not ask for clearance
before brisk walking in people without symptoms, is shown beside it where the two differ (an inactive patient
without symptoms).
"""

from __future__ import annotations

from pydantic import BaseModel

from core.plan import guidelines as g
from core.plan.implications import implied_changes
from core.plan.pain import NEVER_ACCEPTABLE
from core.plan.profile import PatientProfile


class BlockReason(BaseModel):
    code: str
    message: str
    unblock: str  # what would let the plan go ahead


class Screening(BaseModel):
    acsm_row: str  # the row of the ACSM 2015 table that applies, in words
    clearance_recommended: bool
    clearance_documented: bool
    blocked: bool
    block_reasons: list[BlockReason]
    ada_note: str | None
    source: g.Source = g.RIEBE_2015

    @property
    def clearance_in_words(self) -> str:
        """Medical clearance as the window and the clinician summary say it: recommended by the ACSM row, and
        whether the profile records it as given (the row alone read as if it were still missing)."""
        if self.clearance_documented:
            return "Medical clearance: recorded as given."
        if self.clearance_recommended:
            return "Medical clearance: recommended, not yet recorded."
        return "Medical clearance: not needed."


def has_known_disease(profile: PatientProfile) -> bool:
    """Known cardiovascular, metabolic or renal disease, as entered or as the profile implies (diabetes is
    metabolic, a stroke cerebrovascular, ...: core/plan/implications.py). A new profile cannot say otherwise;
    a record saved before a rule existed is screened as the rule says. Every absolute contraindication is a
    heart, lung-vessel or aortic disease, so one recorded is known disease too (the row read "no disease"
    beside an acute myocardial infarction)."""
    return (profile.known_disease or bool(profile.contraindications)
            or implied_changes(profile.__dict__).get("known_disease") is True)


def resting_tachycardia(profile: PatientProfile) -> bool:
    """A resting pulse above 100: tachycardia, one of the ACSM signs, whether or not the profile ticks symptoms."""
    return profile.resting_hr > g.RESTING_TACHYCARDIA_ABOVE_BPM


def stage_2_hypertension(profile: PatientProfile) -> bool:
    """A resting blood pressure of 160/100 or more (JNC 7's stage 2), above the limit where screening blocks the plan
    too (seen in review: 190/105 passed with no word, as if it were 120/80; 205/100 read "clearance: not needed")."""
    if profile.resting_bp is None:
        return False
    systolic, diastolic = profile.resting_bp
    return systolic >= g.STAGE_2_HYPERTENSION_MMHG[0] or diastolic >= g.STAGE_2_HYPERTENSION_MMHG[1]


def above_bp_limit(profile: PatientProfile) -> bool:
    """A resting blood pressure above 200/110 (systolic or diastolic): screening blocks the plan."""
    if profile.resting_bp is None:
        return False
    systolic, diastolic = profile.resting_bp
    return systolic > g.RESTING_BP_LIMIT_MMHG[0] or diastolic > g.RESTING_BP_LIMIT_MMHG[1]


# The ACSM's disease, named whole in its row (seen in review: "not active, no disease" printed for a patient with
# multiple sclerosis, Parkinson's disease or a spinal cord injury, who have a disease, only not one the row counts)
KNOWN = "known cardiovascular, metabolic or renal disease"


def screen(profile: PatientProfile) -> Screening:
    disease = has_known_disease(profile)
    signs = profile.symptoms or resting_tachycardia(profile)
    which = (f" (resting pulse {profile.resting_hr} bpm, above {g.RESTING_TACHYCARDIA_ABOVE_BPM}: tachycardia, "
             f"{g.TACHYCARDIA_SOURCE.cited()})" if resting_tachycardia(profile) else "")
    if profile.currently_active:
        if signs:
            row, clearance = f"active, with signs or symptoms{which}: stop exercising and seek medical clearance", True
        elif disease:
            row, clearance = f"active, {KNOWN}, no symptoms: no clearance needed for moderate exercise", False
        else:
            row, clearance = f"active, no {KNOWN}, no symptoms: no clearance needed", False
    elif signs:
        row, clearance = (f"not active, with signs or symptoms{which}: medical clearance recommended before starting",
                          True)
    elif disease:
        row, clearance = f"not active, {KNOWN}, no symptoms: medical clearance recommended before starting", True
    else:
        row, clearance = f"not active, no {KNOWN}, no symptoms: no clearance needed; start light to moderate", False
    acsm_clearance = clearance  # what the ACSM row asks, before the blood pressure
    if stage_2_hypertension(profile):
        # seen in testing: "Medical clearance: not needed" beside 200/110, under a source that asks for clearance
        systolic, diastolic = profile.resting_bp
        row += (f"; but resting blood pressure {systolic}/{diastolic} mmHg is stage 2 hypertension, which Treadwell "
                "reads as the severe or uncontrolled blood pressure for which the ACSM's position stand on "
                "hypertension asks for a physician's clearance first (Pescatello 2004, unverified; the reading is a "
                "product default)")
        clearance = True
    if profile.contraindications:
        row += "; but an absolute contraindication is recorded, so exercise waits (below)"

    reasons = [
        BlockReason(
            code=f"contraindication-{item}",
            message=f"Absolute contraindication: {g.CONTRAINDICATIONS[item]} ({g.CONTRAINDICATIONS_SOURCE.cited()}).",
            unblock="Exercise waits until the condition is treated and a physician clears the patient.",
        )
        for item in profile.contraindications
    ]
    if profile.resting_bp is not None:
        systolic, diastolic = profile.resting_bp
        limit_s, limit_d = g.RESTING_BP_LIMIT_MMHG
        if above_bp_limit(profile):
            reasons.append(BlockReason(
                code="resting-bp",
                message=f"Resting blood pressure {systolic}/{diastolic} mmHg is above the limit (systolic above {limit_s} "
                        f"or diastolic above {limit_d} mmHg): a relative contraindication "
                        f"({g.RESTING_BP_SOURCE.cited()}), which Treadwell treats, more strictly than the guideline, "
                        "as a reason not to start a home plan (a product default).",
                unblock=f"A rechecked resting blood pressure at or below {limit_s}/{limit_d} mmHg, once the patient's "
                        "physician has reviewed it.",
            ))
    elif profile.sci_at_or_above_t6:
        reasons.append(BlockReason(
            code="no-baseline-bp",
            message="No resting blood pressure is recorded. With an injury at or above T6, autonomic dysreflexia is "
                    "recognised by a systolic rise of more than 20-30 mmHg above the patient's baseline, so the plan "
                    f"needs that baseline ({g.AUTONOMIC_DYSREFLEXIA_SOURCE.cited()}; the block is a product rule).",
            unblock="Measure and record the resting blood pressure.",
        ))
    if profile.pain_nrs >= NEVER_ACCEPTABLE:
        reasons.append(BlockReason(
            code="usual-pain-worst",
            message=f"Usual pain is {profile.pain_nrs}/10, the worst imaginable: the pain rules judge walking against "
                    "usual pain, and at the top of the scale they could neither let walking stay at it nor notice a "
                    "rise the next morning (a product rule).",
            unblock="Review the pain and its treatment; enter the usual pain again once it is below 10/10.",
        ))
    if profile.open_foot_wound:
        reasons.append(BlockReason(
            code="open-foot-wound",
            message="An open foot sore or injury makes treadmill walking the wrong choice for now.",
            unblock="Use non-weight-bearing exercise (seated cycling or arm ergometry) until the wound has healed.",
        ))
    if profile.etiology == "spinal-cord-injury" and profile.sci_complete:
        reasons.append(BlockReason(
            code="complete-sci",
            message="Body-weight-supported treadmill walking is for incomplete spinal cord injuries.",
            unblock="Plan another aerobic exercise (for example arm-crank ergometry), or review whether the injury is incomplete.",
        ))
    if profile.baseline_walk_min < g.MINUTE_STEP:
        reasons.append(BlockReason(
            code="no-walking-tolerance",
            message="Less than half a minute of continuous walking is tolerated today, so there is nothing safe "
                    "to start the main set from.",
            unblock="Enter the minutes of continuous walking tolerated today once the patient can walk at least briefly.",
        ))
    if clearance and not profile.medical_clearance:
        by_pressure_alone = not acsm_clearance  # the stage 2 blood pressure asks for it, not the ACSM row
        limit_s, limit_d = g.STAGE_2_HYPERTENSION_MMHG
        reasons.append(BlockReason(
            code="medical-clearance",
            message=f"Medical clearance is recommended ({row}).",
            # seen in testing: the only way out named was clearance, where a rechecked pressure is one too
            unblock="Record medical clearance once a physician has given it" + (
                f", or a resting blood pressure rechecked below {limit_s}/{limit_d} mmHg (systolic below {limit_s} "
                f"and diastolic below {limit_d})." if by_pressure_alone
                else "."),
        ))
    ada_note = None
    # the two views differ only for an inactive patient without symptoms (seen in review: the note, about "an inactive
    # patient", was shown for an active one with symptoms, whom both send for clearance)
    if profile.diabetes != "none" and not profile.currently_active and not signs:
        ada_note = (
            "ACSM counts diabetes as metabolic disease, so an inactive patient is advised to get medical "
            "clearance first. The ADA 2016 position does not require clearance before brisk walking for "
            "people without symptoms. Both views are shown; the plan follows ACSM. "
            f"({g.RIEBE_2015.cited()}; {g.ADA_2016.cited()})"
            # seen in review: the ADA's "no clearance" read as if it applied beside stage 2 blood pressure
            + (" Clearance is recommended here in any case, for the blood pressure." if stage_2_hypertension(profile)
               else "")
        )
    return Screening(
        acsm_row=row,
        clearance_recommended=clearance,
        clearance_documented=profile.medical_clearance,
        blocked=bool(reasons),
        block_reasons=reasons,
        ada_note=ada_note,
    )
