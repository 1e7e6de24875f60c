"""Questions asked through a real QMessageBox, answered Yes by a click once one shows: for the paths where what the
dialog does to the focus matters (tests/ui/conftest.py answers them by default, with no dialog shown)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def real_questions(monkeypatch) -> None:
    def asked(parent, title, text, buttons, default):
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
        box.setDefaultButton(default)
        return QMessageBox.StandardButton(box.exec())

    monkeypatch.setattr(QMessageBox, "question", asked)


def answer_yes() -> None:
    """Clicks Yes in the question showing, or looks again in 50 ms."""
    boxes = [box for box in QApplication.topLevelWidgets() if isinstance(box, QMessageBox) and box.isVisible()]
    if boxes:
        boxes[0].button(QMessageBox.StandardButton.Yes).click()
    else:
        QTimer.singleShot(50, answer_yes)
