"""The session log form's fields (ui/views/session_log_view.py): numbers as people write them, and fields that
can say "not recorded": a value the patient did not report is kept as None, never as 0 or "no". A whole number
has a value below its range (NOT_GIVEN) that reads as a word; a choice has that word as its first item."""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QSpinBox

from core.plan.walking import form_speed, typed_kmh

NOT_GIVEN = -1  # the step below every range: shown as the field's word for "not recorded"
TYPING_ROOM = 9999  # the box keeps any number typed up to this, so the record's own check can name the range


def without_word(box: QSpinBox | QDoubleSpinBox, text: str, pos: int) -> tuple[str, int]:
    """Digits typed beside the word a box shows for "not recorded": the word goes and the digits stay (seen in testing:
    a click put the cursor after "not recorded", the 4 typed there was refused, and the pain was saved unrecorded)."""
    word = box.specialValueText()
    if not word or text == word or word not in text:
        return text, pos
    at = text.index(word)
    return text.replace(word, "", 1), pos - len(word) if pos >= at + len(word) else min(pos, at)


class OptionalSpinBox(QSpinBox):
    """A whole number from ``low`` to ``high`` or nothing (shown as a word). What is typed is kept as typed, in
    range or not: the record's check then names the field and its range. A plain spin box with its own range
    dropped the keystroke that left it, so 300 for a pulse became 30, and 12 for a pain became 1, silently."""

    def __init__(self, low: int, high: int, blank: str, tip: str = "") -> None:
        super().__init__()
        self.setToolTip(tip)
        self.low, self.high = low, high
        self.setRange(NOT_GIVEN, max(high, TYPING_ROOM))
        self.setSpecialValueText(blank)
        self.setValue(NOT_GIVEN)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt's)
        if not text.strip():  # a cleared box: not given
            return QValidator.State.Acceptable, text, pos
        return super().validate(*without_word(self, text, pos))

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt's name)
        return self.minimum() if not text.strip() else super().valueFromText(text)

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name): the arrows move within the range and "not given"
        if self.value() == self.minimum() and steps > 0:
            self.setValue(self.low)
        elif self.value() <= self.low and steps < 0:
            self.setValue(self.minimum())
        else:
            self.setValue(min(self.value() + steps * self.singleStep(), self.high))


class WeekSpinBox(QSpinBox):
    """The plan week. What is typed is kept as typed, as in OptionalSpinBox: seen in testing, 12 on a 10-week plan
    became 1 and was saved as week 1 without a word; now the save names the plan's weeks. The arrows stay within
    the weeks of the plan in force (``set_weeks``)."""

    def __init__(self) -> None:
        super().__init__()
        self.weeks = 1
        self.setRange(1, TYPING_ROOM)

    def set_weeks(self, weeks: int) -> None:  # a week already past them stays, for the save to name
        self.weeks = max(1, weeks)

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name)
        self.setValue(min(max(self.value() + steps * self.singleStep(), 1), self.weeks))


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


class PlainNumberSpinBox(QDoubleSpinBox):
    """A number as people write it, 8 or 8.5, not 8.00; two decimals are still kept, so a correction never
    rounds a value it does not change (8.25 stays 8.25). Either mark is a decimal point: 12,5 is 12.5 (it was
    read as 125, the comma taken for a thousands separator), as the profile form reads it. Its range is only
    room to type in: the record's check names the field's own range. ``blank``: the text for 0, if 0 means none."""

    def __init__(self, high: float, *, step: float, blank: str = "") -> None:
        super().__init__()
        self.setRange(0, high)
        self.setDecimals(2)  # as stored: a correction must not round what it does not change
        self.setSingleStep(step)
        self.setSpecialValueText(blank)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt's)
        point = self.locale().decimalPoint()
        text, pos = without_word(self, text, pos)
        return super().validate(text.replace("," if point == "." else ".", point), pos)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        text, point = self.locale().toString(value, "f", self.decimals()), self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


