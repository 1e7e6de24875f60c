"""What would change if a saved plan were recomputed today (other settings, other guidelines)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Set
from types import MappingProxyType

from core.plan.engine import Plan, Week
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.profile_labels import FIELD_LABELS
from core.plan.walking import speed_in_units, typed_speed_in_words
from core.plan.warnings import WARNING_NAMES, WarningCode

BROKEN = WarningCode.OVERRIDE_BREAKS_RULE  # said week by week, with the rule
# as the plan's reason names them (core/plan/intensity.py), not the codes (seen in a try: "Intensity method: hrr -> rpe"
# in the progress report for the referring physician)
METHOD_WORDS = {"hrr": "heart-rate reserve (Karvonen)", "rpe": "effort (RPE) and the talk test"}


def _range(value: tuple[int, int] | None) -> str:
    return "none (RPE)" if value is None else f"{value[0]}-{value[1]}"


def in_words(value: object) -> str:
    """A saved or recomputed value as a change line shows it: yes or no, a list joined, "none" for nothing."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(in_words, value)) or "none"
    if isinstance(value, float):
        return f"{value:g}"  # 16, as the form shows it, not 16.0
    return str(value)


def plan_differences(saved: Plan, today: Plan, *, changed_by_hand: Mapping[int, Set[str]] = MappingProxyType({}),
                     units: str = "metric") -> list[str]:
    """One plain line per difference a clinician would act on, saved value first. ``changed_by_hand``: week ->
    the fields ("sessions", "main_min") the clinician set in it, left to the line that says so. ``units``: the
    clinic's (Settings), the treadmill speeds'."""
    lines: list[str] = []

    def note(what: str, before: object, after: object) -> None:
        if before != after:
            lines.append(f"{what}: {in_words(before)} -> {in_words(after)}")

    note("Guidelines version", saved.guidelines_version, today.guidelines_version)
    note("Blocked", saved.blocked, today.blocked)
    note("Medical clearance recommended", saved.screening.clearance_recommended, today.screening.clearance_recommended)
    warned_before = {WARNING_NAMES[w.code] for w in saved.warnings if w.code != BROKEN}
    warned_now = {WARNING_NAMES[w.code] for w in today.warnings if w.code != BROKEN}
    if added := sorted(warned_now - warned_before):  # "a -> b, c" read as a change of a into b
        lines.append(f"Warnings added: {', '.join(added)}")
    if gone := sorted(warned_before - warned_now):
        lines.append(f"Warnings no longer given: {', '.join(gone)}")
    # which week breaks which rule, as the plan's warning says it (seen in review: "Warnings added: a changed week
    # breaks a rule", with nothing to say which week, or which rule)
    before = {_rule_broken(w.message): w.message for w in saved.warnings if w.code == BROKEN}
    now = {_rule_broken(w.message): w.message for w in today.warnings if w.code == BROKEN}
    lines += [f"A changed week breaks a rule: {message}" if rule not in before else
              f"A changed week still breaks a rule: {message}" for rule, message in now.items()
              if before.get(rule) != message]  # the same rule, other figures (seen in review: said mended)
    lines += [f"No longer broken: {message}" for rule, message in before.items() if rule not in now]
    note("Intensity set by", METHOD_WORDS[saved.intensity.method], METHOD_WORDS[today.intensity.method])
    note("Moderate heart rate (bpm)", _range(saved.intensity.target_hr), _range(today.intensity.target_hr))
    note("Moderate RPE", _range(saved.intensity.rpe), _range(today.intensity.rpe))
    note("Weekly increase cap (%)", saved.rules.max_weekly_increase_pct, today.rules.max_weekly_increase_pct)
    note("Two-week increase cap (%)", saved.rules.max_two_week_increase_pct, today.rules.max_two_week_increase_pct)
    note("Blood sugar: carbohydrate first below (mg/dL)", saved.rules.glucose_low_mg_dl, today.rules.glucose_low_mg_dl)
    note("Blood sugar: check ketones above (mg/dL)", saved.rules.glucose_ketone_check_mg_dl,
         today.rules.glucose_ketone_check_mg_dl)
    note("Pain: safe up to", saved.rules.pain.safe_max, today.rules.pain.safe_max)
    note("Pain: acceptable up to", saved.rules.pain.acceptable_max, today.rules.pain.acceptable_max)
    note("Weeks", len(saved.weeks), len(today.weeks))
    for before, after in zip(saved.weeks, today.weeks):
        for what, field, old, new in (("days", "sessions", before.sessions, after.sessions),
                                      ("walk minutes", "main_min", f"{before.main_min:g}", f"{after.main_min:g}")):
            if field not in changed_by_hand.get(before.week, ()):
                note(f"Week {before.week} {what}", old, new)
    # a run of weeks changed alike is one line (seen in review: a beta-blocker begun took 12 lines of "Week N heart
    # rate: 112-128 -> none (RPE)", most of the report's first page)
    return (lines + _runs_changed(saved, today, lambda week: _range(week.target_hr), "heart rate")
            + _runs_changed(saved, today, lambda week: week.band, "effort")
            + _runs_changed(saved, today, lambda week: _treadmill(week, units), "treadmill")
            + _runs_changed(saved, today, _parts, "walk"))


