"""From a week's session log, suggest what next week should be: progress, hold or step back.

Uses the plan's own pain rules (``plan.rules.pain``, judged against the patient's usual pain; see
core/plan/pain.py): pain during walking above the acceptable top, next-morning pain above usual, or
more stiffness than usual the next morning, means stepping back; pain above the safe top means holding.
The traffic-light model comes from Achilles tendon pain (Silbernagel 2007), not neuropathic pain, and
every suggestion says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from core.plan import guidelines as g
from core.plan.engine import Plan, Week
from core.plan.intensity import pulse_below_resting
from core.plan.pain import CAVEAT
from core.plan.session_log import SessionLog
from core.plan.step_back import SLOW_THE_BELT, eased_week, way_back
from core.plan.walking import slipped, speed_in_units, typed_speed_in_words
from core.plan.warnings import WARNING_NAMES, WarningCode


# "pause": the plan in force is blocked by screening; "hold" would read as "walk this week again".
Action = Literal["progress", "hold", "step-back", "pause"]
ACTION_WORDS: dict[str, str] = {"progress": "Progress", "hold": "Hold", "step-back": "Step back",
                                "pause": "No walks until screening is resolved"}


class NextWeekSuggestion(BaseModel):
    action: Action
    reason: str
    next_week: Week | None
    caveat: str = CAVEAT  # "" and None where the pain model is not what decided (paused_by_screening)
    source: g.Source | None = g.PAIN_SOURCE
    # a hold for the walks themselves (pain, effort or pulse too high): the week is walked again, and a walk after it is
    # the week again, not one more of its walks (course_rows); not walks too short (a walk made up in the same days
    # completes the week), nor a record missing
    walk_again: bool = Field(False, exclude=True)


class BeyondPlan(BaseModel):
    """A week walked beyond its plan: more walking minutes than planned by more than the plan's two-week cap
    (the most its weeks rise over two weeks; Nielsen 2014 found more injuries above 30 %). Seen in review: six
    25-minute walks in a week of three 10-minute walks read "100 %" and "Progress", unflagged."""

    walked_minutes: float
    planned_minutes: float
    cap_pct: int

    @property
    def above_pct(self) -> float:
        return (self.walked_minutes / self.planned_minutes - 1) * 100

    def in_words(self) -> str:
        times = self.walked_minutes / self.planned_minutes
        how_much = f"{round(times, 1):g} times" if times >= 2 else f"{self.above_pct:.0f} % more than"
        return (f"{self.walked_minutes:g} walking minutes, {how_much} the {self.planned_minutes:g} planned; the plan "
                f"lets its minutes rise by at most {self.cap_pct} % over two weeks")


def beyond_plan(walked_minutes: float, planned_minutes: float, cap_pct: int) -> BeyondPlan | None:
    """The week's walking against its planned minutes, when above them by more than ``cap_pct``."""
    if planned_minutes <= 0 or walked_minutes <= planned_minutes * (1 + cap_pct / 100) + 1e-9:
        return None
    return BeyondPlan(walked_minutes=walked_minutes, planned_minutes=planned_minutes, cap_pct=cap_pct)


def said_beyond_or_twice(suggestion: NextWeekSuggestion, beyond: BeyondPlan | None,
                         twins: Sequence[dt.date] = ()) -> NextWeekSuggestion:
    """The suggestion for a week walked beyond its plan, saying so and what to do (the adherence, capped at 100 %
    a week, would not show it). ``twins``: days with two walks of the same minutes that week, which may be one walk
    entered twice, said whether or not the week went beyond its plan (seen in review: a walk added twice read as
    walking beyond the plan, with advice to re-base it; and, within the plan, completed a week that moved on)."""
    twice = "" if not twins else (
        f" Walks of the same minutes are logged twice on {', '.join(day.isoformat() for day in twins)}: if a walk was "
        "entered twice, delete the copy first, as the week counts it.")
    if beyond is None:
        return suggestion.model_copy(update={"reason": suggestion.reason + twice}) if twice else suggestion
    return suggestion.model_copy(update={"reason": f"{suggestion.reason} This week went beyond the plan: "
                                         f"{beyond.in_words()}.{twice} Ask the patient about the extra walking: keep "
                                         "to the plan's minutes, or base a new plan version on what they walk now."})


BREAK_DAYS = 14  # a product default, no trial behind it: after this long without a walk, a week is not moved on from
# a product default, no trial behind it: a gap of a week or more without a walk is named in the course (a plan walks on
# 2 to 5 days a week, so a whole week went unwalked); seen in review: ten days without a walk read as 100 % adherence
# with nothing said
GAP_DAYS = 7


