"""What to check in a logged walk, said when it is logged or corrected (the window's session log and ``sessions add``):
a date before its plan version, a week the calendar cannot have reached yet or more than one on from the last,
minutes more than twice the plan, a belt speed in the other units, a pulse below resting, the same walk entered
twice, and what is not recorded yet."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core.plan.intensity import pulse_above_unused_range, pulse_below_resting
from core.plan.overrides import effective_plan
from core.plan.session_log import SessionLog
from core.plan.walking import units_slip
from core.records.walk_dates import diary_begins
from core.words import counted, listed

if TYPE_CHECKING:
    from core.records.models import PlanVersion, SessionRecord


def walk_notes(walk: SessionRecord, history: list[PlanVersion], sessions: list[SessionRecord] = (), *,
               typed_in: str = "km/h") -> list[str]:
    """What to check in ``walk`` (the notes of the version it was walked under), given the patient's ``history``
    oldest first, whose first version's day is the day the course began, and the patient's other ``sessions``: one
    of the same day, week and minutes may be this walk entered twice (seen in review: the same walk added twice
    passed unsaid, then read as a week walked beyond the plan)."""
    version = next((version for version in history if version.id == walk.plan_id), None)
    # a diary's weeks count from its first walk, if within the patient's longest plan before the first version (seen
    # in review: last year's date typed in January, within the year the records take, put week 1 a year back, and no
    # later walk was asked to check its week)
    diary_from = diary_begins(history)
    first_walked = min((other.date for other in sessions if other.id != walk.id and other.date >= diary_from),
                       default=None)
    notes = [] if version is None else version_notes(version, walk.as_logged(), history[0].saved_on, typed_in,
                                                     first_walked, diary_from)
    notes += _week_jump_notes(walk, sessions)
    twins = [other.id for other in sessions if other.id != walk.id and (other.date, other.week, other.minutes)
             == (walk.date, walk.week, walk.minutes)]
    if twins:  # by what the log shows (seen in testing: "Session 6 is ..." in the window, whose table shows no
        # ids); each of them (seen in review: the second of two earlier ones went unnamed)
        notes.append(f"{'Another walk' if len(twins) == 1 else f'{len(twins)} other walks'} of {walk.minutes:g} "
                     f"minutes in week {walk.week} on {walk.date.isoformat()} "
                     f"{'is' if len(twins) == 1 else 'are'} logged (session{'s' if len(twins) > 1 else ''} "
                     f"{', '.join(map(str, twins))}): check that the walk was not entered twice.")
    unknown = [what for what, value in (("the pain during it", walk.pain_during),
                                        ("the next morning's pain", walk.pain_next_morning),
                                        ("whether the next morning was stiffer", walk.stiffer_next_morning))
               if value is None]
    latest = max((other.week for other in sessions if other.plan_id == walk.plan_id), default=walk.week)
    if unknown and walk.week >= latest:  # seen in review: optional, and the hold they bring said only by progress
        notes.append(f"Not recorded yet: {listed(unknown)}. The week does not move on until "
                     f"{'it is' if len(unknown) == 1 else 'they are'}: correct the session when the patient says.")
    return notes


def version_notes(version: PlanVersion, walk: SessionLog, course_began: dt.date, typed_in: str = "km/h",
                  first_walked: dt.date | None = None, diary_from: dt.date | None = None) -> list[str]:
    """What to check in a walk that is kept as logged under ``version`` (``course_began``: the day the patient's
    first version was saved; ``first_walked``: the day of their first other walk, from which the weeks count where it
    came sooner, a paper diary entered late; ``diary_from``: the earliest day such a diary may begin, the patient's
    longest plan before the first version). A walk dated before this version was saved (a paper diary entered late, or
    a mistyped year); a week the calendar cannot have reached yet (week 3 on the day the plan was saved: a mistyped
    week, or weeks walked faster than the plan steps up; seen in review, "the weeks before it count as missed" after
    weeks 1 and 2 were walked); minutes more than twice the week's plan; a belt speed that reads as typed in the
    other units (``typed_in``: the units it was typed in, walking.units_slip)."""
    # The date's note, and then what is checked in every walk: seen in review, a diary entered late (the usual
    # walk dated before its version was saved) got only the date's note, and 2.4 km/h for a 3.8 km/h week no word.
    # The weeks count from the first walk where it came before the first plan was saved (seen by a clinic's tester:
    # week 2, walked three weeks after a diary's first walk, was told to check the week).
    walked_first = first_walked is not None and first_walked < course_began
    week_one = first_walked if walked_first else course_began
    week_begins = week_one + dt.timedelta(weeks=walk.week - 1)
    if walk.date < course_began:  # seen in review: "a diary entered late is fine" of a walk before any plan
        notes = [f"The walk is dated {walk.date.isoformat()}, before the first plan was saved on "
                 f"{course_began.isoformat()}: check the date (a walk before the course began is still counted "
                 "in it)." + (f" It is {(course_began - walk.date).days} days before it, longer than this patient's "
                             "longest plan: check the year." if diary_from and walk.date < diary_from else "")]
    elif walk.date < version.saved_on:
        notes = [f"The walk is dated {walk.date.isoformat()}, before plan version {version.version} was saved on "
                 f"{version.saved_on.isoformat()}: check the date (a diary entered late is fine)."]
    else:
        notes = []
    if week_one <= walk.date < week_begins:
        since = "the first walk" if walked_first else "the first plan was saved"
        notes.append(f"Week {walk.week} begins {counted(walk.week - 1, 'week')} after {since} "
                     f"({week_one.isoformat()}), on {week_begins.isoformat()} at the earliest, and the walk "
                     f"is dated {walk.date.isoformat()}: check the week (walked sooner than that, the minutes "
                     "rise faster than the plan's weekly steps).")
    weeks = effective_plan(version.plan, version.overrides, version.profile.max_sessions_per_week).weeks
    if 1 <= walk.week <= len(weeks):  # the weeks as overridden
        planned = weeks[walk.week - 1].main_min
        if walk.minutes > 2 * planned:
            notes.append(f"The walk's {walk.minutes:g} minutes are more than twice week {walk.week}'s planned "
                         f"{planned:g}: check the minutes.")
        speed = weeks[walk.week - 1].speed_kmh  # seen in review: a walking log's 1.6 mph logged as 1.6 km/h
        if walk.speed_kmh and speed and (slip := units_slip(walk.speed_kmh, speed, walk.week, typed_in)):
            notes.append(slip)
    if walk.heart_rate is not None and walk.heart_rate < version.profile.resting_hr:
        notes.append(pulse_below_resting(walk.heart_rate, version.profile.resting_hr,
                                         [week.target_hr for week in weeks if week.target_hr]))
    elif walk.heart_rate is not None and (high := pulse_above_unused_range(walk.heart_rate, version.profile)):
        notes.append(high)
    return notes


def _week_jump_notes(walk: SessionRecord, sessions: list[SessionRecord]) -> list[str]:
    """A week more than one on from the furthest walked before it under the same version: the weeks between count
    as missed, and the next week's advice is judged on this one (seen in review: week 10 typed for week 3, after a
    walk whose pain advised a step back, was kept without a word and the course advised week 10 again). A version's
    first walk is compared with the walk before it under any version, as the course counts the weeks between them
    missed (course_rows.walked_rows); a new version may start its weeks again, never skip ahead."""
    before = [other for other in sessions if other.id != walk.id and other.date <= walk.date]
    same = [other.week for other in before if other.plan_id == walk.plan_id]
    if same:
        furthest, version, which = max(same), walk.plan_version, "the furthest walked before it"
    elif before:
        latest = max(before, key=lambda other: (other.date, other.id))
        furthest, version, which = latest.week, latest.plan_version, "the walk before it"
    else:
        return []
    if walk.week <= furthest + 1:
        return []
    between = (f"week {furthest + 1} counts" if walk.week == furthest + 2
               else f"weeks {furthest + 1} to {walk.week - 1} count")
    return [f"Week {walk.week} is more than one week on from week {furthest}, {which} under plan version "
            f"{version}: check the week ({between} as missed, and the next week's advice follows from week "
            f"{walk.week})."]