class MinutesSpinBox(PlainNumberSpinBox):
    """Minutes as a number (16.5) or as minutes and seconds, as a patient may write them in the walking log and the
    handout writes its walks (16:30, read as 16.5): seen in review, 16:30 was refused, and 16.3 typed instead. Minutes
    and seconds that are not a time (16:75, 16:5) are kept for the save to name (``unread``), not the value before."""

    def __init__(self, high: float, *, step: float) -> None:
        super().__init__(high, step=step)
        self._left_as = ""  # the text Qt put back on leaving the box: the value before, had the save not asked
        self.typed = False  # the clinician's own minutes, typed or stepped, which a suggestion leaves alone
        self._suggested: float | None = None  # the last suggestion put in (a value set otherwise is left alone too)
        self.setToolTip("Minutes as a number (16.5) or as minutes and seconds (16:30)")
        self.lineEdit().textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, _text: str) -> None:
        self._left_as = ""
        self.typed = True

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name): the arrow keys, the wheel, the arrows beside
        self.typed = True
        super().stepBy(steps)

    def suggest(self, minutes: float) -> None:
        """``minutes`` (the week's planned) as a starting value, unless the clinician typed or stepped their own, or
        another value was put in, since ``forget_typed``. Seen by a clinic's tester: the planned 14 typed, the week then
        changed from 1 to 5, and the walk saved as 19.5 minutes (a typed value equal to the plan's was taken for the
        suggestion)."""
        if not self.typed and (self._suggested is None or self.value() == self._suggested):
            self.setValue(minutes)
            self._suggested = minutes

    def forget_typed(self) -> None:
        """A new walk's form: the next suggestion is put in."""
        self.typed, self._suggested = False, None

    def setValue(self, value: float) -> None:  # noqa: N802 (Qt's name)
        self._left_as = ""
        super().setValue(value)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._left_as = self._not_a_time() or self._left_as
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name): Enter puts the value before back, then saves
        from ui.enter_key import ENTER_KEYS  # (seen in testing: 16:75 and Enter, and the form saved 16)

        if event.key() in ENTER_KEYS:
            self._left_as = self._not_a_time() or self._left_as
        super().keyPressEvent(event)

    def unread(self) -> str:
        """Minutes and seconds typed that are not a time, or ""."""
        return self._not_a_time() or self._left_as

    def _not_a_time(self) -> str:
        typed = self.lineEdit().text()
        return typed if ":" in typed and not self.hasAcceptableInput() else ""

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt's)
        if found := _MINUTES_AND_SECONDS.fullmatch(text.strip()):
            whole = len(found[2]) == 2 and int(found[2]) < 60
            return QValidator.State.Acceptable if whole else QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt's name)
        if (found := _MINUTES_AND_SECONDS.fullmatch(text.strip())) and len(found[2]) == 2:
            return round(int(found[1]) + int(found[2]) / 60, 2)
        return super().valueFromText(text)


_MINUTES_AND_SECONDS = re.compile(r"(\d{1,4}):(\d{0,2})")


class SpeedSpinBox(PlainNumberSpinBox):
    """A belt speed in the units it shows (km/h, or mph as an imperial handout's walking log asks the patient for it),
    read as km/h, to two decimals (seen in review: a US clinic's 2.4 mph copied from the log into a km/h field). A
    speed shown from the records is read back exactly as stored until it is edited, whatever the units."""

    def __init__(self, blank: str, units: str) -> None:
        super().__init__(999, step=0.1, blank=blank)
        self._units = "metric"
        self._shown: tuple[float, float] | None = None  # (the value shown, the km/h it shows)
        self.set_units(units)

    @property
    def label(self) -> str:
        """Its label in the form, with its units."""
        return f"Belt speed ({self.suffix().strip()}):"

    def set_units(self, units: str) -> None:
        """The units it shows, and its label's (the form's label whose buddy it is): "Belt speed (mph):"."""
        kmh = self.kmh()
        self._units = units
        self.setSuffix(" mph" if units == "imperial" else " km/h")
        self.set_kmh(kmh)
        form = self.parentWidget()
        for label in form.findChildren(QLabel) if form is not None else ():
            if label.buddy() is self:
                label.setText(self.label)

    def kmh(self) -> float | None:
        if self.value() == 0:
            return None
        if self._shown is not None and self._shown[0] == self.value():
            return self._shown[1]
        return round(typed_kmh(self.value(), self._units), 2)

    def set_kmh(self, kmh: float | None) -> None:
        self.setValue(0 if kmh is None else form_speed(kmh, self._units))
        self._shown = None if kmh is None else (self.value(), kmh)
