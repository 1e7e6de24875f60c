"""The progress view's pain cells say how many of a week's walks have no rating (seen in a try: "4" beside a walk whose
pain was not recorded read as the week's top pain; a week with no rating at all showed an empty cell)."""

from __future__ import annotations

from core.plan.progress import WeekProgress
from ui.views.progress_view import WEEK_COLUMNS

WEEK = WeekProgress(week=2, status="done", plan_version=1, planned_sessions=3, planned_minutes=30, walked_sessions=3,
                    sessions_done=3, walked_minutes=30, adherence_pct=100, mean_rpe=12, highest_pain_during=4,
                    highest_pain_next_morning=5, pain_during_not_recorded=1, pain_next_morning_not_recorded=2,
                    stiffer_mornings=1)
DURING, MORNING = WEEK_COLUMNS[-2], WEEK_COLUMNS[-1]


def test_a_week_with_a_walk_unrated_says_so_beside_its_top_pain() -> None:
    assert DURING.display(WEEK) == "4; 1 not recorded"
    assert MORNING.display(WEEK) == "5; 2 not recorded (1 stiffer)"


def test_a_week_rated_throughout_shows_the_number_and_one_unrated_says_not_recorded() -> None:
    rated = WEEK.model_copy(update={"pain_during_not_recorded": 0, "pain_next_morning_not_recorded": 0,
                                    "stiffer_mornings": 0})
    assert (DURING.display(rated), MORNING.display(rated)) == ("4", "5")
    unrated = WEEK.model_copy(update={"highest_pain_during": None, "pain_during_not_recorded": 3})
    assert DURING.display(unrated) == "not recorded"
    ahead = WEEK.model_copy(update={"status": "ahead", "walked_sessions": 0, "highest_pain_during": None,
                                    "pain_during_not_recorded": 0})
    assert DURING.display(ahead) == ""
