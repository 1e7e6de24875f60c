"""The window's own shortcuts come before a text box's keys. Seen in review on Linux: Ctrl+E (export the handout)
did nothing with the cursor in a text box, which took it to move to the end of the line, as End does; Qt asks the
focused box first (a ShortcutOverride event), and a box that claims a key keeps it from the window's menu.

The filter watches the window's text boxes only: on the whole application it saw every event, and a keystroke in
the patient form took 20.5 ms against 15.9 ms without it (tests/bench/bench_window.py, docs/performance.md).

The wheel, too, goes to the page before a box it passes over (WheelToPage)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QTextEdit,
    QWidget,
)

from ui.focus_in_view import holding_area

TEXT_BOXES = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)


class WindowKeysFirst(QObject):
    """Leaves the keys of ``window``'s actions unclaimed by the text boxes in it (``watch`` one added later); a
    dialog's boxes keep theirs. Enter presses the window's focused button."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._keys = {action.shortcut().toString() for action in window.findChildren(QAction)
                      if not action.shortcut().isEmpty()}
        for kind in TEXT_BOXES:
            for box in window.findChildren(kind):
                self.watch(box)
        # Enter presses a focused button, as Space does: a dialog's buttons do, a window's only when told to (seen in
        # a keyboard-only review: Tab to Add session or Save plan, then Enter, did nothing)
        for button in window.findChildren(QPushButton):
            button.setAutoDefault(True)

    def watch(self, box: QWidget) -> None:
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # not claimed: the shortcut goes to the window's action
        return event.type() == QEvent.Type.ShortcutOverride and \
            QKeySequence(event.keyCombination()).toString() in self._keys


class WheelToPage(QObject):
    """A spin box or a drop-down list in ``window`` takes the wheel only once it has the focus (clicked or tabbed
    into); under a passing wheel the page scrolls instead. Seen in review at 150 %: scrolling the patient form set
    Diabetes to Type 1 as the pointer passed over it (known disease: the plan blocked, and saved so), and the session
    form's Effort from 13 to 10, the page standing still.

    Nor does a box in focus take a wheel that is scrolling the page: one within SERIES_SECONDS of the page's last
    wheel, or with the pointer where the page's last wheel left it (the page moved the box under a pointer that did
    not move), unless the box was clicked since. Seen in review: Diabetes, tabbed into as the form's last box,
    scrolled under the pointer and became Type 2 as the clinician scrolled down to the plan; the plan blocked, with a
    foot-care warning for an MS patient."""

    SERIES_SECONDS = 1.0  # a product default: the wheel's notches a second apart or closer are one scroll

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._page_wheel: tuple[float, QPointF] | None = None  # when and where the page last took the wheel
        self._pages = {area.viewport() for area in window.findChildren(QScrollArea)}
        for page in self._pages:
            page.installEventFilter(self)
        for kind in (QAbstractSpinBox, QComboBox):
            for box in window.findChildren(kind):
                box.installEventFilter(self)
                for part in box.findChildren(QLineEdit):  # a spin box's text, which takes its clicks
                    part.installEventFilter(self)
                if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # Qt gives such a box the focus on a real wheel
                    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # event before it is delivered (seen under Xvfb)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.MouseButtonPress and watched not in self._pages:
            self._page_wheel = None  # a box clicked is chosen, wherever the pointer is
        if event.type() != QEvent.Type.Wheel or isinstance(watched, QLineEdit):  # a spin box's text: its box decides
            return False
        if watched in self._pages:  # a page's own wheel: noted, and it scrolls
            self._page_wheel = (time.monotonic(), event.globalPosition())
            return False
        if watched.hasFocus() and not self._page_scrolling(event.globalPosition()):
            return False
        if (area := holding_area(watched)) is not None:  # sent to the page itself: Qt passes a wheel a box leaves
            # on to its parents only when it comes from the mouse, not when it is sent (as the tests do)
            at = QPointF(watched.mapTo(area.viewport(), event.position().toPoint()))
            QApplication.sendEvent(area.viewport(), QWheelEvent(
                at, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
                event.modifiers(), event.phase(), event.inverted()))
        return True

    def _page_scrolling(self, pointer: QPointF) -> bool:
        if self._page_wheel is None:
            return False
        when, where = self._page_wheel
        return time.monotonic() - when < self.SERIES_SECONDS or where == pointer
