"""The window's own shortcuts come before a text box's keys. Seen in review on Linux: Ctrl+E (export the handout)
did nothing with the cursor in a text box, which took it to move to the end of the line, as End does; Qt asks the
focused box first (a ShortcutOverride event), and a box that claims a key keeps it from the window's menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class WindowKeysFirst(QObject):
    """Leaves the keys of ``window``'s actions unclaimed by the boxes in it (a dialog's boxes keep theirs)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._keys = {action.shortcut().toString() for action in window.findChildren(QAction)
                      if not action.shortcut().isEmpty()}
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        # not claimed: the shortcut goes to the window's action
        return watched.window() is self._window and QKeySequence(event.keyCombination()).toString() in self._keys