def no_walk_for(days: int, since: dt.date) -> str:
    return f"No walk is logged for {days} days, since {since.isoformat()}"


def said_after_break(suggestion: NextWeekSuggestion, days: int, since: dt.date) -> NextWeekSuggestion:
    """The suggestion, ``days`` after the latest walk (on ``since``), saying so where that is BREAK_DAYS or more and it
    does not already. Seen in review: 74 days without a walk read only "repeat this week", and 67 days only "ask the
    patient how the pain is": the break was said in the adherence lines, not in the advice the report prints."""
    said, ask = no_walk_for(days, since), "ask the patient about the break before the next walk."
    if days < BREAK_DAYS or suggestion.action == "pause" or ask in suggestion.reason.lower():
        return suggestion
    # the break said already (the hold after one, "walk week 1 again"): the question still asked (seen by a helper
    # checking docs/plan.md, which promises it whatever the advice)
    added = ask.capitalize() if said in suggestion.reason else f"{said}: {ask}"
    return suggestion.model_copy(update={"reason": f"{suggestion.reason} {added}"})


def _mornings_to_ask(logs: list[SessionLog], stiffness_asked: bool) -> str:
    """The mornings after ``logs`` not recorded yet, said with a hold for another reason (a sentence, or ""): seen by a
    clinician's tester, "acceptable pain: stay at this week" said nothing of the next morning not yet known, which
    steps the week back if its pain is above usual or it was stiffer. What is missing is named (seen in testing: "the
    mornings ... are not recorded yet" of mornings whose pain was, and only the stiffness was not)."""
    pain = {log.date for log in logs if log.pain_next_morning is None}
    stiff = {log.date for log in logs if stiffness_asked and log.stiffer_next_morning is None}
    if not pain | stiff:
        return ""

    def mornings(days: set[dt.date]) -> str:
        return f"the morning{'s' if len(days) > 1 else ''} after {', '.join(d.isoformat() for d in sorted(days))}"

    missing = [mornings(pain & stiff) if pain & stiff else "",
               f"the pain {mornings(pain - stiff)}" if pain - stiff else "",
               f"whether the patient was stiffer {mornings(stiff - pain)}" if stiff - pain else ""]
    return (f" Not recorded yet: {' and '.join(filter(None, missing))}. Ask the patient, as pain above usual or more "
            "stiffness then means a step back.")


def _sentence(clause: str) -> str:
    """A clause ("heart rate was ...") as a sentence's start: its first letter a capital, the rest as it is."""
    return clause[:1].upper() + clause[1:]


