"""A scroll area for a form or panel that must stay whole on a small screen (1366x768 at 125-150 %):
it scrolls down, never sideways, and asks its layout for the content's full width."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScroll(QScrollArea):
    def __init__(self, content: QWidget, *, frame: bool = True) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own (an empty stop with no visible focus): Tab goes to the controls inside, and the
        # area scrolls to show the one that has the focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if not frame:
            self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)

    def _room(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The content's whole width (as it is now: labels and fields can change), and a few lines' height."""
        content = self.widget()
        width = max(content.minimumSizeHint().width(), content.minimumWidth()) if content else 0
        return QSize(width + self._room(), super().minimumSizeHint().height())
