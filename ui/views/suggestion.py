"""The engine's suggestion for the coming week (core.plan.adjustment, via core.plan.progress), as the
session log and the progress view show it: what to do, the reason, the week it leads to, and the caveat."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.plan.adjustment import ACTION_WORDS
from core.plan.progress import Progress


class SuggestionText(QWidget):
    """The suggestion as the session log shows it: the advice (what to do, the reason, the week it leads to) and,
    under it in small print, its caveat and source. Two labels, so that Add session scrolls the advice into view
    without the caveat's lines (seen by a clinic's tester at 125 %: the whole suggestion was scrolled into view, and
    the walk just logged was a sliver at the top of the page). The progress view, which scrolls to neither, shows
    the two in one label (as two, its stacked side panel at 150 % left the report's button squeezed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.advice, self.caveat = QLabel(), QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for label in (self.advice, self.caveat):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(label)
        self.advice.setAccessibleName("Suggestion for next week")
        self.caveat.setAccessibleName("The suggestion's caveat and source")

    def show_progress(self, progress: Progress | None) -> None:
        """The suggestion of ``progress`` (None: nothing)."""
        advice, caveat = suggestion_html(progress)
        self.advice.setText(advice)
        self.caveat.setText(caveat)
        self.caveat.setVisible(bool(caveat))

    def text(self) -> str:
        """Both, as shown (advice, then caveat)."""
        return self.advice.text() + self.caveat.text()


def suggestion_html(progress: Progress | None) -> tuple[str, str]:
    """The advice and the caveat with its source, each as rich text ("" for none)."""
    if progress is None:
        return "", ""
    suggestion = progress.suggestion
    if suggestion is None:
        return ("<b>Next week:</b> no session is logged yet. The suggestion appears once a week of the plan has a "
                "session."), ""
    where = "" if suggestion.action == "pause" else (
        f" judged from {progress.judged_from} (plan version {progress.current_version})")
    target = suggestion.next_week
    then = "" if target is None else (
        f"<br><b>Then:</b> week {target.week}, {target.sessions} days of {target.main_min:g} min walks.")
    cited = "" if suggestion.source is None else f" Source: {escape(suggestion.source.cited())}."
    caveat = f"<small>{escape(suggestion.caveat)}{cited}</small>" if suggestion.caveat or cited else ""
    return (f"<b>Next week: {ACTION_WORDS[suggestion.action]}</b>{escape(where)}.<br>{escape(suggestion.reason)}"
            f"{then}"), caveat