def suggest_next_week(plan: Plan, week: int, logs: list[SessionLog], usual_pain: int | None = None, *,
                      in_progress: bool = False, days_since: int = 0, again: str = "",
                      stiffness_asked: bool = True, eased: bool = False, read_notes: bool = True,
                      units: str = "metric", pulse_set_aside: str = "") -> NextWeekSuggestion:
    """``week`` is the plan week to judge (1-based); the logs of other weeks are ignored. ``usual_pain`` is
    read only for plans saved before their pain rules recorded it (their next-morning check was against
    the profile's usual pain). A pain not recorded never counts as no pain: it holds the week. ``in_progress``:
    the week's walks are not all done yet, so a pain or effort rule acts at once, but too few walks is not yet a
    reason to repeat the week. ``days_since``: days from the latest walk to today; after a break of BREAK_DAYS or
    more the week is walked again before moving on (seen in review: "Progress" twelve weeks after the last walk).
    ``again``: how the course names a week walked again ("1 (again)"), said of a week in progress (seen in review:
    "Week 1 is in progress, 1 of 3 walks so far" after a step back, as if the walks before had not counted).
    ``eased``: the week walked again after a step back that stayed at its minutes and slowed the belt to the week
    before's effort (eased_week): judged against that effort, and walked well, it leads to the week as planned (seen
    in review: such walks judged against the moderate target they were told to drop, "lighter than this moderate
    week's target", and "move on to week 4", where week 3 raises the effort with the minutes kept). ``read_notes``:
    whatever the advice, it names the days with a patient's note, to be read first (False: a week looked back at).
    ``pulse_set_aside``: why the week's heart-rate range no longer guides (set_aside_pulse): a pulse above it is said,
    not judged."""
    if plan.blocked or not plan.weeks:
        return NextWeekSuggestion(action="pause", reason=f"The plan is blocked by screening. {blocked_because(plan)}",
                                  next_week=None)
    if not 1 <= week <= len(plan.weeks):
        raise ValueError(f"week must be from 1 to {len(plan.weeks)}")
    this_week = plan.weeks[week - 1]
    previous = plan.weeks[max(week - 2, 0)]
    following = plan.weeks[week] if week < len(plan.weeks) else this_week
    easier = eased_week(plan, week) if eased else None
    if easier is not None:
        this_week, following = easier, this_week
    onward = f"move on to week {following.week}" if easier is None else (
        f"walk week {week} again at its {following.band} effort (RPE {following.rpe[0]}-{following.rpe[1]})")

    noted = ""  # a heart rate above the range where it does not guide (below T6; a version in force without heart-rate
    # targets), said with whatever follows: it does not hold alone
    notes = ""  # the days with a note, whatever the advice (seen in review: a low blood sugar noted under "Progress")

    def hold(reason: str, *, again: bool = False) -> NextWeekSuggestion:
        return NextWeekSuggestion(action="hold", reason=reason + noted + notes, next_week=this_week, walk_again=again)

    previous, back = way_back(this_week, previous)
    logs = [log for log in logs if log.week == week]
    if not logs:
        return hold("No sessions are logged for this week: repeat it before moving on.")
    notes = _read_the_notes(plan, logs) + _speeds_to_check(plan.weeks[week - 1], logs, units) if read_notes else ""
    # a pulse below the resting one is most likely a hand count typed as it was: said whatever the advice (seen in
    # review: 30 bpm against a resting 78 went unsaid under the week held for pain 7/10)
    slow = [log for log in logs if log.heart_rate and log.heart_rate < plan.intensity.hr_rest]
    pulse = " " + pulse_below_resting(slow[0].heart_rate, plan.intensity.hr_rest,
                                      [planned.target_hr for planned in plan.weeks if planned.target_hr],
                                      on=slow[0].date.isoformat()) if slow else ""
    pain = plan.rules.pain
    too_much = [log for log in logs if log.pain_during is not None and log.pain_during > pain.acceptable_max]
    if too_much:
        return NextWeekSuggestion(
            action="step-back", next_week=previous,
            reason=f"Pain went above {pain.acceptable_max}/10 during walking on {too_much[0].date.isoformat()} "
                   f"({too_much[0].pain_during}/10): {back}.{pulse}{notes}",
        )
    usual = pain.usual_pain if pain.usual_pain is not None else usual_pain if usual_pain is not None else pain.safe_max
    not_settled = [log for log in logs if log.pain_next_morning is not None and log.pain_next_morning > usual]
    if not_settled:
        return NextWeekSuggestion(
            action="step-back", next_week=previous,
            reason=f"Pain the next morning after {not_settled[0].date.isoformat()} was {not_settled[0].pain_next_morning}/10, "
                   f"above the usual {usual}/10: {back}.{pulse}{notes}",
        )
    stiffer = [log for log in logs if log.stiffer_next_morning]
    if stiffer:
        return NextWeekSuggestion(
            action="step-back", next_week=previous,
            reason=f"The morning after {stiffer[0].date.isoformat()} was stiffer than usual: {back}.{pulse}{notes}",
        )
    amber = [log for log in logs if log.pain_during is not None and log.pain_during > pain.safe_max]
    top_rpe = this_week.rpe[1]  # a light week's own target, not the plan's moderate one
    harder = (f"effort was rated above {top_rpe} (harder than this week's {this_week.band} target)"
              if any(log.rpe > top_rpe for log in logs) else "")
    # the handout tells the patient to slow down above the week's heart-rate range; the log can show they did not
    fast = [log for log in logs if this_week.target_hr and log.heart_rate and log.heart_rate > this_week.target_hr[1]]
    above_range = f"heart rate was {fast[0].heart_rate} bpm on {fast[0].date.isoformat()}, above this week's " \
        f"{this_week.target_hr[0]}-{this_week.target_hr[1]} bpm" if fast else ""
    # Below T6 the plan lets effort lead and calls the heart rate a rough guide: it does not hold the week alone
    # (seen in review: walks at the target effort and usual pain held, and the belt slowed, on heart rate alone)
    rough_guide = any(warning.code == WarningCode.HR_ROUGH_GUIDE for warning in plan.warnings)
    pulse_guides = not rough_guide and not pulse_set_aside
    too_hard = " and ".join(filter(None, [harder, above_range if pulse_guides else ""]))  # every reason, not the first
    unasked = _mornings_to_ask(logs, stiffness_asked)
    if amber:  # (seen in review: pain 6 named, an effort of 14 and a pulse above the range left unsaid)
        return hold(f"Pain reached {max(log.pain_during for log in amber)}/10 during walking (acceptable, "
                    f"{pain.safe_max + 1}-{pain.acceptable_max}/10): stay at this week until it stays at "
                    f"{pain.safe_max}/10 or less." + (f" Also, {too_hard}: {SLOW_THE_BELT}." if too_hard else "")
                    + unasked + pulse, again=True)
    if too_hard:
        return hold(f"{_sentence(too_hard)}: keep the minutes and {SLOW_THE_BELT}.{unasked}{pulse}", again=True)
    if slow:  # seen in review: a 15-second count of 34 read as 34 bpm, and "Progress" (times 4, above the range)
        return hold(f"{pulse.strip()} Check it before moving on.")
    noted = "" if not fast else f" {_sentence(above_range)}: not judged, as {pulse_set_aside}." if pulse_set_aside \
        else f" {_sentence(above_range)}, a rough guide after a spinal cord injury: effort was not above its target."
    if in_progress and len(logs) < this_week.sessions:
        so_far = f"{len(logs)} of {this_week.sessions} walks so far"
        return hold((f"Week {again} is in progress, its walks counted anew as it is walked again: {so_far}; "
                     if again else f"Week {week} is in progress, {so_far}: ")
                    + "finish its walks; the next week is judged when they are done.")
    done = [log for log in logs if log.minutes >= this_week.main_min]
    if len(done) < this_week.sessions:
        return hold(f"{len(done)} of {this_week.sessions} planned sessions reached {this_week.main_min:g} minutes: "
                    "repeat this week.")  # a walk made up in the same days completes it
    if any(log.pain_during is None for log in logs):
        return hold("Pain during walking is not recorded for every session: record it before moving on.")
    if any(log.pain_next_morning is None for log in logs):
        return hold("Next-morning pain is not recorded for every session: record it before moving on.")
    # seen in review: read as "not stiffer", and moved on. ``stiffness_asked`` False: a week walked on from, looked back
    # at (course_rows), where sessions logged before schema 12 have none: every such week read "held, and the walking
    # went on"
    if stiffness_asked and any(log.stiffer_next_morning is None for log in logs):
        return hold("Whether the next morning was stiffer is not recorded for every session: record it before "
                    "moving on.")
    if days_since >= BREAK_DAYS:
        return hold(f"{no_walk_for(days_since, max(log.date for log in logs))}: "
                    f"after a break of {BREAK_DAYS} days or more, walk week {week} again before moving on (a product "
                    "default, not from a trial).")
    lighter = _lighter_than_planned(this_week, logs, not pulse_guides)
    if week == len(plan.weeks) and easier is None:
        return hold("Last week of the plan done with pain in the safe range: keep this level and review the plan."
                    + lighter)
    extra = len(logs) - this_week.sessions  # seen in review: "All 3 sessions done" of a week of five walks
    done_words = f"All {this_week.sessions} sessions done" if not extra else \
        f"All {this_week.sessions} planned sessions done, and {extra} more"
    return NextWeekSuggestion(
        action="progress", next_week=following,
        reason=f"{done_words}, pain {pain.safe_max}/10 or less and settled by the next morning: {onward}.{noted}"
               f"{lighter}{notes}",
    )


