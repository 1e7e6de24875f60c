"""The start-up benchmark's floor: the widgets of Treadwell's first frame (the etiology picker's filter, list
and details, eight tabs, three menus, a status bar, the window's default size) with fixed text, in a bare
script with none of Treadwell's code: no arguments, data folder, log, records or etiologies read. What
start-up would cost if Treadwell's own work took no time at all; printed beside the app's figure by
``bench_startup``. Exits once painted, printing when, like ``packaging/baseline/hello_window.py``."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMainWindow, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"smoke-start painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
search = QLineEdit()
search.setPlaceholderText("Type to filter: nerve, diabetic, stroke…")
search.setClearButtonEnabled(True)
etiologies = QListWidget()
etiologies.setSpacing(3)
for number in range(8):
    QListWidgetItem(f"Etiology {number + 1}  (12 studies)", etiologies).setToolTip("A description.")
details = QTextBrowser()
details.setHtml("<h2>An etiology</h2><p>" + "A sentence of the description, with its source. " * 12 + "</p>"
                "<h3>Human evidence</h3><p>" + "A sentence of the human evidence. " * 12 + "</p>")
left = QVBoxLayout()
left.addWidget(search)
left.addWidget(etiologies)
row = QHBoxLayout()
row.addLayout(left, 2)
row.addWidget(details, 3)
picker = QWidget()
layout = QVBoxLayout(picker)
layout.addWidget(QLabel("<h3>1. Choose the patient's neuropathic pain etiology</h3>"))
layout.addLayout(row)
tabs = QTabWidget()
tabs.addTab(picker, "1 Etiology")
for title in ("2 Evidence", "3 Animal dosing", "4 Patient && plan", "5 Session log", "6 Progress", "7 Handout",
              "8 Records"):
    tabs.addTab(QLabel("<p align='center'>Preparing this step…</p>"), title)
window.setCentralWidget(tabs)
for title in ("&File", "&View", "&Help"):
    window.menuBar().addMenu(title)
window.statusBar().showMessage("Opening the records…")
window.resize(1280, 800)
etiologies.setCurrentRow(0)
search.setFocus()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
