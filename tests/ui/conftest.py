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
