"""The window's status bar, its message word-wrapped: a long one ("Not saved: …" with the reason) is read whole
instead of being cut off at the window's edge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar


class MessageBar(QStatusBar):
    """A QStatusBar whose message is a word-wrapped label: it grows a line rather than cut words off. The window
    says everything through ``showMessage``, as to any status bar; a message stays until the next one."""

    def __init__(self) -> None:
        super().__init__()
        self._message = QLabel()
        self._message.setObjectName("statusMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)  # a patient's name or a path, never markup
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a word longer than the bar (a path) is clipped, never widens the window
        self._message.setSizePolicy(policy)
        self.addWidget(self._message, 1)

    def showMessage(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._message.setText(text)
        self._message.setAccessibleDescription(text)
        self.messageChanged.emit(text)

    def currentMessage(self) -> str:  # noqa: N802 (Qt's name)
        return self._message.text()

    def clearMessage(self) -> None:  # noqa: N802 (Qt's name)
        self.showMessage("")
