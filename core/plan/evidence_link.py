"""Which animal studies back the plan, and which parts of their structure the plan borrows."""

from __future__ import annotations

from pydantic import BaseModel

from core.evidence.dosing import DosingSummary, dosing_summary, lends_structure, protocol_disputed
from core.evidence.models import Study
from core.plan import guidelines as g


class BorrowedStructure(BaseModel):
    study_ids: list[str]  # animal treadmill pain studies of this etiology that tested exercise alone
    borrows: bool = True  # False where none of them reports how often, how long or for how many weeks
    frequency: str
    session_length: str
    ramp: str
    not_borrowed: str
    dosing: DosingSummary


def _range(spread, unit: str) -> str:
    if spread.n == 0:
        return "not reported"
    studies = "1 study" if spread.n == 1 else f"{spread.n} studies"
    if spread.low == spread.high:
        return f"{spread.low:g} {unit} ({studies})"
    return f"{spread.low:g}-{spread.high:g} {unit} (median {spread.median:g}, {studies})"


def _walks(sessions_per_week: list[int], most_days: int, also: str = "") -> str:
    """"The plan walks 3-5 days a week (where its days come from; ``also``)", or that a blocked plan has no walking
    week yet (seen in review: "The plan walks no days a week (no walking week)" for a plan that walks none)."""
    if not sessions_per_week:
        return "The plan is blocked, so it has no walking week yet" + (f" ({also})" if also else "")
    low, high = min(sessions_per_week), max(sessions_per_week)
    days = str(low) if low == high else f"{low}-{high}"
    said = "; ".join(filter(None, [_days_said(sessions_per_week, most_days), also]))
    return f"The plan walks {days} days a week ({said})"


def _days_said(sessions_per_week: list[int], most_days: int) -> str:
    """Where the plan's days a week come from: it starts at the product default's days, or at the patient's most
    days where the clinician set fewer, and adds days up to that most."""
    first, top = sessions_per_week[0], max(sessions_per_week)
    most = "the most days a week set for this patient"
    set_fewer = first == most_days < g.STARTING_SESSIONS_PER_WEEK  # the clinician's most, below the default start
    said = [f"{first} to start, {most if set_fewer else 'a product default'}"]
    if top > first:
        said.append(f"up to {top}, {most if top == most_days else 'as the walks lengthen'}")
    return "; ".join(said)


def borrowed_structure(etiology_id: str, studies: list[Study], sessions_per_week: list[int],
                       most_days: int) -> BorrowedStructure:
    # In year order whatever order the studies came in, so the same library always gives the same plan.
    mine = sorted((s for s in studies if etiology_id in s.etiologies and lends_structure(s)), key=lambda s: (s.year, s.id))
    summary = dosing_summary(etiology_id, studies)
    ramped = [f"{s.named} ({minutes[0]:g} to {minutes[1]:g} min"
              + ("; its printed protocol is in doubt, see its flags)" if protocol_disputed(s) else ")") for s in mine
              if (minutes := s.exercise.minutes_per_session) and minutes[0] < minutes[1]]
    # a blocked plan has no walking week: what it would do once it can start
    build = "Sessions build toward" if sessions_per_week else "Once the plan can start, sessions build toward"
    silent = bool(mine) and not any(s.exercise.days_per_week or s.exercise.minutes_per_session or s.exercise.weeks
                                    for s in mine)  # a treadmill protocol the sources do not report
    left_out = "".join(  # the etiology's other animal treadmill studies, and why none of them lends anything
        f" {words}: {', '.join(names)}." for words, names in (
            ("Treadmill studies without a pain outcome are not used", summary.no_pain_outcome),
            ("Treadmill studies of pain that gave exercise with another treatment are not used, as their effect "
             "is not exercise's alone", summary.with_other_treatment)) if names)
    if not mine or silent:
        if silent:
            why = (f"The animal treadmill studies of pain for this etiology ({', '.join(s.named for s in mine)}) "
                   "report no frequency, session length or duration")
            none = "no animal pain study reports it"
        elif summary.with_other_treatment:
            why = "No animal treadmill study of pain that tested exercise alone exists for this etiology"
            none = "no animal pain study of exercise alone"
        else:
            why, none = "No animal treadmill study of pain exists for this etiology", "no animal pain study"
        return BorrowedStructure(
            study_ids=[s.id for s in mine], borrows=False,
            frequency=(f"{_walks(sessions_per_week, most_days, none)}; Garber 2011 advises moderate exercise on 5 or "
                       "more days, the SCI and MS guidelines on at least 2."),
            session_length=f"{build} {g.SESSION_TARGET_MIN} minutes, from the human guidance ({none}).",
            ramp=f"Session length grows gradually, within the weekly caps ({none}).",
            not_borrowed=(f"{why}, so nothing is borrowed from animals: how long and how gradual the walks are "
                          f"rests on the human guidance (sessions toward {g.SESSION_TARGET_MIN} minutes, "
                          f"{g.WEEKLY_TARGET_MIN} minutes a week; Garber 2011), "
                          f"and starting at {g.STARTING_SESSIONS_PER_WEEK} days a week is a product default, fewer "
                          f"than its 5 or more days of moderate exercise.{left_out}"),
            dosing=summary)
    return BorrowedStructure(
        study_ids=[s.id for s in mine],
        frequency=(f"{_walks(sessions_per_week, most_days)}; animal protocols: "
                   f"{_range(summary.days_per_week, 'days a week')}{summary.days_note}."),
        session_length=(f"{build} {g.SESSION_TARGET_MIN} minutes; longest animal sessions: "
                        f"{_range(summary.longest_session_min, 'min')}."),
        # the idea of a ramp, never its pace: a rodent protocol may go from 10 to 60 minutes within two weeks
        ramp=("Session length grows gradually, within the weekly caps. Animal studies that ramped session length: "
              + ", ".join(ramped) + "; only the idea of a ramp is borrowed, not their pace."
              if ramped else "Session length grows gradually; none of these studies reported a ramp."),
        not_borrowed=f"Speed is never borrowed: rodent treadmill speeds do not translate to people.{left_out}",
        dosing=summary,
    )
