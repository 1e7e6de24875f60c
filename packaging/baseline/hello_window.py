"""A bare PySide6-Essentials window: the baseline for bundle size and start-up comparisons.
With --smoke-start it exits once the window has been shown and painted, like main.py does."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
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
