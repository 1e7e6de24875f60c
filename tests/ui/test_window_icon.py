"""The window's icon (resources/icons/treadwell.svg): seen in review of the installed copy, the window had none, and
the title bar and taskbar showed the system's blank one. Set once the first frame is up (ui/app.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor, QIcon

from core.resources import resource_path
from tests.conftest import REPO_ROOT


def test_the_icon_is_drawn_at_every_size_a_desktop_asks_for(qapp) -> None:
    icon = QIcon(str(resource_path("icons", "treadwell.svg")))
    assert not icon.isNull()
    for size in (16, 32, 48, 256):
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 8, size // 2) == QColor("#1F6F78"), size  # its teal ground, opaque
        assert image.pixelColor(0, 0).alpha() < 255  # rounded corners


def test_the_window_started_as_a_clinician_starts_it_has_the_icon(tmp_path) -> None:
    """Through run_app, as main.py starts the window: the icon is the application's once the first frame is up."""
    script = ("import sys; from pathlib import Path; from core.data_dir import DataDir; "
              "from PySide6.QtWidgets import QApplication; import ui.app as a; "
              f"status = a.run_app(DataDir(Path({str(tmp_path / 'data')!r})).prepare(), smoke_start=True, "
              "crash_dialog=False); print('icon', not QApplication.windowIcon().isNull(), status, flush=True)")
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TREADWELL_SMOKE_UNTIL": "ready"})
    assert "icon True" in run.stdout, (run.stdout, run.stderr)
