"""The plain error dialog shown for an unexpected error, with the details one click away."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Treadwell: unexpected problem")
        self._report = f"{summary}\n\n{details}"
        message = QLabel(summary)
        message.setWordWrap(True)
        message.setAccessibleName("What happened")
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName("Technical details")
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.setAccessibleName("Copy technical details to the clipboard")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details_view)
        layout.addWidget(buttons)
        self.resize(640, 360)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._report)
        self.copy_button.setText("Copied")
