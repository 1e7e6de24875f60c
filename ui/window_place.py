"""Where the window opens, and where its file dialogs do: the size and place it had when last closed, never larger than
the screen nor off it; the folder the last file dialog was left in. Mixed into MainWindow, which provides the data
folder's window state (``_window_state``)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray


class WindowPlace:
    def _restore_geometry(self) -> None:
        geometry = self._window_state.value("main_window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Never larger than the screen it opens on (a 1366x768 laptop, 125-150 % scaling), and on it: a size
        saved on a bigger monitor is shrunk and moved into view."""
        from PySide6.QtGui import QGuiApplication

        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = 40  # the title bar and borders the window manager adds around the window
        width, height = min(self.width(), room.width() - 16), min(self.height(), room.height() - frame)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), room.left()), room.right() - width)
        y = min(max(self.y(), room.top()), room.bottom() - height - frame)
        self.move(x, y)

    def _keep_last_folder(self) -> None:
        """Once the views are built (not on the first frame's path): the file dialogs start where the last one was left,
        kept in the window state for the next start (seen in a clinic's try: each start opened in the home folder)."""
        from ui.file_dialogs import keep_last_folder_in

        keep_last_folder_in(self._window_state)
