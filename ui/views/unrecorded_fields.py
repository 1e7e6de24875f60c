"""Form fields that can say "not recorded": a value the patient did not report is kept as None, never as 0
or "no". A whole number has one step below its range that reads as a word; a choice has that word as its
first item. Used by the session log's form (ui/views/session_log_view.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSpinBox


def optional_spin(low: int, high: int, blank: str) -> QSpinBox:
    """A whole number from ``low`` to ``high``, with one step below ``low`` that reads ``blank``: not given."""
    spin = QSpinBox()
    spin.setRange(low - 1, high)
    spin.setSpecialValueText(blank)
    spin.setValue(low - 1)
    return spin


def given(spin: QSpinBox) -> int | None:
    return None if spin.value() == spin.minimum() else spin.value()


def show_given(spin: QSpinBox, value: int | None) -> None:
    spin.setValue(spin.minimum() if value is None else value)


def choice_box(choices: tuple[tuple[str, object], ...]) -> QComboBox:
    """The (text, value) ``choices``, the first of them the one for not recorded (value None)."""
    box = QComboBox()
    for text, value in choices:
        box.addItem(text, value)
    return box


def show_choice(box: QComboBox, value: object) -> None:
    box.setCurrentIndex(box.findData(value))
