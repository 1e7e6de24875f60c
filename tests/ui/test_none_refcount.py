"""Guard for the PySide6 6.12 / Python 3.11 None reference-count bug (see ui/__init__.py)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QLineEdit


def test_many_void_calls_and_none_returning_slots_do_not_drain_none(qtbot) -> None:
    label, edit = QLabel(), QLineEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(edit)
    seen: set[str] = set()
    edit.textChanged.connect(lambda text: seen.add(text))  # a Python slot returning None
    for number in range(30_000):  # enough to abort the interpreter without the guard on Python 3.11
        label.setText(str(number))
        label.setVisible(bool(number % 2))
        edit.setText(str(number))
        edit.editingFinished.emit()  # emit() hands back a bool
    assert len(seen) == 30_000
    if sys.version_info < (3, 12):
        assert all(sys.getrefcount(value) > 1 << 39 for value in (None, True, False))
