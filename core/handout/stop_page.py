"""The handout's page on when to stop and get help: the signs that call for an ambulance at once, the other stop
signs and what to do for them, and, for a patient on insulin or a secretagogue, the low blood sugar steps."""

from __future__ import annotations

from typing import Literal

from core.handout.language import Wording
from core.handout.patient_words import (
    AMBULANCE_SIGNS, CHANGED_HEARTBEAT, CHEST_PAIN, CHEST_PAIN_NOT_FACE, DYSREFLEXIA_SIGNS, HALF_A_CUP, LOW_SUGAR,
    LOW_SUGAR_NOT_LOW, LOW_SUGAR_STEPS, LOW_SUGAR_WALK_AGAIN, STOP_SIGNS, UNEVEN_HEARTBEAT,
)
from core.plan import guidelines as g
from core.plan.engine import Rules
from core.plan.profile import PatientProfile
from core.plan.warnings import WarningCode
from core.scripts import isolated

NO_BREAK = "\u00a0"  # a space no line breaks at
WRITE_IN = "_" * 24  # a clinic detail left blank in Settings: a line to write it on by hand


def stop_page(profile: PatientProfile, rules: Rules, codes: set[WarningCode], t: Wording, *, clinic_number: str,
              ambulance_number: str, units: Literal["metric", "imperial"], safety_heading: str) -> dict:
    """The stop page's fields of the handout model. ``clinic_number``: the clinic's phone as printed (or a line to
    write it on); ``ambulance_number``: the local emergency number from Settings, or "" (then a line to write it on,
    as the clinic's: seen in review, "call an ambulance" three times with no number and nowhere to put one)."""
    number = ambulance_number.strip().replace(" ", NO_BREAK)
    return {
        # the number to dial, first and in bold: a patient with chest pain should not have to look it up
        "ambulance_call": t("Ambulance: {number}", number=isolated(number) if number else WRITE_IN),
        # guidelines.EMERGENCY_SOURCES: an ambulance at once for a heart attack's or a stroke's signs and fainting
        "ambulance_intro": t("Stop walking and call an ambulance at once if you have any of these:"),
        "ambulance_signs": [t(_stop_sign(sign, profile)) for sign in AMBULANCE_SIGNS],
        "stop_intro": t("Stop walking at once if you have any of these:"),
        "stop_signs": [t(_stop_sign(sign, profile)) for sign in STOP_SIGNS],
        "stop_after": [  # on insulin, the low blood sugar steps, and where the sugar is not low their own rule, said
            # here too (seen in review: "a few minutes" here, "15 minutes" there, for the same signs; and by a helper:
            # this page said when to call an ambulance for these signs only where the steps went over to the next; and
            # in review: "if it is low" left a sugar that cannot be checked, which the steps treat as low, to neither)
            t('For these, sit down and check your blood sugar, then do as "{heading}" says. If it is not low, call an '
              'ambulance if you do not feel better in a few minutes.',
              heading=t("Low blood sugar")) if WarningCode.HYPOGLYCEMIA in codes else
            t("For these, sit down and rest. If they do not pass in a few minutes, call an ambulance."),
            *([t(DYSREFLEXIA_SIGNS, heading=safety_heading)] if WarningCode.AUTONOMIC_DYSREFLEXIA in codes else []),
            t("Then call the clinic: {phone}.", phone=clinic_number)],
        **_low_sugar(rules, t, WarningCode.HYPOGLYCEMIA in codes, units),
    }


def _stop_sign(sign: str, profile: PatientProfile) -> str:
    """A stop sign in the words that fit the patient: with atrial fibrillation the beat is always uneven, and with
    trigeminal neuropathy the jaw may always hurt, so the sign is a change from that."""
    if sign == UNEVEN_HEARTBEAT and profile.atrial_fibrillation:
        return CHANGED_HEARTBEAT
    if sign == CHEST_PAIN and profile.etiology == "trigeminal-neuropathy":
        return CHEST_PAIN_NOT_FACE
    return sign


def _low_sugar(rules: Rules, t: Wording, on_insulin: bool, units: Literal["metric", "imperial"]) -> dict:
    """What to do for low blood sugar, after the stop signs, for a patient on insulin or a secretagogue (nothing
    otherwise): its signs, the numbered steps, what to do where it is not low, and when to walk again."""
    if not on_insulin:
        return {"low_sugar": "", "low_sugar_steps": [], "low_sugar_not_low": "", "low_sugar_walk_again": ""}
    low = blood_sugar(g.HYPOGLYCEMIA_MG_DL, t)
    juice = t(HALF_A_CUP[units])
    return {"low_sugar": t(LOW_SUGAR), "low_sugar_steps": [t(step, low=low, juice=juice) for step in LOW_SUGAR_STEPS],
            "low_sugar_not_low": t(LOW_SUGAR_NOT_LOW),
            "low_sugar_walk_again": t(LOW_SUGAR_WALK_AGAIN, start=blood_sugar(rules.glucose_low_mg_dl, t))}


def blood_sugar(mg_dl: int, t: Wording) -> str:
    """A blood sugar level in both units as one unbroken, left-to-right piece of the sentence: split across lines in
    a right-to-left sentence, "100 mg/dL (5.6 mmol/L)" came out as "(5.6 mg/dL 100" over "mmol/L)"."""
    level = t("{mg} mg/dL ({mmol} mmol/L)", mg=mg_dl, mmol=t.number(mg_dl / g.MG_DL_PER_MMOL_L))
    return isolated(level.replace(" ", NO_BREAK))
