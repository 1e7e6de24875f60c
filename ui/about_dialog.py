"""Help > About: the version and every bundled component with its version and licence."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.app_info import APP_NAME, Component, app_version, bundled_components


def about_components() -> list[Component]:
    qt = Component(name="Qt", version=qVersion(), licence="LGPL-3.0")
    pyside = Component(name="PySide6 (runtime)", version=pyside_version, licence="LGPL-3.0")
    return [*bundled_components(), qt, pyside]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        heading = QLabel(f"<h2>{APP_NAME} {app_version()}</h2>")
        heading.setAccessibleName("Application name and version")
        blurb = QLabel(
            "Plans moderate treadmill walking for people with neuropathic pain, "
            "shows the evidence behind it, and prints a large-print handout."
        )
        blurb.setWordWrap(True)
        components = about_components()
        table = QTableWidget(len(components), 3, self)
        table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        table.setObjectName("componentsTable")
        table.setAccessibleName("Bundled components, versions and licences")
        table.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, component in enumerate(components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(blurb)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 420)
