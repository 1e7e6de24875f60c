"""A date field that Tab leaves in one press, and that reads a date as people type it.

Qt's date edit spends Tab on moving from year to month to day, so a clinician going down the session form
pressed Tab three times to leave the date. Here Tab goes on to the next field; within the date, a typed "-"
(2027-01-05), Left and Right move the cursor through year, month and day, Up and Down change the part it is in,
and the calendar button opens a month to pick from. A year typed in two digits (25-11-05) is read as 2025. A date
typed with "/" or "." (28/11/2026, 1.12.2026) is read day first, or month first where the workstation's language
writes dates so (United States English): the field shows it in that order while it is typed, and in its own
order again once left."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit

_NEXT_PART = {"-", "/", ".", " "}  # seen in testing: typing 2027-01-05 put "01" into the next field, the week
_DAY_OR_MONTH_FIRST = {"/", "."}  # as dates are written by hand; "-" and a space keep the field's own order


class DateField(QDateEdit):
    _typed = ""  # the digits typed into the part the cursor is in, since the cursor came to it
    _own_format = ""  # the field's own display format, while a date is typed in another order
    _year_typed = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._read_a_two_digit_year()
            self._back_to_own_order()
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
            if self._typed and event.text() in _DAY_OR_MONTH_FIRST and not self._own_format \
                    and self.currentSection() == QDateTimeEdit.Section.YearSection and len(self._typed) <= 2 \
                    and int(self._typed) > 0:
                self._read_day_or_month_first(int(self._typed), event.text())
            elif self._typed and index + 1 < self.sectionCount():
                self._read_a_two_digit_year()
                self._move_to(index + 1)
            event.accept()
            return
        super().keyPressEvent(event)
        if event.text():  # not Shift pressed on its own before a "/"
            in_part = event.text().isdigit() and self.currentSectionIndex() == index
            self._typed = self._typed + event.text() if in_part else ""
            self._year_typed |= event.text().isdigit() and self.sectionAt(index) == QDateTimeEdit.Section.YearSection

    def _move_to(self, index: int) -> None:
        self.setCurrentSectionIndex(index)
        self.setSelectedSection(self.sectionAt(index))  # selected: typing replaces it
        self._typed = ""

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
        self._year_typed = True

    def _read_day_or_month_first(self, first: int, separator: str) -> None:
        """Seen in testing: "28/11/2026" typed into the year-month-day field was saved as 2026-11-20 (28 is no year,
        and 2026 no day). The number typed is the day (or, where the language writes the month first, the month,
        unless it is above 12); the field shows day and month in that order while the rest is typed."""
        written = QLocale(self.locale()).dateFormat(QLocale.FormatType.ShortFormat)
        day_first = first > 12 or written.find("d") < written.find("M")
        if first > 31:
            return
        # a year before the field's last, so any day and month fit under its limit while they are typed
        year = self.maximumDate().year() - 1
        scaffold = QDate(year, 1, first) if day_first else QDate(year, first, 1)  # January: every day from 1 to 31
        self._own_format, self._year_typed = self.displayFormat(), False
        self.setDisplayFormat(separator.join(("dd", "MM", "yyyy") if day_first else ("MM", "dd", "yyyy")))
        self.setDate(scaffold)
        self._move_to(1)

    def _back_to_own_order(self) -> None:
        """Leaving a date typed day or month first: the year, if none was typed, is the latest that keeps the date
        within the field's range (28/11 in early December: this year's), and the field's own order comes back."""
        if not self._own_format:
            return
        date, latest = self.date(), self.maximumDate()
        if not self._year_typed:
            year = latest.year() if QDate(latest.year(), date.month(), date.day()) <= latest else latest.year() - 1
            date = QDate(year, date.month(), min(date.day(), QDate(year, date.month(), 1).daysInMonth()))
        self.setDisplayFormat(self._own_format)
        self._own_format = ""
        self.setDate(date)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._typed = ""
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._read_a_two_digit_year()
        self._back_to_own_order()
        super().focusOutEvent(event)
