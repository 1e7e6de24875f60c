"""A window with the records open and a saved patient, for the session log, progress and saving tests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.plan.session_log import SessionLog
from tests.storage.helpers import example
from ui.main_window import MainWindow


def today() -> dt.date:
    """Read when a test asks, not at import: a run crossing midnight compared yesterday's date with today's."""
    return dt.date.today()


def open_window(qtbot, data_dir) -> MainWindow:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.evidence_ready, timeout=30_000):
        window.show()
    return window


def with_handout(qtbot, data_dir) -> MainWindow:
    """The chemotherapy-neuropathy example on screen, its handout rendered in step 7's preview."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    window.tabs.setCurrentWidget(window.handout)
    if window.handout.document.pageCount() == 0:
        with qtbot.waitSignal(window.handout.rendered, timeout=30_000):
            pass
    return window


def saved_patient(qtbot, data_dir, **changes) -> MainWindow:
    """The chemotherapy-neuropathy example, saved once (version 1)."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example(**changes)[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    assert not window.editor.dirty
    return window


def walk(days_ago: int, week: int, minutes: float = 10, rpe: int = 12, during: int | None = 3,
         morning: int | None = 3, **more) -> SessionLog:
    return SessionLog(date=today() - dt.timedelta(days=days_ago), week=week, minutes=minutes, rpe=rpe,
                      pain_during=during, pain_next_morning=morning, **{"stiffer_next_morning": False, **more})


def log(window: MainWindow, session: SessionLog) -> None:
    """Under the newest saved version, through the records (as an import would), then shown as the window
    shows a reopened patient."""
    newest = window.gateway.history(window.editor.patient_id)[-1]
    window.gateway.add_session(window.editor.patient_id, session, clinician="Dr Test", plan_id=newest.id)
    window._refresh_course()


def override_week(window: MainWindow, week: int, minutes: str) -> None:
    model = window.editor.panel.weeks
    assert model.setData(model.index(week - 1, 3), minutes, Qt.ItemDataRole.EditRole)


def table_text(view, column: str) -> list[str]:
    model = view.model
    index = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == column)
    return [model.index(row, index).data() for row in range(model.rowCount())]


def fill(view, *, week: int = 1, minutes: float = 10, rpe: int | None = 12, during: int | None = None,
         morning: int | None = None, note: str = "") -> None:
    """The session log's form filled in as a clinician would (effort left "not entered" with rpe=None)."""
    view.week.setValue(week)
    view.minutes.setValue(minutes)
    if rpe is not None:
        view.rpe.setValue(rpe)
    if during is not None:
        view.pain_during.setValue(during)
    if morning is not None:  # and asked whether the morning was stiffer, as the pain rules need both
        if view.date.date().toPython() == today():  # a walk dated today has no next morning yet: walked yesterday
            view.date.setDate(today() - dt.timedelta(days=1))
        view.pain_morning.setValue(morning)
        view.stiffer_morning.setCurrentIndex(view.stiffer_morning.findText("no"))
    view.note.setText(note)
