"""A clinician's changes carried onto a version saved meanwhile. Seen by a clinic's tester: Tom changed a patient's
age on version 6 while Grace saved version 7 with a measured peak heart rate; Tom's save was refused, and his second
save (the only way on) made version 8 of his whole form, the peak heart rate gone. Carried, only what Tom changed
goes onto version 7: the fields he changed from the version his changes were made from, and the weeks he changed.
Where both changed the same field or week, his is kept and said, for him to check before he saves."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import ValidationError

from core.inputs import said_plainly
from core.plan.compare import in_words
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.profile_labels import FIELD_LABELS
from core.records.models import PlanVersion


class Carried(NamedTuple):
    profile: PatientProfile
    overrides: list[WeekOverride]
    changed: list[str]  # what was carried, in the clinic's words: "Age (years): 64", "Week 2"
    both_changed: list[str]  # fields and weeks theirs changed too, yours kept: "Age (years): theirs 65, yours 64",
    # "Week 2"


class NotCarried(ValueError):
    """The changes cannot go onto the newer version as they are (together they are not a valid profile)."""


def carried_onto(theirs: PlanVersion, made_from: PlanVersion, profile: PatientProfile,
                 overrides: list[WeekOverride]) -> Carried:
    """``profile`` and ``overrides`` (yours, made from ``made_from``) carried onto ``theirs``: raises NotCarried
    naming the problem where they do not make a valid profile together."""
    base, mine, newer = (p.model_dump() for p in (made_from.profile, profile, theirs.profile))
    yours = {field: value for field, value in mine.items() if value != base.get(field)}
    try:
        carried = PatientProfile.model_validate({**newer, **yours})
    except ValidationError as error:
        problems = "; ".join((f"{FIELD_LABELS.get(str(item['loc'][0]), item['loc'][0])}: " if item["loc"] else "")
                             + said_plainly(item["msg"]) for item in error.errors(include_url=False))
        raise NotCarried(f"your changes and version {theirs.version}'s do not go together ({problems})") from None
    changed = [f"{FIELD_LABELS.get(field, field)}: {in_words(value)}" for field, value in yours.items()]
    both = [f"{FIELD_LABELS.get(field, field)}: theirs {in_words(newer.get(field))}, yours {in_words(value)}"
            for field, value in yours.items() if newer.get(field) not in (base.get(field), value)]
    weeks, weeks_changed, weeks_both = _weeks_carried(theirs.overrides, made_from.overrides, overrides)
    return Carried(carried, weeks, changed + weeks_changed, both + weeks_both)


def _weeks_carried(theirs: list[WeekOverride], made_from: list[WeekOverride], yours: list[WeekOverride],
                   ) -> tuple[list[WeekOverride], list[str], list[str]]:
    """The clinician's week changes: yours where you changed (or removed) a week's, theirs for every other week."""
    base, mine, newer = ({o.week: o for o in overrides} for overrides in (made_from, yours, theirs))
    kept, changed, both = [], [], []
    for week in sorted(set(base) | set(mine) | set(newer)):
        if mine.get(week) != base.get(week):
            changed.append(f"Week {week}")
            if newer.get(week) not in (base.get(week), mine.get(week)):
                both.append(f"Week {week}")
            chosen = mine.get(week)
        else:
            chosen = newer.get(week)
        if chosen is not None:
            kept.append(chosen)
    return kept, changed, both
