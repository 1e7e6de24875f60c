"""Reports of unexpected errors carried from any thread to the GUI thread, where the crash dialog shows them.

Installed before the window's first frame, so the dialog's module loads only when there is a crash."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class CrashNotifier(QObject):
    crash_reported = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.crash_reported.connect(self._on_self_crash_reported)

    def report(self, summary: str, details: str) -> None:
        self.crash_reported.emit(summary, details)

    @Slot(str, str)
    def _on_self_crash_reported(self, summary: str, details: str) -> None:
        from ui.crash_dialog import CrashDialog

        CrashDialog(summary, details).exec()
