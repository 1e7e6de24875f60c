"""What a clinician is asked to check in a walk just logged (SessionRecord.notes_in)."""

from __future__ import annotations

import datetime as dt

from core.plan.engine import compute_plan
from core.records.models import PlanVersion, SessionRecord
from tests.plan.profiles import profile

BEGAN = dt.date(2026, 9, 1)
PATIENT = profile(baseline_walk_min=10)
HISTORY = [PlanVersion(id=1, patient_id=1, version=1, uid="v1", profile=PATIENT, plan=compute_plan(PATIENT, []),
                       overrides=[], guidelines_version="test", created_by="Dr A",
                       created_at=f"{BEGAN.isoformat()}T10:00:00+00:00")]


def walk(number: int, week: int, day: int, *, plan_id: int = 1) -> SessionRecord:
    minutes = HISTORY[0].plan.weeks[week - 1].main_min
    return SessionRecord(id=number, uid=f"s{number}", patient_id=1, plan_id=plan_id, plan_version=plan_id,
                         created_at="2026-12-01T10:00:00+00:00", updated_at="2026-12-01T10:00:00+00:00",
                         date=BEGAN + dt.timedelta(days=day), week=week, minutes=minutes, rpe=12, pain_during=2,
                         pain_next_morning=2, stiffer_next_morning=False)


WALKED = [walk(1, 1, 1), walk(2, 1, 3), walk(3, 2, 8), walk(4, 3, 15)]


def test_a_week_typed_far_ahead_of_the_walks_is_questioned() -> None:
    """Seen in review: week 10 typed for week 3's next walk was kept without a word; weeks 4-9 then read as missed
    and the next week's advice followed week 10, not the step back week 3's pain had advised."""
    jumped = walk(5, 10, 70)
    assert jumped.notes_in(HISTORY, WALKED + [jumped]) == [
        "Week 10 is more than one week on from week 3, the furthest walked before it under plan version 1: check the "
        "week (weeks 4 to 9 count as missed, and the next week's advice follows from week 10)."]
    one_skipped = walk(5, 5, 30)
    assert "(week 4 counts as missed" in " ".join(one_skipped.notes_in(HISTORY, WALKED + [one_skipped]))


def test_the_next_week_a_week_again_or_a_diary_entered_late_is_not_questioned() -> None:
    for later in (walk(5, 4, 22), walk(5, 3, 17), walk(5, 1, 2), walk(5, 2, 10)):
        assert later.notes_in(HISTORY, WALKED + [later]) == [], later
    first = walk(1, 1, 1)
    assert first.notes_in(HISTORY, [first]) == []


def test_a_new_versions_first_walk_far_ahead_is_questioned_against_the_walk_before_it() -> None:
    """Seen in review: a version's first walk was never compared, so week 10 typed under version 2 after week 3
    under version 1 passed unsaid while the course counted weeks 4 to 9 missed (course_rows.walked_rows counts from
    the walk before, whatever its version)."""
    jumped = walk(5, 10, 22, plan_id=2)
    assert jumped.notes_in(HISTORY, WALKED + [jumped]) == [
        "Week 10 is more than one week on from week 3, the walk before it under plan version 1: check the week "
        "(weeks 4 to 9 count as missed, and the next week's advice follows from week 10)."]
    for carried_on in (walk(5, 4, 22, plan_id=2), walk(5, 1, 22, plan_id=2), walk(5, 3, 22, plan_id=2)):
        assert carried_on.notes_in(HISTORY, WALKED + [carried_on]) == [], carried_on  # on, started again, or again


def test_a_week_walked_sooner_than_its_calendar_week_is_questioned_without_calling_walked_weeks_missed() -> None:
    """Seen in review: week 3 dated before its calendar week, after weeks 1 and 2 were walked, said "the weeks before
    it count as missed"; what the calendar questions is the week, or minutes rising faster than the plan steps up."""
    early = walk(5, 3, 10)
    notes = early.notes_in(HISTORY, [walk(1, 1, 1), walk(2, 1, 3), walk(3, 2, 6), walk(4, 2, 8), early])
    assert notes == [f"Week 3 begins 2 weeks after the first plan was saved ({BEGAN.isoformat()}), on "
                     f"{(BEGAN + dt.timedelta(weeks=2)).isoformat()} at the earliest, and the walk is dated "
                     f"{(BEGAN + dt.timedelta(days=10)).isoformat()}: check the week (walked sooner than that, the "
                     "minutes rise faster than the plan's weekly steps)."]


def test_a_walk_before_the_course_began_is_not_called_a_diary_entered_late() -> None:
    """Seen in review: a walk dated before the first plan was saved was told "a diary entered late is fine", and the
    course then counted it as week 1, the real week 1 walked again."""
    saved = f"{(BEGAN + dt.timedelta(days=20)).isoformat()}T10:00:00+00:00"
    second = HISTORY[0].model_copy(update={"id": 2, "version": 2, "uid": "v2", "created_at": saved})
    before = walk(1, 1, -5)
    assert before.notes_in(HISTORY, [before]) == [
        f"The walk is dated {(BEGAN - dt.timedelta(days=5)).isoformat()}, before the first plan was saved on "
        f"{BEGAN.isoformat()}: check the date (a walk before the course began is still counted in it)."]
    late = walk(2, 2, 10, plan_id=2)
    assert late.notes_in([*HISTORY, second], [late]) == [
        f"The walk is dated {(BEGAN + dt.timedelta(days=10)).isoformat()}, before plan version 2 was saved on "
        f"{(BEGAN + dt.timedelta(days=20)).isoformat()}: check the date (a diary entered late is fine)."]


