"""What the handout says of the days between walks, for the patient's pages and, in English, the clinician's."""

from __future__ import annotations

from core.handout.language import Wording
from core.plan.engine import Plan


def rest_days(plan: Plan, t: Wording) -> list[str]:
    """Rest between walks where every week has 3 walks or fewer (a day between each, the next week's first included);
    with 4 to 6, walks on days in a row cannot always be avoided, and with 7 there are no rest days to speak of."""
    if all(week.sessions <= 3 for week in plan.weeks):
        return [t("Rest on the days between your walks.")]
    if any(week.sessions < 7 for week in plan.weeks):
        return [t("Spread your walks over the week. Rest on the days you do not walk.")]
    return []
