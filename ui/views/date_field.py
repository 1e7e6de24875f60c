"""A date field that Tab leaves in one press, and that reads a date as people type it.

Qt's date edit spends Tab on moving from year to month to day, so a clinician going down the session form
pressed Tab three times to leave the date. Here Tab goes on to the next field; within the date, a typed "-"
(2027-01-05), Left and Right move the cursor through year, month and day, Up and Down change the part it is in,
and the calendar button, F4 or Alt+Down open a month to pick from. A year typed in two digits (25-11-05) is read
as 2025. A date typed with "/" or "." (28/11/2026, 05.11.2026) is read day first, or month first where the
workstation's language writes dates so (United States English): the field shows it in that order while it is
typed, and in its own order again once left (Tab, Enter, or a click elsewhere). The field has no latest date: a
date after today is kept as typed, for the form to refuse by name, rather than silently moved into range; and a
date typed that no calendar has (31/04/2025) is kept in ``not_a_day``, for the form to refuse by name too. Its
calendar offers no day after today, unless the field already holds one (then it is shown as it is, not moved)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit

_NEXT_PART = {"-", "/", ".", " "}  # seen in testing: typing 2027-01-05 put "01" into the next field, the week
_DAY_OR_MONTH_FIRST = {"/", "."}  # as dates are written by hand; "-" and a space keep the field's own order
_LEAP_YEAR = 2000  # holds 29 February while a day and month are typed before their year
_YEAR = QDateTimeEdit.Section.YearSection


class DateField(QDateEdit):
    # left with a date typed that no calendar has (not_a_day), which it shows as a day near it; "" once it is one again
    not_a_day_typed = Signal(str)

    def __init__(self, *args) -> None:
        super().__init__(*args)
        # a date picked in the calendar or stepped with the mouse replaces one that was no day (seen in review: it
        # was still refused as the date typed before)
        self.dateChanged.connect(self._on_date_changed)

    def _on_date_changed(self, _date: QDate) -> None:
        if not self._reading:
            self._forget_not_a_day()

    def _forget_not_a_day(self) -> None:
        """The date typed that no calendar has is gone: said so, and no longer read out with the field."""
        if self.not_a_day:
            self.not_a_day = ""
            self.setAccessibleDescription("")
            self.not_a_day_typed.emit("")

    _typed = ""  # the digits typed into the part the cursor is in, since the cursor came to it
    # The digits typed while the cursor was in the year, whatever Qt did with them: it takes a day typed there ("05")
    # as a year, drops what no year can be, and may move on by itself (seen in review: 05/11/2025 read as 2026-11-20).
    _year_digits = ""
    _own_format = ""  # the field's own display format, while a date is typed in another order
    # The digits and separators typed since the field took the focus (or Ctrl+A), read as a whole date on leaving
    # where they are one; Backspace takes back the last. _edited: Backspace, Delete or an arrow met the text as it
    # was, so a digit typed next changes a part in place (24, Backspace, 5: the 25th) rather than replacing it.
    _keys = ""
    _edited = False
    # A date typed whole that is no day of the calendar ("31/04/2025", "2026-02-30"), as typed: Qt shows a day near it
    # (seen in testing: 2026-02-30 saved as 2026-02-03, 31/04 as 30 April, with no word); the form refuses it by name.
    not_a_day = ""
    _reading = False  # while what was typed is read (its own date changes keep not_a_day)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._finish_typing()
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if QAbstractSpinBox.focusNextPrevChild(self, forward):  # out of the field, not on to the month
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        text, index = event.text(), self.currentSectionIndex()
        if event.key() in _MODIFIERS:  # Shift on its own before a "/" (seen in review: it ended the day's digits)
            super().keyPressEvent(event)
            return
        if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                            and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self._open_calendar()  # seen by the keyboard tester: Alt+Down moved the date a year back, unsaid
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the form's Enter saves: the date read first
            self._finish_typing()
            super().keyPressEvent(event)
            return
        self._forget_not_a_day()  # the date is being changed: read again on leaving
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self._keys, self._edited = "", False
        elif text and (text.isdigit() or text in _NEXT_PART):
            self._keys += text
        elif event.key() == Qt.Key.Key_Backspace and self._keys:
            self._keys = self._keys[:-1]
        else:
            self._edited = True  # Backspace into the text as it was, Delete, an arrow, Home, End
        # by the character typed: "/" is Shift+7 on a German keyboard, "." Shift+; on a French one (seen in review)
        if text and text in _NEXT_PART and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            self._on_separator(text, index)
            event.accept()
            return
        in_year = self.currentSection() == _YEAR
        if not in_year:
            self._year_digits = ""
        if text.isdigit() and self._keys == text and not self._edited and self.lineEdit().selectedText() != \
                self.sectionText(self.currentSection()):
            # the first digit replaces the part (seen in testing: after a click into the year, or Ctrl+A, Qt dropped
            # "2027" typed over 2026, as no year has five digits, and the walk was saved under 2026)
            self.setSelectedSection(self.currentSection())
        super().keyPressEvent(event)
        if event.key() == Qt.Key.Key_Backspace:  # in step with what is shown
            self._typed = self._typed[:-1]
            self._year_digits = self._year_digits[:-1] if in_year else ""
        elif text:  # not Shift pressed on its own before a "/"
            in_part = text.isdigit() and self.currentSectionIndex() == index
            self._typed = self._typed + text if in_part else ""
            self._year_digits = self._year_digits + text if in_year and text.isdigit() else ""

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """A click on the calendar button opens the month: no day after today is offered there (seen in review:
        tomorrow could be picked, then was refused on Add). Qt gives the calendar the field's own range as it opens
        it, so the limit follows. A date after today already in the field keeps the month as it is: limited, the
        calendar would move the field's date to today, unsaid."""
        super().mousePressEvent(event)
        calendar = self.calendarWidget() if self.calendarPopup() else None
        today = QDate.currentDate()
        if calendar is not None and calendar.isVisible() and self.date() <= today:
            calendar.setMaximumDate(today)

    def _open_calendar(self) -> None:
        """The month to pick from, as a click on the calendar button opens it (Qt gives no call for it)."""
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QMouseEvent

        if not self.calendarPopup():
            return
        x = 8 if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else self.width() - 8
        at = QPointF(x, self.height() / 2)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QDateEdit.event(self, QMouseEvent(kind, at, self.mapToGlobal(at), Qt.MouseButton.LeftButton,
                                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

    def _on_separator(self, separator: str, index: int) -> None:
        """Qt moves on by itself once a part is full (2027, then the month): the "-" typed next stays in the month.
        In the last part a separator does nothing: it never leaves the field."""
        first = self._year_digits
        if first and len(first) <= 2 and not self._own_format:  # not a year: a day or month, or a year's last two
            if separator in _DAY_OR_MONTH_FIRST and 0 < int(first) <= 31:
                self._read_day_or_month_first(int(first), separator)
            else:
                self._read_a_two_digit_year()
                self._move_to(1)
        elif self._typed and index + 1 < self.sectionCount():
            self._move_to(index + 1)
        self._year_digits = ""

    def _move_to(self, index: int) -> None:
        self.setCurrentSectionIndex(index)
        self.setSelectedSection(self.sectionAt(index))  # selected: typing replaces it
        self._typed = ""

    def _read_a_two_digit_year(self) -> None:
        """Seen in testing: "25-11-05" was saved as 2026-11-05. Qt drops the "5" of a year 25, then puts back the year
        shown before; a year typed in two digits is this century's."""
        if len(self._year_digits) != 2:
            return
        shown, year = self.date(), 2000 + int(self._year_digits)
        first = QDate(year, shown.month(), 1)
        self._show_date(first.addDays(min(shown.day(), first.daysInMonth()) - 1))  # 29 February: the 28th
        self._year_digits = ""

    def _read_day_or_month_first(self, first: int, separator: str) -> None:
        """Seen in testing: "28/11/2026" typed into the year-month-day field was saved as 2026-11-20 (28 is no year,
        and 2026 no day). The number typed is the day (or, where the language writes the month first, the month,
        unless it is above 12); the field shows day and month in that order while the rest is typed."""
        day_first = first > 12 or writes_day_first(self.locale())
        scaffold = QDate(_LEAP_YEAR, 1, first) if day_first else QDate(_LEAP_YEAR, first, 1)  # January: 1 to 31
        self._own_format = self.displayFormat()
        self.setDisplayFormat(separator.join(("dd", "MM", "yyyy") if day_first else ("MM", "dd", "yyyy")))
        self._show_date(scaffold)
        self._move_to(1)

    def _finish_typing(self) -> None:
        """Leaving the field, or Enter: what was typed read as a whole date where it is one (whatever Qt made of the
        keys: seen in review, "2025-11-05" typed after a click into the month, or "26-11-2026", ended elsewhere);
        otherwise a year typed in two digits read, and a date typed day or month first put back in the field's own
        order, its year, where none was typed, the latest that is not after today (28/11 in early December: this
        year's)."""
        caught = False  # said once, as it is read: not again at each later focus-out (nothing new is read then)
        try:
            whole = typed_date(self._keys, day_first=writes_day_first(self.locale()), today=dt.date.today())
        except NotADay:  # kept until the date changes again (leaving the field reads nothing new)
            whole, self.not_a_day, caught = None, self._keys.strip("-/. "), True
        self._reading = True
        try:
            self._shown_as_typed(whole)
        finally:
            self._reading = False
        self._typed = self._year_digits = self._keys = ""
        self._edited = False
        if caught:
            self.not_a_day_typed.emit(self.not_a_day)

    def _shown_as_typed(self, whole: dt.date | None) -> None:
        """The field shows what was typed: the whole date, or a two-digit year read, in the field's own order."""
        self._read_a_two_digit_year()
        if self._own_format:
            date, today = self.date(), QDate.currentDate()
            if date.year() == _LEAP_YEAR:  # the placeholder: no year typed, or one cut short
                year = today.year()
                while not (QDate(year, date.month(), date.day()).isValid()
                           and QDate(year, date.month(), date.day()) <= today):
                    year -= 1  # 29 February: the last leap year's
                date = QDate(year, date.month(), date.day())
            self.setDisplayFormat(self._own_format)
            self._own_format = ""
            self._show_date(date)
        if whole is not None:
            self._show_date(QDate(whole.year, whole.month, whole.day))

    def setDate(self, date: QDate) -> None:  # noqa: N802 (Qt's name)
        """The form sets the date (today's, a walk to correct): what was typed before is not read again on leaving
        (seen in testing: a date typed, then one set by the form, came back as the typed one)."""
        self._typed = self._year_digits = self._keys = self.not_a_day = ""
        self._edited = False
        self._show_date(date)

    def _show_date(self, date: QDate) -> None:
        QDateEdit.setDate(self, date)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._typed = self._year_digits = self._keys = ""
        self._edited = False
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._finish_typing()
        super().focusOutEvent(event)


_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta}
_PARTS = re.compile(r"[-/. ]+")


def writes_day_first(locale: QLocale) -> bool:
    """The language writes the day before the month (28/11/2026), as most do; United States English does not."""
    written = QLocale(locale).dateFormat(QLocale.FormatType.ShortFormat)
    return written.find("d") < written.find("M")


class NotADay(ValueError):
    """A date typed whole that no calendar has (31/04/2025, 2026-02-30, 13/13/2026)."""


def typed_date(typed: str, *, day_first: bool, today: dt.date) -> dt.date | None:
    """A whole date as a clinician types it, or None: 2026-11-28 and 20261128; 28/11/2026, 28.11.26 and 26-11-2026,
    day first (month first where ``day_first`` is False, unless a first number above 12 must be a day); 25-11-05, a
    year of two digits first; 28/11 alone, the latest such day not after ``today``. A date so typed that does not
    exist (31/04) raises NotADay."""
    text = typed.strip("-/. ")
    parts = [part for part in _PARTS.split(text) if part]
    if not all(part.isdigit() for part in parts):
        return None
    separator = next((char for char in text if not char.isdigit()), "")
    numbers = [int(part) for part in parts]
    try:
        if len(parts) == 1 and len(parts[0]) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(parts) == 3 and len(parts[0]) == 4:
            return dt.date(*numbers)
        if len(parts) == 3 and len(parts[2]) in (2, 4) and (separator != "-" or len(parts[2]) == 4):
            day, month = _day_and_month(numbers[0], numbers[1], day_first)
            year = numbers[2] + (2000 if len(parts[2]) == 2 else 0)
            return dt.date(year, month, day)
        if len(parts) == 3 and separator == "-" and len(parts[0]) == 2:
            return dt.date(2000 + numbers[0], numbers[1], numbers[2])
        if len(parts) == 2 and separator in _DAY_OR_MONTH_FIRST:
            return _latest(*_day_and_month(numbers[0], numbers[1], day_first), today)
    except ValueError:
        raise NotADay(typed) from None
    return None


def _latest(day: int, month: int, today: dt.date) -> dt.date:
    """The latest such day not after ``today`` (29 February: the last leap year's); ValueError where there is none."""
    for year in range(today.year, today.year - 8, -1):
        if month <= 12 and day <= calendar.monthrange(year, month)[1] and (found := dt.date(year, month, day)) <= today:
            return found
    raise ValueError(f"no day {day} of month {month}")


def _day_and_month(first: int, second: int, day_first: bool) -> tuple[int, int]:
    return (first, second) if first > 12 or (day_first and second <= 12) else (second, first)