def test_the_version_in_force_on_a_day() -> None:
    """The newest saved that day or before; before any, the newest of the first day not blocked, else the first
    (seen in review: version 1 saved blocked and version 2 ready the same day refused a walk of the day before; with
    version 1 ready and version 2 blocked the same day, that walk must still go under version 1)."""
    from core.records.models import version_in_force

    def at(day: int, hour: int = 10) -> str:
        return f"{(BEGAN + dt.timedelta(days=day)).isoformat()}T{hour:02d}:00:00+00:00"

    saved = [(1, at(0, 9)), (2, at(0, 11)), (3, at(7))]
    on = lambda day: BEGAN + dt.timedelta(days=day)  # noqa: E731
    assert [version_in_force(saved, on(day)) for day in (0, 3, 7, 30)] == [2, 2, 3, 3]
    assert version_in_force(saved, on(-2)) == 2  # before any: the newest of the first day
    assert version_in_force(saved, on(-2), lambda plan_id: plan_id != 2) == 1  # that one blocked: the one before
    assert version_in_force(saved, on(-2), lambda plan_id: False) == 1  # every one blocked: the first


def test_what_is_not_recorded_yet_is_said_with_the_hold_it_brings() -> None:
    """Seen in review: the pain and stiffness fields are optional, and a walk logged without them held the week with no
    word until progress was read."""
    same_day = walk(5, 4, 22).model_copy(update={"pain_next_morning": None, "stiffer_next_morning": None})
    assert same_day.notes_in(HISTORY, WALKED + [same_day]) == [
        "Not recorded yet: the next morning's pain and whether the next morning was stiffer. The week does not move on "
        "until they are: correct the session when the patient says."]
    bare = walk(5, 4, 22).model_copy(update={"pain_during": None, "pain_next_morning": None,
                                             "stiffer_next_morning": None})
    assert "Not recorded yet: the pain during it, the next morning's pain and whether the next morning was stiffer." \
        in bare.notes_in(HISTORY, WALKED + [bare])[0]
    late = walk(5, 1, 2).model_copy(update={"pain_next_morning": None})  # a week walked on from: no hold said
    assert late.notes_in(HISTORY, WALKED + [late]) == []


def test_a_walk_entered_late_is_checked_as_every_walk_is() -> None:
    """Seen in review: a walk dated before its version was saved (a paper diary entered late, the usual case) got the
    date's note only: minutes three times the week's, a speed typed in mph, a pulse below resting went unsaid."""
    saved = f"{(BEGAN + dt.timedelta(days=20)).isoformat()}T10:00:00+00:00"
    second = HISTORY[0].model_copy(update={"id": 2, "version": 2, "uid": "v2", "created_at": saved})
    planned = HISTORY[0].plan.weeks[1]
    for late in (walk(2, 2, 10, plan_id=2), walk(1, 2, -5)):  # before version 2; before the course began
        odd = late.model_copy(update={"minutes": 3 * planned.main_min, "heart_rate": PATIENT.resting_hr - 10,
                                      "speed_kmh": round(planned.speed_kmh / 1.609344, 1)})
        notes = odd.notes_in([*HISTORY, second], [odd])
        assert [note.split(",")[0] for note in notes] == [
            f"The walk is dated {late.date.isoformat()}", f"The walk's {3 * planned.main_min:g} minutes are more than "
            f"twice week 2's planned {planned.main_min:g}: check the minutes.", "The belt speed",
            "The heart rate"], notes
        assert f"{PATIENT.resting_hr - 10} bpm, is below the patient's resting {PATIENT.resting_hr}" in notes[-1]


def test_a_speed_that_reads_as_typed_in_the_other_units_is_questioned() -> None:
    """Seen in review: 1.6 typed from an imperial walking log for a plan walked at 2.5 km/h was kept without a word
    (1.6 mph is 2.57 km/h), where a mistyped week or minutes are questioned; and, in an imperial clinic's form (which
    takes mph), the slip there is a km/h reading typed as mph, while a slow walk typed in mph is no slip."""
    planned = HISTORY[0].plan.weeks[0].speed_kmh

    def said(speed_kmh: float | None, typed_in: str = "km/h") -> list[str]:
        walked = walk(5, 1, 1).model_copy(update={"speed_kmh": speed_kmh})
        return [note for note in walked.notes_in(HISTORY, typed_in=typed_in) if "belt speed" in note]

    slip = round(planned / 1.609344, 1)
    assert said(slip) == [f"The belt speed, {slip:g} km/h, is far from week 1's planned {planned:g} km/h, and {slip:g} "
                          f"mph would be {slip * 1.609344:.1f} km/h: check the units (km/h = mph x 1.609)."]
    assert said(planned * 1.609344, "mph") == [
        f"The belt speed typed, {planned:.1f} mph, is far from week 1's planned {planned / 1.609344:.1f} mph, and "
        f"{planned:.1f} km/h would be close to its planned {planned:g} km/h: check the units (the form takes mph)."]
    near = planned * 1.08  # within a tenth: not its planned speed, and said so (seen in review: 4.3 for a 4 km/h plan)
    assert f"{near:.1f} km/h would be close to its planned {planned:g} km/h" in said(near * 1.609344, "mph")[0]
    assert said(slip, "mph") == []  # a slow walk typed in mph, kept as its km/h: as typed
    for speed in (planned, planned * 0.8, planned / 2, None):  # as planned, slower, much slower, not recorded
        assert said(speed) == [] and said(speed, "mph") == [], speed
