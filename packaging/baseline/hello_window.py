"""A bare PySide6-Essentials window: the baseline for bundle size and start-up comparisons."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.show()
if "--smoke-start" in sys.argv:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
