"""Self-test checks that need Qt: the window paints offscreen and the PDF module loads."""

from __future__ import annotations

import os

from PySide6.QtCore import QThreadPool

from core.data_dir import DataDir
from core.workspace.selftest import Check


def _window_paints(data_dir: DataDir) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the self-test is headless by design
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(data_dir)
    try:
        image = window.grab().toImage()
        QThreadPool.globalInstance().waitForDone(30_000)  # the paint started the evidence load
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the main window rendered an empty image")
        return f"{image.width()}x{image.height()} on the '{app.platformName()}' platform"
    finally:
        window.deleteLater()


def _pdf_module_loads() -> str:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    return f"QPdfDocument ready (status {document.status().name})"


def qt_checks(data_dir: DataDir) -> list[Check]:
    return [
        ("Qt window paints", lambda: _window_paints(data_dir)),
        ("Qt PDF module loads", _pdf_module_loads),
    ]
