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
    """The texts of the (text, value) ``choices``, the first of them the one for not recorded (value None).
    The values stay in ``choices``, read by position: no item holds None as data (PySide6 miscounts references
    to None handed back by currentData(), and enough calls abort the interpreter; see ui/models/table_model.py)."""
    box = QComboBox()
    for text, _ in choices:
        box.addItem(text)
    return box


def chosen(box: QComboBox, choices: tuple[tuple[str, object], ...]) -> object:
    return choices[max(box.currentIndex(), 0)][1]


def show_choice(box: QComboBox, choices: tuple[tuple[str, object], ...], value: object) -> None:
    box.setCurrentIndex(next(index for index, (_, known) in enumerate(choices) if known is value))
