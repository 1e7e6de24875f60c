"""What changed from each plan version of a course to the next, in plain lines: the profile's fields, the plan's
figures, the clinician's changes by hand, and the clinician's reason for saving it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel

from core.plan.compare import override_differences, plan_differences, profile_differences
from core.plan.engine import Plan
from core.stamps import local_day

if TYPE_CHECKING:
    from core.plan.progress import VersionInCourse


class VersionChange(BaseModel):
    version: int
    plan_id: int  # its id in the records (sessions add --plan takes it; seen in review: taken for the number)
    saved_on: dt.date
    saved_by: str
    reason: str = ""  # the clinician's why, beside the changes worked out below
    changes: list[str]  # what differs from the version before, one plain line each ("first plan" for version 1)


def version_changes(versions: list[VersionInCourse], plans: dict[int, Plan], units: str = "metric",
                    ) -> list[VersionChange]:
    """Each version's changes from the one before, speeds in the clinic's ``units``."""
    out: list[VersionChange] = []
    for index, version in enumerate(versions):
        if index == 0:
            changes = ["first plan"]
        else:
            before = versions[index - 1]
            by_hand = override_differences(before.overrides, version.overrides, plans[before.version])
            # a removed change shows the plan's values
            set_by_hand = {o.week: o.changed_fields for o in version.overrides if o.week in by_hand}
            changes = profile_differences(before.profile, version.profile, units) + plan_differences(
                plans[before.version], plans[version.version], changed_by_hand=set_by_hand, units=units)
            changes += by_hand.values()
            changes = changes or ["saved again with no change to the plan"]
        out.append(VersionChange(version=version.version, plan_id=version.plan_id, saved_on=local_day(version.saved_at),
                                 saved_by=version.saved_by, reason=version.reason, changes=changes))
    return out