def set_aside_pulse(judged: Plan, in_force: Plan, version: int) -> str:
    """Why walks under ``judged``, whose targets were heart rates, are not judged by them: ``in_force`` (version
    ``version``) does not set the effort by heart rate (a beta-blocker begun, say); "" where nothing changed. Seen in
    review: "heart rate was 142 bpm, above this week's 112-128 bpm: slow the belt" under a version in force that says
    heart rate cannot set intensity, and a handout with no pulse on it."""
    if judged.intensity.method == "hrr" and in_force.intensity.method != "hrr":
        return f"version {version}, the plan in force, does not set the effort by heart rate"
    return ""


def _lighter_than_planned(week: Week, logs: list[SessionLog], pulse_set_aside: bool) -> str:
    """A week whose every walk was rated below its effort target (and, where its pulse guides, whose every pulse
    logged was below its range), said with its move on for the clinician to review. Seen in review: moderate weeks
    walked at efforts of 7-8 and pulses of 92-95 against 12-13 and 109-126 moved on with nothing said."""
    if not logs or any(log.rpe >= week.rpe[0] for log in logs):
        return ""
    lowest, highest = min(log.rpe for log in logs), max(log.rpe for log in logs)
    rated = str(lowest) if lowest == highest else f"{lowest}-{highest}"
    said = f" Effort was rated below this week's {week.rpe[0]}-{week.rpe[1]} target on every walk ({rated})"
    pulses = [log.heart_rate for log in logs if log.heart_rate]
    if week.target_hr and not pulse_set_aside and pulses and max(pulses) < week.target_hr[0]:
        said += f", and every pulse logged was below its {week.target_hr[0]}-{week.target_hr[1]} bpm range"
    return f"{said}: the walks were lighter than this {week.band} week's target; review the speed and slope with the " \
        "patient."


