"""The session log's date as a clinician's hand types it: a year in two digits, day first as the workstation writes
dates, Enter with the date as typed, a date typed over another year's, a whole date wherever the cursor was, and a
date no calendar has refused by name (moved from test_session_fields.py, whose number fields are another matter)."""

from __future__ import annotations

from tests.ui.course_helpers import fill, saved_patient


def _typed_into_date(qtbot, view, typed: str) -> None:
    """``typed`` into the session date as a hand types it, from the year selected (as Tab brings a hand to it);
    "\t" is Tab, "\b" Backspace."""
    from PySide6.QtCore import Qt

    view.week.setFocus()
    view.date.setFocus(Qt.FocusReason.TabFocusReason)
    keys = {"\t": Qt.Key.Key_Tab, "\b": Qt.Key.Key_Backspace}
    for key in typed:
        qtbot.keyClick(view.date, keys.get(key, key))


def test_a_year_typed_in_two_digits_is_read_as_this_centurys(qtbot, data_dir) -> None:
    """Seen in testing: "25-11-05" typed into the date was saved as 2026-11-05, the year shown before, with no word
    (Qt dropped the "5": no year 25xx is allowed, and 0025 is long past). The field starts in another year, so the
    year typed is what the test sees."""
    import datetime as dt

    from PySide6.QtCore import QDate

    view = saved_patient(qtbot, data_dir).sessions
    year = dt.date.today().year - 1
    for typed, expected in ((f"{year % 100:02d}-11-05\t", dt.date(year, 11, 5)),
                            (f"{(year - 1) % 100:02d}\t", dt.date(year - 1, 3, 31))):
        view.date.setDate(QDate(year - 5, 3, 31))
        _typed_into_date(qtbot, view, typed)
        assert view.date.date().toPython() == expected, typed


def test_a_date_typed_day_first_is_read_as_the_workstation_writes_dates(qtbot, data_dir) -> None:
    """Seen in testing: "28/11/2026" typed into the year-month-day date was saved as 2026-11-20 (28 is no year and
    2026 no day), and in review "05/11/2025" (Qt took the 0 as a year) and "12, Backspace, 8/11/2025". A date typed
    with "/" or "." is read day first, or month first where the workstation's language writes the month first; a
    day and month alone get the latest year not after today. The field starts in another year."""
    import datetime as dt

    from PySide6.QtCore import QDate, QLocale

    view = saved_patient(qtbot, data_dir).sessions
    year = dt.date.today().year - 1
    british = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    latest_28_11 = dt.date(dt.date.today().year, 11, 28)
    if latest_28_11 > dt.date.today():
        latest_28_11 = latest_28_11.replace(year=latest_28_11.year - 1)
    for locale, typed, expected in (
            (british, f"28/11/{year}\t", dt.date(year, 11, 28)), (british, f"1/12/{year}\t", dt.date(year, 12, 1)),
            (british, f"05/11/{year}\t", dt.date(year, 11, 5)), (british, f"12\b8/11/{year}\t", dt.date(year, 11, 18)),
            (british, f"1.12.{year % 100}\t", dt.date(year, 12, 1)), (american, f"1/12/{year}\t", dt.date(year, 1, 12)),
            (american, f"28/11/{year}\t", dt.date(year, 11, 28)), (british, "28/11\t", latest_28_11),
            (british, "29/02/2024\t", dt.date(2024, 2, 29))):
        view.date.setLocale(locale)
        view.date.setDate(QDate(year - 5, 3, 31))
        _typed_into_date(qtbot, view, typed)
        assert (view.date.date().toPython(), view.date.displayFormat()) == (expected, "yyyy-MM-dd"), typed


def test_enter_saves_the_date_as_typed_and_a_date_after_today_is_refused_not_moved(qtbot, data_dir) -> None:
    """Seen in review: Enter saved "28/11" under a placeholder year, as the year was worked out only on leaving the
    field; and "3/12/2026" on 2 December was moved a year back, into the field's range, with no word."""
    import datetime as dt

    from PySide6.QtCore import QDate, QLocale, Qt

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    view.date.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    fill(view, week=1, minutes=9, rpe=11)
    view.date.setDate(QDate(dt.date.today().year - 5, 3, 31))
    yesterday = dt.date.today() - dt.timedelta(days=1)
    _typed_into_date(qtbot, view, f"{yesterday.day}/{yesterday.month}")
    qtbot.keyClick(view.date, Qt.Key.Key_Return)  # Enter in the form: Add session
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert saved.date == yesterday
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    fill(view, week=1, minutes=9, rpe=11)
    _typed_into_date(qtbot, view, f"{tomorrow.day}/{tomorrow.month}/{tomorrow.year}\t")
    assert view.date.date().toPython() == tomorrow
    view.save_button.click()
    assert "after today" in view.message.text() and len(window.gateway.sessions(window.editor.patient_id)) == 1


