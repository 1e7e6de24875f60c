"""A date field that Tab leaves in one press.

Qt's date edit spends Tab on moving from year to month to day, so a clinician going down the session form
pressed Tab three times to leave the date. Here Tab goes on to the next field; within the date, Left and
Right move the cursor through year, month and day, Up and Down change the part it is in, and the calendar
button opens a month to pick from."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit


class DateField(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        return QAbstractSpinBox.focusNextPrevChild(self, next)
