"""Build the handout model from a plan: the patient's words (grade 8 or below) and the clinician summary."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from core.evidence.dosing import DOSING_CAUTION, DOSING_CAUTION_CITATIONS
from core.evidence.models import FlagCode, Study
from core.handout.model import ClinicianSummary, DosingRow, EffortLevel, Handout, ReferenceRow, WeekRow
from core.plan import guidelines as g
from core.plan.engine import Plan, Week
from core.plan.intensity import hr_unreliable_reasons
from core.plan.pain import PainRules
from core.plan.profile import PatientProfile
from core.plan.warnings import WarningCode

KM_PER_MILE = 1.609344
LOGBOOK_ROWS = 14

# What each plan warning asks of the patient, in plain words (every patient-facing WarningCode has one).
PATIENT_SAFETY: dict[WarningCode, str] = {
    WarningCode.HR_UNRELIABLE: "Your pulse is not a good guide for you. Use the effort scale and the talk test.",
    WarningCode.AUTONOMIC_DYSREFLEXIA: ("Empty your bladder before you walk. If you get a pounding headache, or flushing or "
                              "sweating above your injury, stop at once, sit up and get help."),
    WarningCode.HARNESS: "Hold the handrails. Use the harness if your therapist asks you to. Have someone with you.",
    WarningCode.FALL_RISK: "Clip the safety cord to your clothes. Start the belt slowly. Hold the handrails. Have someone near.",
    WarningCode.FOOT_CARE: ("Check both feet every day for cuts, blisters or red spots. Wear shoes and socks that fit well. "
                  "If you find a sore, stop the treadmill walks and call the clinic."),
    WarningCode.HYPOGLYCEMIA: (f"Check your blood sugar before you walk. If it is below {g.GLUCOSE_LOW_MG_DL} mg/dL "
                     f"({g.GLUCOSE_LOW_MG_DL / g.MG_DL_PER_MMOL_L:.1f} mmol/L), eat a snack with sugar first. If it is "
                     f"above {g.GLUCOSE_KETONE_CHECK_MG_DL} mg/dL "
                     f"({g.GLUCOSE_KETONE_CHECK_MG_DL / g.MG_DL_PER_MMOL_L:.1f} mmol/L), check for ketones. "
                     "Carry juice or glucose tablets."),
    WarningCode.HEAT_SENSITIVITY: "Heat can make your symptoms worse for a while. Keep the room cool. Use a fan. Drink cool water.",
    WarningCode.COLD_AIR_TRIGGER: "Walk indoors. Keep fans and cold air away from your face.",
}
# Why the pulse cannot guide this patient, in plain words (keys of guidelines.HR_UNRELIABLE).
PULSE_REASON: dict[str, str] = {
    "beta_blocker": "Your heart medicine (a beta-blocker) keeps your pulse low.",
    "atrial_fibrillation": "Your heartbeat is uneven, so your pulse is hard to count.",
    "pacemaker_or_icd": "Your pacemaker or ICD sets your pulse.",
    "heart_transplant": "After a heart transplant, your pulse goes up late and only a little when you exercise.",
    "autonomic_neuropathy": "Nerve damage changes how your pulse goes up when you exercise.",
    "sci_t6_or_above": "Your spinal cord injury changes how your pulse goes up when you exercise.",
}


def number_text(minutes: float) -> str:
    """Minutes in half minutes, as people write them: 8, 8½."""
    whole = int(minutes)
    return f"{whole}½" if minutes - whole >= 0.5 else f"{whole}"


def minutes_text(minutes: float) -> str:
    return f"{number_text(minutes)} min"


def bout_text(minutes: float) -> str:
    """One short walk, roughly: '3' (minutes) or '30 s' under a minute."""
    if minutes < 1:
        return f"{max(5, round(minutes * 60 / 5) * 5)} s"
    return number_text(round(minutes * 2) / 2)


def speed_text(week: Week, units: Literal["metric", "imperial"]) -> str:
    if week.speed_kmh is None:
        return "By feel"
    speed = f"{week.speed_kmh:.1f} km/h" if units == "metric" else f"{week.speed_kmh / KM_PER_MILE:.1f} mph"
    slope = "flat" if week.grade_pct == 0 else f"{week.grade_pct}% slope"
    return f"{speed}, {slope}"


def week_row(week: Week, units: Literal["metric", "imperial"]) -> WeekRow:
    walking = number_text(week.main_min)
    if week.bouts > 1:
        walking += f" ({week.bouts} × {bout_text(week.bout_min)})"
    effort = f"{'Light' if week.band == 'light' else 'Moderate'}, {week.rpe[0]}-{week.rpe[1]}"
    heart_rate = None if week.target_hr is None else f"{week.target_hr[0]}-{week.target_hr[1]}"
    return WeekRow(week=str(week.week), days=str(week.sessions), warmup=number_text(week.warmup_min),
                   walking=walking, cooldown=number_text(week.cooldown_min), effort=effort,
                   heart_rate=heart_rate, speed=speed_text(week, units))


def build_handout(
    profile: PatientProfile,
    plan: Plan,
    studies: list[Study],
    *,
    clinician: str,
    clinic: str,
    phone: str,
    date: dt.date,
    paper: Literal["a4", "letter"],
    units: Literal["metric", "imperial"],
    logo_path: str | None = None,
    clinician_summary: bool = False,
) -> Handout:
    if plan.blocked:
        raise ValueError("a blocked plan has no handout")
    uses_hr = plan.intensity.method == "hrr"
    first_with_bouts = next((week for week in plan.weeks if week.bouts > 1), None)
    intro = [
        "This plan helps you walk on a treadmill a little more each week.",
        f"Each time, walk slowly for {minutes_text(g.WARMUP_MIN)} to warm up. Then do your walk. "
        f"End with {minutes_text(g.COOLDOWN_MIN)} of slow walking.",
        "Rest on the days between your walks.",
        "The table shows how long and how hard to walk each week.",
        "Fill in the log on the last page after each walk. Bring it to your next visit.",
    ]
    if first_with_bouts is not None:
        example = week_row(first_with_bouts, units).walking
        bout = bout_text(first_with_bouts.bout_min)
        bout_words = bout.replace(" s", " seconds") if bout.endswith(" s") else f"{bout} minutes"
        intro.insert(3, f"In some weeks you walk in short parts: {example} means {first_with_bouts.bouts} walks of "
                        f"about {bout_words}. Stand and rest between them until your breathing settles.")
    effort_intro = ["Use this scale to rate how hard your walk feels. It runs from 6 to 20."]
    if any(week.band == "light" for week in plan.weeks):
        effort_intro.append("Light is 9 to 11: it feels easy.")
    low, high = plan.intensity.rpe
    effort_intro.append(f"Moderate is {low} to {high}: between light and somewhat hard. Do not go above {high}.")
    if not uses_hr:
        effort_intro += [PULSE_REASON[key] for key in hr_unreliable_reasons(profile)]
        effort_intro.append("Do not use your pulse to judge your effort. Your health or your medicine changes it.")
    pulse = []
    if uses_hr:
        pulse = [
            "Check your pulse near the end of your walk.",
            "Put two fingers on the inside of your wrist, below the thumb.",
            "Count the beats for 15 seconds. Then times it by 4.",
            "Keep it in the heart rate range in your table. If it is higher, slow down.",
        ]
    return Handout(
        title="Your treadmill walking plan",
        patient_name=profile.name,
        prepared_by=clinician,
        clinic=clinic,
        phone=phone,
        date=date.isoformat(),
        paper=paper,
        units=units,
        logo_path=logo_path,
        intro=intro,
        weeks=[week_row(week, units) for week in plan.weeks],
        weekly_minutes=[week.weekly_main_min for week in plan.weeks],
        week_notes=["Some weeks stay the same as the week before. This gives your body time to get used to it."],
        uses_heart_rate=uses_hr,
        effort_intro=effort_intro,
        effort_scale=[EffortLevel(rpe=str(level), words=g.RPE_WORDS.get(level, "")) for level in range(6, 21)],
        talk_test=["The talk test: at a moderate effort you can talk, but you cannot sing.",
                   "If you cannot talk, slow down."],
        pulse=pulse,
        **pain_lights(plan.rules.pain),
        stop_intro="Stop walking at once if you have any of these:",
        stop_signs=list(g.STOP_SIGNS),
        stop_after=["Sit down and rest. If it does not pass in a few minutes, call an ambulance.",
                    f"Then call the clinic: {phone}." if phone else "Then call your clinic."],
        safety=[PATIENT_SAFETY[w.code] for w in plan.warnings if w.code in PATIENT_SAFETY],
        logbook_intro=["Fill in one line after each walk.",
                       "Rate your effort from 6 to 20 and your pain from 0 to 10.",
                       "Fill in the next-morning pain the day after."],
        logbook_rows=LOGBOOK_ROWS,
        clinician=clinician_summary_for(plan, studies) if clinician_summary else None,
    )


def pain_lights(pain: PainRules) -> dict:
    """The handout's pain table, from the same numbers the plan and the session log use."""
    usual = pain.usual_pain
    intro = ["Some pain while you walk can be OK. Rate your pain from 0 (none) to 10 (the worst)."]
    if usual is not None and usual > g.PAIN_SAFE_MAX:
        intro.append(f"Your usual pain is about {usual}. Pain up to {pain.safe_max} is fine."
                     if pain.safe_max < usual else f"Your usual pain is about {usual}. Pain up to your usual level is fine.")
    amber = None
    if pain.acceptable_max > pain.safe_max:
        span = (f"{pain.safe_max + 1}" if pain.acceptable_max == pain.safe_max + 1
                else f"{pain.safe_max + 1} to {pain.acceptable_max}")
        amber = (f"{span}: OK, but do not add more. Stay at the same week until the pain stays at "
                 f"{pain.safe_max} or less.")
    if usual is None:
        morning = ["Your pain should settle by the next morning.",
                   "If pain or stiffness is worse the next morning, go back to last week."]
    else:
        morning = [f"Your pain should be back to your usual level ({usual} or less) by the next morning.",
                   f"If it is above {usual} the next morning, go back to last week."]
    return {
        "pain_intro": intro,
        "pain_green": f"0 to {pain.safe_max}: safe. Keep going.",
        "pain_amber": amber,
        "pain_red": (f"{pain.acceptable_max + 1}" + (" or more" if pain.acceptable_max + 1 < 10 else "")
                     + ": too much. Slow down or stop. Next time, go back to last week."),
        "pain_morning": morning,
    }


