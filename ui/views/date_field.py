"""A date field that Tab leaves in one press.

Qt's date edit spends Tab on moving from year to month to day, so a clinician going down the session form
pressed Tab three times to leave the date. Here Tab goes on to the next field; within the date, a typed "-"
or "/" (2027-01-05), Left and Right move the cursor through year, month and day, Up and Down change the part
it is in, and the calendar button opens a month to pick from. A year typed in two digits (25-11-05) is read as
2025, as people write dates by hand."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit

_NEXT_PART = {"-", "/", ".", " "}  # seen in testing: typing 2027-01-05 put "01" into the next field, the week


class DateField(QDateEdit):
    _typed = ""  # the digits typed into the part the cursor is in, since the cursor came to it

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._read_a_two_digit_year()
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if QAbstractSpinBox.focusNextPrevChild(self, forward):  # out of the field, not on to the month
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.currentSectionIndex()
        # by the character typed: "/" is Shift+7 on a German keyboard, "." Shift+; on a French one (seen in review)
        if event.text() and event.text() in _NEXT_PART and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            # Qt moves on by itself once a part is full (2027, then the month): the "-" typed next stays in the month.
            # In the last part a separator does nothing: it never leaves the field.
            if self._typed and index + 1 < self.sectionCount():
                self._read_a_two_digit_year()
                self.setCurrentSectionIndex(index + 1)
                self.setSelectedSection(self.sectionAt(index + 1))  # selected: typing replaces it
                self._typed = ""
            event.accept()
            return
        super().keyPressEvent(event)
        if event.text():  # not Shift pressed on its own before a "/"
            in_part = event.text().isdigit() and self.currentSectionIndex() == index
            self._typed = self._typed + event.text() if in_part else ""

    def _read_a_two_digit_year(self) -> None:
        """Seen in testing: "25-11-05" was saved as 2026-11-05. Qt drops the "5" of a year 25 (no year 25xx is allowed
        and 0025 is long past), then puts back the year shown before; a year of two digits is this century's."""
        if self.currentSection() != QDateTimeEdit.Section.YearSection or len(self._typed) != 2:
            return
        shown, year = self.date(), 2000 + int(self._typed)
        if year > self.maximumDate().year():
            return  # a year to come: Qt keeps the date within the field's range, as for any other date typed
        first = QDate(year, shown.month(), 1)
        self.setDate(first.addDays(min(shown.day(), first.daysInMonth()) - 1))  # 29 February in another year: the 28th

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._typed = ""
        super().focusInEvent(event)
