"""The next week's suggestion in a course of care (core/plan/progress.py): the latest row's walks judged under their
own version's rules, the week it points to taken from the plan in force; whether a step back the pain rules advised
was taken, and one still due where a harder week was begun instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.plan.adjustment import NextWeekSuggestion, paused_by_screening, set_aside_pulse, suggest_next_week
from core.plan.course_rows import LoggedSession, Row, continuing_week, label_of, planned_week, stops_walking
from core.plan.engine import Plan
from core.plan.pain import other_pain_rules
from core.plan.step_back import slowed_since, step_back_week

if TYPE_CHECKING:
    from core.plan.progress import VersionInCourse


def step_back_taken(row: Row, walked_next: Row | None, plans: dict[int, Plan]) -> bool:
    """Whether the walks after a week whose pain rules advised a step back went back as advised (or none followed yet,
    or they began under a version saved since: the clinician's answer). A week stopped on that advice ends there, on
    the plan's own advice. Seen in review: week 4 stopped after one painful walk counted its two other walks as
    missed, and the adherence fell to 66.7 % though the patient did as the plan said; a patient who walked on at a
    harder week is not credited, though that week was finished under a version saved meanwhile (seen in a try)."""
    return walked_next is None or walked_next.walks[0].plan_version > row.version or \
        walked_next.week <= step_back_week(plans[row.version], row.week)


def suggestion_for(judged: Row, plans: dict[int, Plan], versions: list[VersionInCourse], latest: LoggedSession, *,
                   in_progress: bool, days_since: int, units: str = "metric") -> NextWeekSuggestion | None:
    """The latest row's (``judged``) walks judged under their own version's rules; the week it points to from the
    plan in force."""
    version, week = judged.version, latest.log.week
    plan = plans[version]
    if not 1 <= week <= len(plan.weeks):
        return None
    profile = next(v.profile for v in versions if v.version == version)
    newest = versions[-1].version
    in_force = plans[newest]
    suggestion = suggest_next_week(plan, week, [item.log for item in judged.walks], usual_pain=profile.pain_nrs,
                                   in_progress=in_progress, days_since=days_since,  # only the latest: in progress
                                   again=label_of(week, judged.attempt) if judged.attempt > 1 else "", units=units,
                                   eased=judged.eased, pulse_set_aside=set_aside_pulse(plan, in_force, newest))
    if newest == version:
        return suggestion
    if stops_walking(in_force):
        return paused_by_screening(newest, in_force, after_walks=True)
    changed = other_pain_rules(plan.rules.pain.judged_against(profile.pain_nrs),
                               in_force.rules.pain.judged_against(versions[-1].profile.pain_nrs), newest)
    suggestion = suggestion.model_copy(update={"reason": suggestion.reason + changed})
    if suggestion.next_week is None:
        return suggestion
    wanted = suggestion.next_week
    if wanted.week > len(in_force.weeks):  # seen in review: "progress" to a shorter week 6 after walks of week 8
        ends = (f"Plan version {newest}, the plan in force, ends at week {len(in_force.weeks)}, before week "
                f"{wanted.week}: keep this level and review the plan.")
        if suggestion.action == "progress":
            return suggestion.model_copy(update={"action": "hold", "next_week": None, "reason": (
                f"Week {week}'s walks went well (these walks were under version {version}). {ends}{changed}")})
        return suggestion.model_copy(update={"next_week": None, "reason": f"{suggestion.reason} {ends}"})
    same = in_force.weeks[wanted.week - 1]
    computed = {v.version: v.plan for v in versions}
    target = in_force.weeks[continuing_week(computed[version], computed[newest], wanted.week) - 1]
    where = "" if target.week == same.week else (
        f" Version {newest} is walked from its week {target.week}: its week {same.week}, {same.main_min:g} min walks, "
        f"would jump from the {wanted.main_min:g} min these walks pointed to.")
    if target.main_min > wanted.main_min + 1e-9:  # seen in review: a "step back" to a longer walk, unsaid
        where += (f" Its week {target.week}, {target.main_min:g} min walks, is already longer than the "
                  f"{wanted.main_min:g} min these walks pointed to (version {newest} was based on a longer walk): "
                  "check it with the patient before they walk it.")
    where += slowed_since(suggestion.reason, wanted, target, version, newest, units)
    return suggestion.model_copy(update={
        "next_week": target,
        "reason": f"{suggestion.reason} The week's figures are from plan version {newest}, the plan in force "
                  f"(these walks were under version {version}).{where}",
    })


def step_back_still_due(before: list[Row], judged: Row, plans: dict[int, Plan], versions: list[VersionInCourse],
                        units: str = "metric") -> tuple[str, NextWeekSuggestion] | None:
    """The step back the walks before the week in progress advised, where that week was begun instead (seen in
    review: next-morning pain 7 after week 2's last walk, then a walk of week 3, read "Hold ... finish its walks")."""
    last = next((row for row in reversed(before) if row.walks), None)
    planned = planned_week(plans[judged.version], judged.week)
    if last is None or planned is None or len(judged.walks) >= planned.sessions or \
            step_back_taken(last, judged, plans):
        return None  # a harder week walked in full is judged on its own walks
    advice = suggestion_for(last, plans, versions, last.walks[-1], in_progress=False, days_since=0, units=units)
    if advice is None or advice.action != "step-back":
        return None
    return label_of(last.week, last.attempt), advice.model_copy(update={"reason": (
        f"Week {label_of(last.week, last.attempt)}'s walks: {advice.reason[:1].lower()}{advice.reason[1:]} Week "
        f"{label_of(judged.week, judged.attempt)} was begun after them instead, {len(judged.walks)} of "
        f"{planned.sessions} walks: ask the patient how the pain is before the next walk.")})