def test_a_date_typed_over_another_years_replaces_it_after_ctrl_a_or_a_click(qtbot, data_dir) -> None:
    """Seen in testing: correcting a walk of 2026-12-31, a click into the date (or Ctrl+A) and "2027-01-01" gave
    2026-01-01: Qt dropped the four digits typed over 2026 (no year has five digits), and the walk moved a year back."""
    import datetime as dt

    from PySide6.QtCore import QDate, QPoint, Qt

    view = saved_patient(qtbot, data_dir).sessions
    year = dt.date.today().year
    for select in ("ctrl+a", "click"):
        view.date.setDate(QDate(year - 3, 12, 31))
        view.week.setFocus()
        view.date.setFocus(Qt.FocusReason.MouseFocusReason)
        if select == "ctrl+a":
            qtbot.keyClick(view.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        else:  # the cursor in the middle of the year, nothing selected
            qtbot.mouseClick(view.date.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(12, 8))
        for key in f"{year - 2}-01-01\t":
            qtbot.keyClick(view.date, Qt.Key.Key_Tab if key == "\t" else key)
        assert view.date.date().toPython() == dt.date(year - 2, 1, 1), select


def test_a_whole_date_typed_is_read_whole_wherever_the_cursor_was_and_one_digit_changes_one_digit(qtbot, data_dir
                                                                                                     ) -> None:
    """Seen in review: after a click into the month, "2025-11-05" ended on 2026-02-02; "26-11-2026" on 2026-11-20;
    "05/11/2025" typed with Shift for "/" (a German or French keyboard) on 2026-11-20; and a day of 24 changed with
    Backspace and 5 became the 5th, not the 25th."""
    import datetime as dt

    from PySide6.QtCore import QDate, QLocale, QPoint, Qt

    view = saved_patient(qtbot, data_dir).sessions
    view.date.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    year = dt.date.today().year - 2
    line = view.date.lineEdit()

    def typed(keys: str, *, click_at: float | None = None, shift_slash: bool = False) -> dt.date:
        view.date.setDate(QDate(year - 3, 3, 24))
        view.week.setFocus()
        view.date.setFocus(Qt.FocusReason.MouseFocusReason)
        if click_at is not None:  # a share of the text's width: 0.5 is the month, 1.0 after the day
            width = line.fontMetrics().horizontalAdvance(line.text())
            qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(int(4 + width * click_at), line.height() // 2))
        for key in keys:
            if key == "/" and shift_slash:
                qtbot.keyPress(view.date, Qt.Key.Key_Shift)
                qtbot.keyClick(view.date, "/", Qt.KeyboardModifier.ShiftModifier)
                qtbot.keyRelease(view.date, Qt.Key.Key_Shift)
            else:
                qtbot.keyClick(view.date, {"\t": Qt.Key.Key_Tab, "\b": Qt.Key.Key_Backspace}.get(key, key))
        return view.date.date().toPython()

    assert typed(f"{year}-11-05\t", click_at=0.5) == dt.date(year, 11, 5)
    assert typed(f"28/11/{year}\t", click_at=0.5) == dt.date(year, 11, 28)
    assert typed(f"26-11-{year}\t") == dt.date(year, 11, 26)
    assert typed(f"05/11/{year}\t", shift_slash=True) == dt.date(year, 11, 5)
    assert typed("\b5\t", click_at=1.0) == dt.date(year - 3, 3, 25)  # one digit of the day changed in place


def test_a_date_no_calendar_has_is_refused_by_name_not_saved_as_a_day_near_it(qtbot, data_dir) -> None:
    """Seen in testing: "2026-02-30" typed and Add was saved as 2026-02-03, and "31/04/2025" as 30 April, with no word
    (Qt shows a day near what was typed)."""
    import datetime as dt

    from PySide6.QtCore import QDate, QLocale

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    view.date.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for typed in ("2026-02-30\t", "31/04/2025\t", "31/04\t"):
        fill(view, week=1, minutes=9, rpe=11)
        _typed_into_date(qtbot, view, typed)
        view.save_button.click()
        assert window.gateway.sessions(window.editor.patient_id) == [], typed
        assert f"{typed.strip()} is not a day of the calendar" in view.message.text(), typed
        assert "not a day of the calendar" in view.date.accessibleDescription()
    view.note.setText("walked well; " * 32)  # said with the date, not after it is mended (seen in review)
    view.save_button.click()
    assert "not a day of the calendar" in view.message.text() and "at most 300 characters" in view.message.text()
    view.note.clear()
    mended, picked = (dt.date.today() - dt.timedelta(days=days) for days in (12, 10))  # within the course
    _typed_into_date(qtbot, view, mended.strftime("%d/%m/%Y\t"))  # mended
    view.save_button.click()
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert saved.date == mended
    _typed_into_date(qtbot, view, "2026-02-30\t")  # and a day picked in the calendar replaces one that was none
    view.date.calendarWidget().setSelectedDate(QDate(picked))
    view.date.calendarWidget().clicked.emit(QDate(picked))
    fill(view, week=1, minutes=9, rpe=11)
    view.save_button.click()
    assert [s.date for s in window.gateway.sessions(window.editor.patient_id)] == [mended, picked]


def test_a_date_no_calendar_has_is_said_as_the_field_is_left(qtbot, data_dir) -> None:
    """Seen in review: "2025-11-31" typed and Tab showed 2025-11-30 with no word; it was refused only at Add."""
    import datetime as dt

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    refused: list[str] = []
    view.refused.connect(refused.append)
    fill(view, week=1, minutes=9, rpe=11)
    _typed_into_date(qtbot, view, "2025-11-31\t")
    said = ("Date: 2025-11-31 is not a day of the calendar; allowed: a date such as 2026-11-30, up to today; the field "
            "shows 2025-11-30 until a date is typed again")
    assert view.message.text() == said and view.date.accessibleDescription() == said
    assert refused == [said]  # once (seen in review: twice for one Tab, and again at every later focus-out)
    view.note.setFocus()
    view.date.setFocus()
    view.note.setFocus()
    assert refused == [said]
    mended = (dt.date.today() - dt.timedelta(days=6)).isoformat()  # within the course
    _typed_into_date(qtbot, view, mended + "\t")  # mended: unsaid, in the form and to a screen reader
    assert view.date.not_a_day == "" and view.message.text() == "" and view.date.accessibleDescription() == ""
    _typed_into_date(qtbot, view, "2025-11-31\t")
    view.save_button.click()
    assert window.gateway.sessions(window.editor.patient_id) == []
    assert view.message.text().startswith("Not saved. Date: 2025-11-31 is not a day of the calendar")
    _typed_into_date(qtbot, view, mended + "\t")
    assert view.date.not_a_day == ""
    view.save_button.click()
    assert [s.date.isoformat() for s in window.gateway.sessions(window.editor.patient_id)] == [mended]


def test_a_walk_dated_before_the_first_plan_is_not_said_to_be_under_the_version_in_force_that_day(qtbot,
                                                                                                 data_dir) -> None:
    """Seen in review: "logged ... under plan version 1, the version in force that day. The walk is dated ..., before
    the first plan was saved": no version was in force that day."""
    from PySide6.QtCore import QDate

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=11)
    view.date.setDate(QDate.currentDate().addDays(-7))
    view.save_button.click()
    assert "under plan version 1, as no version was in force yet that day. The walk is dated" in view.message.text(), view.message.text()
    fill(view, week=1, minutes=9, rpe=11)  # today: the version in force that day
    view.save_button.click()
    assert "under plan version 1, the version in force that day." in view.message.text(), view.message.text()


def test_the_calendar_offers_no_day_after_today_and_moves_no_date_already_typed(qtbot, data_dir) -> None:
    """Seen in review: tomorrow could be picked in the calendar, then was refused on Add. A date after today typed
    first is kept as it is when the calendar opens (the form refuses it by name), not moved to today unsaid."""
    from PySide6.QtCore import QDate, Qt

    window = saved_patient(qtbot, data_dir)
    view = window.sessions
    window.tabs.setCurrentWidget(view)
    today = QDate.currentDate()
    view.date.setFocus()
    qtbot.keyClick(view.date, Qt.Key.Key_F4)
    calendar = view.date.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.maximumDate() == today and view.date.date() == today
    assert view.date.maximumDate() > today  # the field itself still takes a later date typed, to refuse by name
    calendar.window().close()
    qtbot.waitUntil(lambda: not calendar.isVisible())
    view.date.setDate(today.addDays(3))
    qtbot.keyClick(view.date, Qt.Key.Key_F4)
    qtbot.waitUntil(calendar.isVisible)
    assert view.date.date() == today.addDays(3) and calendar.selectedDate() == today.addDays(3)
    calendar.window().close()
