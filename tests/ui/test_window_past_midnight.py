"""A window left open past midnight works out again what depends on the day (seen in review: the next morning the
progress view still read the evening's walk as "not yet" for its next-morning pain, the session log offered the
evening's date for a new walk, and the handout in the preview carried the evening's date)."""

from __future__ import annotations

import datetime as dt
import types
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QDate

import core.workspace.course
import ui.new_day
import ui.views.handout_view
from core.plan.session_log import NOT_RECORDED, NOT_YET
from tests.ui.course_helpers import log, saved_patient, today, walk
from ui.views.progress_view import WEEK_COLUMNS

pytestmark = pytest.mark.usefixtures("qapp")


class _Yesterday(dt.date):
    @classmethod
    def today(cls) -> dt.date:
        return dt.date.today() - dt.timedelta(days=1)


@contextmanager
def last_evening():
    """The window's clock reading the day before (midnight passes as the block ends)."""
    evening = types.SimpleNamespace(**{**vars(dt), "date": _Yesterday})
    with pytest.MonkeyPatch.context() as clock:
        for module in (core.workspace.course, ui.new_day, ui.views.handout_view):
            clock.setattr(module, "dt", evening)
        yield


def _opened_yesterday(qtbot, data_dir):
    """The window as it stood last evening: a walk of that day logged with no next-morning pain yet."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(1, 1, morning=None))
    window.sessions.date.setDate(QDate(today() - dt.timedelta(days=1)))  # the form as cleared last evening
    return window


def _morning_cells(window) -> list[str]:
    model = window.progress.weeks_model
    return [model.index(row, len(WEEK_COLUMNS) - 1).data() for row in range(model.rowCount())]


def test_the_next_morning_the_course_the_log_and_the_handout_are_of_the_new_day(qtbot, data_dir):
    with last_evening():
        window = _opened_yesterday(qtbot, data_dir)
        assert _morning_cells(window)[0] == NOT_YET
        window.tabs.setCurrentWidget(window.handout)
        with qtbot.waitSignal(window.handout.rendered, timeout=30_000):
            pass
        evening = (today() - dt.timedelta(days=1)).isoformat()
        assert evening in window.handout.suggested_file_name()
        assert window._day_timer.isActive()

    evening_request = window.handout._inputs
    window._day_timer.setInterval(10)  # the timer's next look, without waiting 30 s for it
    with qtbot.waitSignal(window.handout.rendered, timeout=30_000):
        pass
    window._day_timer.setInterval(ui.new_day.DAY_CHECK_MS)
    assert window.handout._inputs is not evening_request  # where the patient starts worked out again (carry_on)
    assert _morning_cells(window)[0] == NOT_RECORDED
    assert window.course.progress.weeks[0].pain_next_morning_not_recorded == 1
    assert window.sessions.date.date().toPython() == today()
    assert window.sessions.week.value() == window.course.progress.next_walk_week
    assert today().isoformat() in window.handout.suggested_file_name()


def test_a_walk_being_typed_keeps_its_date(qtbot, data_dir):
    with last_evening():
        window = _opened_yesterday(qtbot, data_dir)
        window.sessions.rpe.setValue(13)  # the evening's walk, typed and not yet added

    window._check_the_day()
    assert window.sessions.date.date().toPython() == today() - dt.timedelta(days=1)
    assert window.sessions.unsaved_entry()
    assert _morning_cells(window)[0] == NOT_RECORDED
