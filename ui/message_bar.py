"""The window's status bar, its message word-wrapped: a long one ("Not saved: …" with the reason) is read whole
instead of being cut off at the window's edge."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from ui.plain_text import shown_as_typed


class MessageBar(QStatusBar):
    """A QStatusBar whose message is a word-wrapped label: it grows a line rather than cut words off. The window
    says everything through ``showMessage``, as to any status bar; a message stays until the next one. Part of the
    first frame, so it leaves PySide6's Qt namespace unloaded: the text is escaped rather than set as plain text."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self.said_just_now = False
        self._message = QLabel()
        self._message.setObjectName("statusMessage")
        self._message.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a word longer than the bar (a path) is clipped, never widens the window
        self._message.setSizePolicy(policy)
        self.addWidget(self._message, 1)
        self._rules: dict[QWidget, QWidget] = {}  # the line (a QFrame) before each permanent widget

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 (Qt's name)
        """``widget`` at the right, a line before it: seen in testing, a wrapped message's middle line ran on into
        "Records: this workstation" beside it ("... The week  Records: this workstation")."""
        from PySide6.QtWidgets import QFrame  # after the first frame, which has no permanent widget

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self._rules[widget] = rule
        super().addPermanentWidget(rule)
        super().addPermanentWidget(widget, stretch)

    def removeWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt's name)
        if (rule := self._rules.pop(widget, None)) is not None:
            super().removeWidget(rule)
            rule.deleteLater()
        super().removeWidget(widget)

    def showMessage(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._text = text
        self.said_just_now = True  # until the event loop's next turn: said with what this turn does (the step it opens)
        QTimer.singleShot(0, self._said_before)
        self._message.setText(shown_as_typed(text) if text else "")  # a patient's name or a path, never markup
        self._message.setAccessibleDescription(text)
        self.messageChanged.emit(text)

    def _said_before(self) -> None:
        self.said_just_now = False

    def currentMessage(self) -> str:  # noqa: N802 (Qt's name)
        return self._text

    def clearMessage(self) -> None:  # noqa: N802 (Qt's name)
        self.showMessage("")


def in_brief(text: str, fields: Iterable[str] = ()) -> str:
    """What the status bar says of a message a view shows in full: its first sentence, and of a refusal ("Not saved.
    Pain next morning: ...; Stiffer next morning: ..."), the ``fields`` (the form's labels) it names, else its reason's
    first sentence. Seen at 125 % on 1366x768: a walk's four-line message said again in the status bar took the room
    of the walk just logged, and stayed on other steps."""
    head, *rest = _SENTENCE_END.split(text, maxsplit=1)
    if not rest:
        return text
    if head not in ("Not saved", "Not deleted"):
        return f"{head}."
    labels = set(fields)
    named = [label for label in (problem.split(":", 1)[0] for problem in rest[0].split("; ")) if label in labels]
    if named:
        return f"{head}: check {', '.join(dict.fromkeys(named))} in the session log."
    return f"{head}: {_SENTENCE_END.split(rest[0], maxsplit=1)[0].rstrip('.')}."


# a sentence's end: ". " before a capital or a digit, not after "Dr" and the like ("saved by Dr. Grace Okafor")
_SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)\. (?=[A-Z0-9])")
