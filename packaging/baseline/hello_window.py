"""A bare PySide6-Essentials window: the baseline for bundle size and start-up comparisons.
With --smoke-start it exits once the window has been shown and painted, like main.py does, and
prints when (seconds since the epoch) for the start-up benchmark."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"smoke-start painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
if "--smoke-start" in sys.argv:
    watcher = FirstPaint()
    window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
