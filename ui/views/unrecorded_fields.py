"""Form fields that can say "not recorded": a value the patient did not report is kept as None, never as 0
or "no". A whole number has one step below its range that reads as a word; a choice has that word as its
first item. Used by the session log's form (ui/views/session_log_view.py)."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QSpinBox

NOT_GIVEN = -1  # the step below every range: shown as the field's word for "not recorded"
TYPING_ROOM = 9999  # the box keeps any number typed up to this, so the record's own check can name the range


class OptionalSpinBox(QSpinBox):
    """A whole number from ``low`` to ``high`` or nothing (shown as a word). What is typed is kept as typed, in
    range or not: the record's check then names the field and its range. A plain spin box with its own range
    dropped the keystroke that left it, so 300 for a pulse became 30, and 12 for a pain became 1, silently."""

    def __init__(self, low: int, high: int, blank: str) -> None:
        super().__init__()
        self.low, self.high = low, high
        self.setRange(NOT_GIVEN, max(high, TYPING_ROOM))
        self.setSpecialValueText(blank)
        self.setValue(NOT_GIVEN)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt's)
        if not text.strip():  # a cleared box: not given
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt's name)
        return self.minimum() if not text.strip() else super().valueFromText(text)

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name): the arrows move within the range and "not given"
        if self.value() == self.minimum() and steps > 0:
            self.setValue(self.low)
        elif self.value() <= self.low and steps < 0:
            self.setValue(self.minimum())
        else:
            self.setValue(min(self.value() + steps * self.singleStep(), self.high))


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
