"""What the progress report says under its pain chart of the bands drawn and the breaks in its lines: the pain rules of
each plan version walked under, where they differ, and which version's band names are on the right (the latest walk's,
as core/handout/progress_charts.py pain_chart draws them)."""

from __future__ import annotations

from core.handout.progress_charts import pain_band_names
from core.plan.course_rows import WalkingBreak
from core.plan.progress import SessionPoint


def band_captions(sessions: list[SessionPoint]) -> list[str]:
    """The bands' captions for the walks charted (none where no walk has pain rules)."""
    rules = list(dict.fromkeys((s.plan_version, s.usual_pain, s.safe_max, s.acceptable_max) for s in sessions
                               if s.safe_max is not None and s.acceptable_max is not None))
    if not rules:
        return []
    if len({rule[1:] for rule in rules}) > 1:
        changed = "; ".join(f"version {version}: usual pain {usual}/10, {', '.join(pain_band_names(safe, top))}"
                            for version, usual, safe, top in _first_of_each(rules))
        said = ("Each walk is drawn against the pain rules of the plan version it was walked under "
                f"({changed}); the band names on the right are those of version {sessions[-1].plan_version}, the "
                "latest walk's.")
    else:
        said = "The bands are the plan's pain rules for pain during walking."
    # seen in review: a next-morning 6 in the amber band read "acceptable", where the rules step back
    return [said, "Pain the next morning is judged against the usual pain, not the bands: above the usual pain line, "
                  "the rules advise a step back."]


def break_captions(breaks: list[WalkingBreak]) -> list[str]:
    """Where the charts' lines stop: the breaks in walking that ended (core/handout/progress_charts.py _series)."""
    between = [gap for gap in breaks if gap.until is not None]
    if not between:
        return []
    spans = "; ".join(f"{gap.since.isoformat()} to {gap.until.isoformat()}, {gap.days} days" for gap in between)
    return [f"On the pain and effort charts no line is drawn across a break in walking ({spans})."]


def _first_of_each(rules: list[tuple]) -> list[tuple]:
    """(version, usual, safe, acceptable) where the rules change, in the order walked."""
    return [rule for index, rule in enumerate(rules) if index == 0 or rule[1:] != rules[index - 1][1:]]
