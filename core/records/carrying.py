"""A clinician's changes carried onto a version saved meanwhile. Seen by a clinic's tester: Tom changed a patient's
age on version 6 while Grace saved version 7 with a measured peak heart rate; Tom's save was refused, and his second
save (the only way on) made version 8 of his whole form, the peak heart rate gone. Carried, only what Tom changed
goes onto version 7: the fields he changed from the version his changes were made from, and the weeks he changed.
Where both changed the same field or week, his is kept and said, for him to check before he saves."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import ValidationError

from core.inputs import said_plainly
from core.plan.compare import field_change, in_words
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.profile_labels import FIELD_LABELS
from core.records.models import PlanVersion


class Carried(NamedTuple):
    profile: PatientProfile
    overrides: list[WeekOverride]
    changed: list[str]  # what was carried, in the clinic's words: "Age (years): 63 -> 64", "Week 2"
    both_changed: list[str]  # fields and weeks theirs changed too, yours kept: "Age (years): theirs 65, yours 64",
    # "Week 2"
    not_carried: list[str] = []  # your week changes past the plan's end: "Week 10 (the plan is 8 weeks now)"

    def adds_nothing_to(self, theirs: PlanVersion) -> bool:
        """Your changes carried onto ``theirs`` are what it holds already, and none was left behind (seen in review: a
        week changed past the end of a plan they made shorter read as "already has your changes")."""
        return not self.not_carried and self.profile == theirs.profile and \
            sorted(self.overrides, key=lambda o: o.week) == sorted(theirs.overrides, key=lambda o: o.week)

    def in_words(self) -> str:
        """What both changed, and what was not carried, in sentences ("" for neither)."""
        return (f" Changed in both, yours kept: {'; '.join(self.both_changed)}." if self.both_changed else "") + \
            (f" Not carried: {'; '.join(self.not_carried)}." if self.not_carried else "")


class NotCarried(ValueError):
    """The changes cannot go onto the newer version as they are (together they are not a valid profile)."""


def carried_onto(theirs: PlanVersion, made_from: PlanVersion, profile: PatientProfile,
                 overrides: list[WeekOverride], units: str = "metric") -> Carried:
    """``profile`` and ``overrides`` (yours, made from ``made_from``) carried onto ``theirs``, speeds said in the
    clinic's ``units``: raises NotCarried naming the problem where they do not make a valid profile together."""
    base, mine, newer = (p.model_dump() for p in (made_from.profile, profile, theirs.profile))
    said = [p.model_dump(mode="json") for p in (made_from.profile, profile, theirs.profile)]  # as the form shows them
    yours = {field: value for field, value in mine.items() if value != base.get(field)}
    if "contraindications" in yours:  # a list of conditions: each one added or taken off, not the list (seen in
        # review: a colleague's acute MI, which blocks the plan, was replaced by the contraindication this one added)
        added, removed = set(mine["contraindications"]) - set(base["contraindications"]), \
            set(base["contraindications"]) - set(mine["contraindications"])
        yours["contraindications"] = sorted(set(newer["contraindications"]) - removed | added)
    try:
        carried = PatientProfile.model_validate({**newer, **yours})
    except ValidationError as error:
        problems = "; ".join((f"{FIELD_LABELS.get(str(item['loc'][0]), item['loc'][0])}: " if item["loc"] else "")
                             + said_plainly(item["msg"]) for item in error.errors(include_url=False))
        raise NotCarried(f"your changes and version {theirs.version}'s do not go together ({problems})") from None
    changed = [field_change(field, said[0].get(field), said[1].get(field), units) for field in yours]
    both = [f"{FIELD_LABELS.get(field, field)}: theirs {in_words(said[2].get(field))}, yours "
            f"{in_words(said[1].get(field))}" for field, value in yours.items()
            if newer.get(field) not in (base.get(field), value)]
    weeks, weeks_changed, weeks_both = _weeks_carried(theirs.overrides, made_from.overrides, overrides)
    length = carried.weeks  # a change of yours past the end of a plan made shorter goes (seen in review: listed as
    # carried, and kept, though no week held it)
    return Carried(carried, [change for change in weeks if change.week <= length or change.week not in weeks_changed],
                   changed + [f"Week {week}" for week in weeks_changed if week <= length],
                   both + [f"Week {week}" for week in weeks_both if week <= length],
                   [f"Week {week} (the plan is {length} weeks now)" for week in weeks_changed if week > length])


def _weeks_carried(theirs: list[WeekOverride], made_from: list[WeekOverride], yours: list[WeekOverride],
                   ) -> tuple[list[WeekOverride], list[int], list[int]]:
    """The clinician's week changes: yours where you changed (or removed) a week's, theirs for every other week; with
    the weeks you changed, and those of them theirs changed too."""
    base, mine, newer = ({o.week: o for o in overrides} for overrides in (made_from, yours, theirs))
    kept, changed, both = [], [], []
    for week in sorted(set(base) | set(mine) | set(newer)):
        if mine.get(week) != base.get(week):
            changed.append(week)
            if newer.get(week) not in (base.get(week), mine.get(week)):
                both.append(week)
            chosen = mine.get(week)
        else:
            chosen = newer.get(week)
        if chosen is not None:
            kept.append(chosen)
    return kept, changed, both