def _rule_broken(message: str) -> str:
    """Which week breaks which rule: a broken rule's warning with its figures left out ("Week 5: # min is more than
    #% above the week before (# min)."), the week's number kept."""
    week, _, rule = message.partition(":")
    return week + ":" + re.sub(r"\d+(?:\.\d+)?", "#", rule)


def _treadmill(week: Week, units: str) -> str:
    """A week's treadmill setting as the handout gives it: by feel where no speed is known, else speed and slope."""
    if week.speed_kmh is None:
        return "by feel"
    slope = "flat" if week.grade_pct == 0 else f"{week.grade_pct}% slope"
    return f"{speed_in_units(week.speed_kmh, units)}, {slope}"


def _parts(week: Week) -> str:
    """How a week's walk is walked: in one go, or in short parts with rests (seen in review: a version that went from
    two parts of 4 minutes to one walk of 8 listed no change, its minutes being the same)."""
    return "in one go" if week.bouts <= 1 else f"in {week.bouts} parts"


def _runs_changed(saved: Plan, today: Plan, described: Callable[[Week], str], what: str) -> list[str]:
    """A setting the handout prints, one line for each run of weeks that changed alike (seen in review: a version
    going from 1 % to flat said only that the comfortable speed changed; week by week, one change of speed took 22
    lines)."""
    runs: list[tuple[int, int, str, str]] = []
    for before, after in zip(saved.weeks, today.weeks):
        old, new = described(before), described(after)
        if old == new:
            continue
        if runs and runs[-1][1] == before.week - 1 and runs[-1][2:] == (old, new):
            runs[-1] = (runs[-1][0], before.week, old, new)
        else:
            runs.append((before.week, before.week, old, new))
    return [(f"Week {first}" if first == last else f"Weeks {first}-{last}") + f" {what}: {old} -> {new}"
            for first, last, old, new in runs]


def profile_differences(before: PatientProfile, after: PatientProfile, units: str = "metric") -> list[str]:
    """One plain line per field of the profile that differs, ``before`` first. The name too: a corrected spelling is
    a change to the record (seen in review: it went unsaid). The comfortable speed in the clinic's ``units``, as the
    form takes it."""
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return [field_change(field, old.get(field), new.get(field), units)
            for field in new if old.get(field) != new.get(field)]


def field_change(field: str, old: object, new: object, units: str) -> str:
    """One field's change, "Age (years): 63 -> 64", its values as the profile's JSON gives them."""
    if field == "resting_bp":  # as it is written (seen by a tester: "210, 115 -> 140, 85")
        old, new = ("/".join(map(str, value)) if isinstance(value, list) and value else value for value in (old, new))
    if field != "comfortable_speed_kmh" or units == "metric":
        return f"{FIELD_LABELS.get(field, field)}: {in_words(old)} -> {in_words(new)}"
    # to the form's two decimals (seen in review: 2.17 -> 2.20 mph read "2.2 mph (3.49 km/h) -> 2.2 mph (3.54 km/h)")
    speeds = [in_words(None) if speed is None else typed_speed_in_words(float(speed), units) for speed in (old, new)]
    return f"{FIELD_LABELS[field].replace(' (km/h)', '')}: {speeds[0]} -> {speeds[1]}"


def override_differences(before: list[WeekOverride], after: list[WeekOverride], plan_before: Plan) -> dict[int, str]:
    """Week -> what the clinician changed in it since the version before, with the value it had there (one
    line a week: the plan's own difference in days and minutes is this change)."""
    old = {o.week: o for o in before}
    new = {o.week: o for o in after}
    weeks_before = {w.week: w for w in plan_before.weeks}
    lines = {}
    for week in sorted(set(old) | set(new)):
        if week not in new:
            lines[week] = f"Week {week}: the clinician's change was removed"
        elif old.get(week) != new[week]:
            change, was = new[week], weeks_before.get(week)
            days = f"{change.sessions} days" + _was(was and was.sessions, change.sessions) if change.sessions else ""
            minutes = f"{change.main_min:g} min walks" + _was(was and was.main_min, change.main_min) \
                if change.main_min else ""
            what = ", ".join(part for part in (days, minutes) if part) or "a note only"
            lines[week] = f"Week {week} changed by the clinician: {what}" + (f" ({change.note})" if change.note else "")
    return lines


def _was(before: float | None, now: float) -> str:
    return f" (was {before:g})" if before and before != now else ""


def version_differences(their_profile: PatientProfile, their_plan: Plan, their_overrides: list[WeekOverride],
                        profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], units: str = "metric",
                        ) -> list[str]:
    """How a plan (its profile, the engine's plan, the clinician's overrides) differs from another version's: the
    profile's fields, then the weeks as each patient has them (seen by a clinic's tester: a profile differing only
    in its blood pressure was "the same plan as yours"), speeds in the clinic's ``units``."""
    from core.plan.overrides import effective_plan

    theirs = effective_plan(their_plan, their_overrides, their_profile.max_sessions_per_week)
    yours = effective_plan(plan, overrides, profile.max_sessions_per_week)
    return profile_differences(their_profile, profile, units) + plan_differences(theirs, yours, units=units)


def yours_differs(differences: list[str]) -> str:
    """``version_differences`` in a sentence, the first four of them."""
    if not differences:
        return "It holds the same plan as yours."
    shown = "; ".join(differences[:4]) + (f"; and {len(differences) - 4} more" if len(differences) > 4 else "")
    return f"Yours differs from it: {shown}."
