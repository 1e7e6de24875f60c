from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def finish_background_work():
    """No background job outlives its test (and its temporary data directory)."""
    yield
    QThreadPool.globalInstance().waitForDone(30_000)
