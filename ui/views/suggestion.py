"""The engine's suggestion for the coming week (core.plan.adjustment, via core.plan.progress), as the
session log and the progress view show it: what to do, the reason, the week it leads to, and the caveat."""

from __future__ import annotations

from html import escape

from core.plan.adjustment import ACTION_WORDS
from core.plan.progress import Progress


def suggestion_html(progress: Progress | None) -> str:
    if progress is None:
        return ""
    suggestion = progress.suggestion
    if suggestion is None:
        return ("<b>Next week:</b> no session is logged yet. The suggestion appears once a week of the plan has a "
                "session.")
    where = "" if suggestion.action == "pause" else (
        f" judged from {progress.judged_from} (plan version {progress.current_version})")
    target = suggestion.next_week
    then = "" if target is None else (
        f"<br><b>Then:</b> week {target.week}, {target.sessions} days of {target.main_min:g} min walks.")
    cited = "" if suggestion.source is None else f" Source: {escape(suggestion.source.cited())}."
    caveat = f"<br><small>{escape(suggestion.caveat)}{cited}</small>" if suggestion.caveat or cited else ""
    return (f"<b>Next week: {ACTION_WORDS[suggestion.action]}</b>{escape(where)}.<br>{escape(suggestion.reason)}{then}"
            f"{caveat}")
