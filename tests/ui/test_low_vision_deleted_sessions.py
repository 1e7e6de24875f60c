"""The deleted sessions dialog at 150 % on a 1366x768 laptop (seen in review: 1398 pixels wide on the 1366-pixel
screen, its intro, Note column and Close button cut off at the screen's edge)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tests.ui.course_helpers import log, saved_patient, walk
from ui.views.deleted_sessions_dialog import DeletedSessionsDialog

ROOM = QRect(0, 0, int(1366 / 1.5), int((768 - 40) / 1.5))  # the screen less its taskbar, in logical pixels


def test_the_deleted_sessions_fit_the_screen_at_150_percent_and_close_has_a_letter(qtbot, data_dir,
                                                                                   monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=3, week=1, speed_kmh=3.6, heart_rate=104,
                     note="burning feet in the evening after the walk, settled by the next morning with rest"))
    [walked] = window.gateway.sessions(window.editor.patient_id)
    window.gateway.delete_session(walked.id, clinician="Dr Anna-Maria Rossi-Oyelaran")
    deleted = window.gateway.deleted_sessions(window.editor.patient_id)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(ROOM))
    dialog = DeletedSessionsDialog("Margaret Ellis", deleted, window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.table.horizontalHeader().length() + 60 > ROOM.width()  # its columns want more than the screen
    assert dialog.width() <= ROOM.width() and dialog.height() <= ROOM.height(), dialog.size()
    close = next(button for button in dialog.findChildren(QPushButton) if button is not dialog.log_again)
    assert dialog.rect().contains(close.geometry()), (close.geometry(), dialog.size())
    assert close.text() == "&Close"  # Alt+C, as Log again has Alt+L
    [intro] = [label for label in dialog.findChildren(QLabel) if label.text().startswith("Sessions deleted")]
    assert dialog.rect().contains(intro.geometry()) and intro.height() >= intro.heightForWidth(intro.width())
    assert dialog.rect().contains(dialog.table.geometry())  # the Note column a sideways scroll away in it
