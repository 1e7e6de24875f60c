"""The clinician summary pages' content, in English whatever the handout's language: screening, intensity, the
plan's rules with their sources, warnings, the etiology's human evidence, the linked animal studies with their
dosing and data-quality flags."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from core.citing import cited_together
from core.evidence.dosing import (
    DOSING_CAUTION, DOSING_CAUTION_CITATIONS, SPECIES_NOT_STATED, days_in_words, left_out, speed_in_words,
)
from core.evidence.entries import EtiologyEntry
from core.evidence.flag_words import flag_in_words, listed_flags
from core.evidence.models import Flag, Study
from core.handout.language import Wording, english_date, unreviewed_note
from core.handout.model import ClinicianSummary, DosingRow, ReferenceRow
from core.handout.walk_days import rest_days
from core.plan import guidelines as g
from core.plan.engine import Plan
from core.plan.intensity import PULSE_TAKING_SOURCE, pulse_count_seconds
from core.plan.walking import energy_cost_in_words


def clinician_summary_for(plan: Plan, studies: list[Study], etiology: EtiologyEntry | None,
                          date: dt.date, units: Literal["metric", "imperial"] = "metric", *,
                          language: str = "en") -> ClinicianSummary:
    """``etiology``: the entry step 2 shows for the plan's etiology, for its human evidence; None where the records
    hold no entry for it (the summary then says so). ``language``: the patient's pages', whose translation is said
    here where no medical translator has reviewed it (the brief's section 9: say which languages have had that
    review), as the PDF is kept and filed without what the export said."""
    screening = [f"ACSM 2015 screening: {plan.screening.acsm_row}.", plan.screening.clearance_in_words]
    if plan.screening.ada_note:
        screening.append(plan.screening.ada_note)
    intensity = [plan.intensity.method_reason]
    if plan.intensity.target_hr:
        intensity.append(f"Moderate target {plan.intensity.target_hr[0]}-{plan.intensity.target_hr[1]} bpm "
                         f"(40-59% HRR); light {plan.intensity.light_target_hr[0]}-{plan.intensity.light_target_hr[1]} bpm.")
    intensity.append(f"RPE ({g.RPE_SCALE}) {plan.intensity.rpe[0]}-{plan.intensity.rpe[1]} moderate, "
                     f"{plan.intensity.light_rpe[0]}-{plan.intensity.light_rpe[1]} light; talk test.")
    intensity.append(f"Sources: {cited_together(plan.intensity.sources)}.")  # the bands' edition, the formula's DOI
    rules = plan.rules
    rule_rows = [
        ReferenceRow(text=f"Weekly main-set increase at most {rules.max_weekly_increase_pct}%.",
                     source=rules.max_weekly_increase_source.cited()),
        ReferenceRow(text=f"At most {rules.max_two_week_increase_pct}% over any two weeks. {rules.caps_held}".rstrip(),
                     source=rules.max_two_week_increase_source.cited()),
        ReferenceRow(text=f"Toward {rules.weekly_target_min} min a week, sessions up to {rules.session_target_min} min.",
                     source=rules.volume_source.cited()),
        ReferenceRow(text=f"Warm-up {rules.warmup_min:g} min and cool-down {rules.cooldown_min:g} min, light"
                          + (f"; the patient, whose first walks are under {rules.light_start_below_min:g} min, is "
                             "told 'up to' and to shorten them when tired (product default)."
                             if plan.slow_walking_shortened else "."),
                     source=rules.warmup_source.cited()),
        # whether it applies (seen in review: beside a plan with no light weeks it read as this patient's plan)
        ReferenceRow(text=f"Two light weeks first when walking tolerance is under {rules.light_start_below_min:g} min"
                          + (": this plan starts with them." if any(week.band == "light" for week in plan.weeks)
                             else ": not needed for this patient."),
                     source=rules.light_start_source.cited()),
        # what the patient's pages say of the days and the parts of a walk, and how to take the pulse (seen in an audit:
        # their sources were in the plan's JSON alone)
        ReferenceRow(text=_days_a_week(plan), source=rules.starting_sessions_source.cited()) if plan.weeks else None,
        ReferenceRow(text="The first walks are in short parts with rests between, the treadmill stopped and the "
                          "patient sitting down where needed, as walking tolerance is under "
                          f"{g.SHORT_BOUT_BELOW_MIN} min.",
                     source=rules.short_bout_source.cited()) if any(w.bouts > 1 for w in plan.weeks) else None,
        ReferenceRow(text=f"The patient takes the pulse for {pulse_count_seconds(_heart_rates(plan))} s after "
                          "stopping the belt, a hand on a handrail, and counts at once as it slows quickly.",
                     source=PULSE_TAKING_SOURCE.cited()) if any(w.target_hr for w in plan.weeks) else None,
        ReferenceRow(text=f"{rules.pain.rule} {rules.pain.caveat}", source=cited_together(rules.pain.sources)),
        ReferenceRow(text="After a stop sign: an ambulance at once for pain, pressure or tightness in the chest, "
                          "neck, jaw or arm, fainting, new numbness or weakness, sudden trouble speaking, a face "
                          "that suddenly droops, or sudden trouble seeing that is new (the handout lists these "
                          "first); otherwise rest, and an ambulance if it does not pass in a few minutes (on insulin "
                          "or a secretagogue, or with type 1 diabetes: the blood sugar checked first, and the low "
                          "blood sugar steps; an ambulance where the signs have not passed after a few minutes' "
                          "rest once it is back up). At T6 and above after a spinal cord injury, a line after them: "
                          "a pounding headache, or flushing or sweating above the injury, means stop, sit up and the "
                          "dysreflexia first aid of the safety points (Krassioukov 2009, as the warning). The signs "
                          "are put as changes from what the patient lives with: a stroke's lasting effects, MS "
                          "symptoms brought back by heat, an uneven beat with atrial fibrillation, and with "
                          "trigeminal neuropathy jaw pain unlike the usual face pain (product default).",
                     source=cited_together(g.EMERGENCY_SOURCES)),
        ReferenceRow(text="On and off the treadmill (every handout): the safety cord clipped on, the belt straddled "
                          "while it starts, never stepping off it moving, looking ahead.",
                     source=g.TREADMILL_SAFETY_SOURCE.cited()),
        ReferenceRow(text=("Treadmill speed from the patient's comfortable walking speed. "
                           if plan.weeks and plan.weeks[0].speed_kmh is not None else "")
                          + energy_cost_in_words(plan.weeks, units), source=rules.walking_equation_source.cited()),
    ]
    rule_rows = [row for row in rule_rows if row is not None]
    warnings = [ReferenceRow(text=w.headline, source=w.source.cited())
                for w in plan.warnings]
    by_id = {s.id: s for s in studies}
    linked = [by_id[i] for i in plan.evidence if i in by_id]
    # Study text may come from a clinic's import: every piece is shortened to what a cell can hold and
    # printed with a visible mark for a character the fonts lack, so no study can stop a handout.
    from core.handout.renderer import study_text  # the fonts (reportlab) only when a summary is made

    def author(s: Study) -> str:
        return f"{study_text(s.first_author, 60)} {s.year}"

    def findings(s: Study) -> str:
        return study_text(s.findings_listed(DISAGREE, marker=lambda name: study_text(name, 40)), 400)

    study_rows = [ReferenceRow(
        text=f"{author(s)}. {study_text(s.title or 'Title not given', 300)}. {study_text(s.journal or '', 120)}".strip()
        + ("\nFindings: " + findings(s) if s.findings else ""),
        source=f"doi:{study_text(s.doi, 100)}" if s.doi else "DOI not given in the sources",
    ) for s in linked]
    dosing = [DosingRow(
        study=author(s), model=f"{study_text(s.model, 60)} ({s.species or SPECIES_NOT_STATED})",
        speed=speed_in_words(s.exercise.speed_m_per_min,
                             study_text(s.exercise.speed_reported, 40) if s.exercise.speed_reported else None)
        + (IMPLAUSIBLE if s.exercise.speed_m_per_min and left_out(s, "speed_m_per_min") else ""),
        minutes=_range_text(s.exercise.minutes_per_session),
        days_per_week=days_in_words(s.exercise) or "n/r", weeks=f"{s.exercise.weeks:g}" if s.exercise.weeks else "n/r",
        flags=str(len(listed_flags(s)) or ""),
    ) for s in linked]

    def flag(s: Study, f: Flag) -> str:  # "Cho 2021, sources disagree on whose finding GABA ↑ is: ..." (not "gaba")
        said = flag_in_words(f, s)
        return f"{author(s)}, {study_text(said[:1].lower() + said[1:], 120)}: {study_text(f.message, 2000)}"

    flags = [flag(s, f) for s in linked for f in listed_flags(s)]
    caution = DOSING_CAUTION + " Sources: " + cited_together(DOSING_CAUTION_CITATIONS)
    human = [] if etiology is None else [ReferenceRow(
        text=etiology.human_evidence, source=cited_together(etiology.human_sources))] + [
        ReferenceRow(text=c.in_words, source=c.source.cited()) for c in [etiology.certainty] if c]
    return ClinicianSummary(screening=screening, intensity=intensity, rules=rule_rows, warnings=warnings,
                            human_evidence=human, studies=study_rows,
                            # why none: the plan's own words, naming the studies it left out and why
                            no_studies=plan.borrowed_structure.not_borrowed if not plan.evidence else
                            "The plan's animal studies are not in this library.", dosing=dosing, dosing_caution=caution,
                            flags=flags, date=english_date(date), translation=unreviewed_note(language) or "")


DISAGREE = " (the sources disagree)"  # after a finding's arrow (Study.disputed)
IMPLAUSIBLE = ", flagged implausible"  # seen in review: Chen 2012's 30 m/min stood unmarked beside 7-12 m/min


def _range_text(minutes: tuple[float, float] | None) -> str:
    if minutes is None:
        return "n/r"
    return f"{minutes[0]:g}" if minutes[0] == minutes[1] else f"{minutes[0]:g}-{minutes[1]:g}"


def _heart_rates(plan: Plan) -> list[tuple[int, int]]:
    return [week.target_hr for week in plan.weeks if week.target_hr]


def _days_a_week(plan: Plan) -> str:
    """Week 1's days a week against the product's default start, the most in later weeks, and the handout's words on
    rest days, in English. The engine never starts above the default, nor below it but for the patient's most days a
    week."""
    first, most = plan.weeks[0].sessions, max(week.sessions for week in plan.weeks)
    start = g.STARTING_SESSIONS_PER_WEEK
    said = " ".join(rest_days(plan, Wording())) or "nothing about rest days (a walk every day)."
    why = "" if first == start else (
        f", more than the product's default start of {start}, as a clinician changed the week" if first > start else
        f", fewer than the product's default start of {start} (the patient's most days a week, or a clinician's "
        "change)")
    more = (f", up to {most} in later weeks (a day is added once the walks reach {plan.rules.session_target_min} min)"
            if most > first else "")
    return f"Days a week: {first} in week 1{why}{more}; the handout says: {said}"