def clinician_summary_for(plan: Plan, studies: list[Study]) -> ClinicianSummary:
    screening = [f"ACSM 2015 screening: {plan.screening.acsm_row}.",
                 "Medical clearance: " + ("recorded." if plan.screening.clearance_documented else
                                          "recommended." if plan.screening.clearance_recommended else "not needed.")]
    if plan.screening.ada_note:
        screening.append(plan.screening.ada_note)
    intensity = [plan.intensity.method_reason]
    if plan.intensity.target_hr:
        intensity.append(f"Moderate target {plan.intensity.target_hr[0]}-{plan.intensity.target_hr[1]} bpm "
                         f"(40-59% HRR); light {plan.intensity.light_target_hr[0]}-{plan.intensity.light_target_hr[1]} bpm.")
    intensity.append(f"RPE {plan.intensity.rpe[0]}-{plan.intensity.rpe[1]} moderate, "
                     f"{plan.intensity.light_rpe[0]}-{plan.intensity.light_rpe[1]} light; talk test.")
    rules = plan.rules
    rule_rows = [
        ReferenceRow(text=f"Weekly main-set increase at most {rules.max_weekly_increase_pct}%.",
                     source=rules.max_weekly_increase_source.cited()),
        ReferenceRow(text=f"At most {rules.max_two_week_increase_pct}% over any two weeks.",
                     source=rules.max_two_week_increase_source.cited()),
        ReferenceRow(text=f"Toward {rules.weekly_target_min} min a week, sessions up to {rules.session_target_min} min.",
                     source=rules.volume_source.cited()),
        ReferenceRow(text=f"Warm-up {rules.warmup_min:g} min and cool-down {rules.cooldown_min:g} min, light.",
                     source=rules.warmup_source.cited()),
        ReferenceRow(text=f"Two light weeks first when walking tolerance is under {rules.light_start_below_min:g} min.",
                     source=rules.light_start_source.cited()),
        ReferenceRow(text=f"{rules.pain.rule} {rules.pain.caveat}", source="; ".join(
            source.cited() for source in (rules.pain.source, rules.pain.rise_source) if source)),
        ReferenceRow(text="Treadmill energy cost from the ACSM walking equation; speed from the patient's comfortable "
                          "walking speed.", source=rules.walking_equation_source.cited()),
    ]
    warnings = [ReferenceRow(text=f"[{w.severity}] {w.code}: {w.message}", source=w.source.cited())
                for w in plan.warnings]
    by_id = {s.id: s for s in studies}
    linked = [by_id[i] for i in plan.evidence if i in by_id]
    arrows = {"up": "↑", "down": "↓", "no change": "="}
    # Study text may come from a clinic's import: every piece is shortened to what a cell can hold and
    # printed with a visible mark for a character the fonts lack, so no study can stop a handout.
    from core.handout.renderer import study_text  # the fonts (reportlab) only when a summary is made

    def author(s: Study) -> str:
        return f"{study_text(s.first_author, 60)} {s.year}"

    def findings(s: Study) -> str:
        return study_text(", ".join(f"{study_text(f.marker, 40)} {arrows[f.direction]}" for f in s.findings), 400)

    study_rows = [ReferenceRow(
        text=f"{author(s)}. {study_text(s.title or 'Title not given', 300)}. {study_text(s.journal or '', 120)}".strip()
        + ("\nFindings: " + findings(s) if s.findings else ""),
        source=f"doi:{study_text(s.doi, 100)}" if s.doi else "DOI not given in the sources",
    ) for s in linked]
    dosing = [DosingRow(
        study=author(s), model=f"{study_text(s.model, 60)} ({s.species or '?'})",
        speed=(f"{s.exercise.speed_m_per_min:g} m/min [{study_text(str(s.exercise.speed_reported), 40)}]"
               if s.exercise.speed_m_per_min
               else f"not usable [{study_text(s.exercise.speed_reported, 40)}]" if s.exercise.speed_reported
               else "not reported"),
        minutes=_range_text(s.exercise.minutes_per_session),
        days_per_week=str(s.exercise.days_per_week or "n/r"), weeks=f"{s.exercise.weeks:g}" if s.exercise.weeks else "n/r",
        flags=str(len(s.flags)),
    ) for s in linked]
    flags = [f"{author(s)}, {study_text(f.field, 60)}: {study_text(f.message, 2000)}" for s in linked for f in s.flags
             if f.code != FlagCode.NOT_REPORTED]
    caution = DOSING_CAUTION + " Sources: " + "; ".join(
        f"{c.label}, doi:{c.doi}" for c in DOSING_CAUTION_CITATIONS)
    return ClinicianSummary(screening=screening, intensity=intensity, rules=rule_rows, warnings=warnings,
                            studies=study_rows, dosing=dosing, dosing_caution=caution, flags=flags)


def _range_text(minutes: tuple[float, float] | None) -> str:
    if minutes is None:
        return "n/r"
    return f"{minutes[0]:g}" if minutes[0] == minutes[1] else f"{minutes[0]:g}-{minutes[1]:g}"
