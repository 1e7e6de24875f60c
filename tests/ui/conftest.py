from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def finish_background_work():
    """No background job outlives its test (and its temporary data directory)."""
    yield
    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal box would wait for a person forever: answer them (tests that care patch them again)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    # a save refused for a version saved meanwhile: told as an information box is (tests that look patch that), and
    # "Keep mine as it is" answered (tests of carrying the changes over patch this again)
    def keep_mine(parent, said: str, *_) -> bool:
        QMessageBox.information(parent, "A newer version is saved", said)
        return False

    monkeypatch.setattr("ui.save_questions.carry_onto_newer", keep_mine)


@pytest.fixture
def own_server(monkeypatch):
    """A server of the test's own, which it stops and starts; the window tries again every half second."""
    from tests.pg_server import SKIP_REASON, server_programs, start_server

    if server_programs() is None:
        pytest.skip(SKIP_REASON)
    monkeypatch.setattr("ui.clinic_link.RETRY_MS", 500)
    server = start_server()
    try:
        yield server
    finally:
        server.stop()
