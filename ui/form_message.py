"""A form's last word (what was saved, or why not), taking no room while there is none: at 150 % an empty line kept
the session form's Add button out of sight under the sessions, and left a gap under the welcome's fields."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class FormMessage(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