# The plan's cautions a patient's note may touch (foot care, blood sugar, heat, autonomic dysreflexia, falls), each
# named where the plan has it: the first of the fall-related ones the plan has names the falls
NOTE_CAUTIONS: tuple[tuple[WarningCode, ...], ...] = (
    (WarningCode.FOOT_CARE,), (WarningCode.HYPOGLYCEMIA,), (WarningCode.HEAT_SENSITIVITY,),
    (WarningCode.AUTONOMIC_DYSREFLEXIA,), (WarningCode.FALL_RISK, WarningCode.FREEZING, WarningCode.HARNESS))


def _read_the_notes(plan: Plan, logs: list[SessionLog]) -> str:
    """A week's notes are the patient's own words, which no rule reads: the advice waits for the clinician to read
    them, whatever it is, and names the plan's cautions they may touch. Seen in review: a diabetic patient's 'left
    foot sore' under "Progress", where the plan's foot-care caution says to stop treadmill work; a low blood sugar, a
    trip on the belt and heat symptoms under advice that named none of them, or no note at all; and, said in full,
    each caution's own words made the advice too long to read (150 words)."""
    dates = sorted({log.date for log in logs if log.note.strip()})
    if not dates:
        return ""
    codes = {warning.code for warning in plan.warnings}
    names = [WARNING_NAMES[next(code for code in kinds if code in codes)] for kinds in NOTE_CAUTIONS
             if codes.intersection(kinds)]
    cautions = "" if not names else (f", or something the plan's {names[0]} caution answers" if len(names) == 1 else
                                     f", or something the plan's {', '.join(names[:-1])} or {names[-1]} caution "
                                     "answers")
    several = len(dates) > 1
    return (f" Read the patient's note{'s' if several else ''} of {', '.join(d.isoformat() for d in dates)} first: "
            f"{'they' if several else 'it'} may hold a stop sign{cautions}, to act on before the next walk.")


def _speeds_to_check(planned: Week, logs: list[SessionLog], units: str) -> str:
    """The walks whose belt speed reads as logged in the other units (walking.slipped), named whatever the advice
    until corrected, speeds in the clinic's ``units``. Seen in review: 4.3 typed in an imperial clinic's mph form for
    a 4 km/h week, kept as 6.92 km/h (a jog, for a patient with reduced foot sensation), was questioned once as it was
    logged and never again."""
    slips = [log for log in logs if log.speed_kmh and planned.speed_kmh and slipped(log.speed_kmh, planned.speed_kmh)]
    if not slips:
        return ""
    walks = ", ".join(f"{log.date.isoformat()} at {typed_speed_in_words(log.speed_kmh, units)}"
                      for log in sorted(slips, key=lambda log: log.date))
    one = len(slips) == 1
    return (f" Check the belt speed of the walk{'' if one else 's'} of {walks}: far from week {planned.week}'s planned "
            f"{speed_in_units(planned.speed_kmh, units)}, {'it reads' if one else 'they read'} as logged in the "
            "other units; correct the session if so.")


def blocked_because(plan: Plan) -> str:
    """Why a blocked plan is blocked and what would let it go ahead, one sentence each."""
    return " ".join(f"{reason.message} To go ahead: {reason.unblock}" for reason in plan.block_reasons) \
        or "It has no walking week."


def paused_by_screening(version: int, plan: Plan, *, after_walks: bool) -> NextWeekSuggestion:
    """No walks until screening is resolved: why, each reason with its own source; not the pain model's caveat and
    source (seen in review: an unstable-angina block "sourced" to a trial of Achilles tendon pain)."""
    saved = ", saved after these walks," if after_walks else ""
    return NextWeekSuggestion(action="pause", next_week=None, caveat="", source=None, reason=(
        f"Plan version {version}{saved} is blocked by screening. {blocked_because(plan)}"))
