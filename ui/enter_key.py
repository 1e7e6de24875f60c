"""A key (Enter, Return or keypad Enter, unless told another) doing what the button beside a field or list does.

A line edit, spin box or date field lets Enter through to its parent once it has taken what was typed; a
multi-line text box keeps it (a new line), and a calendar pop-up is a window of its own, so neither reaches
the filter installed here."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_plain_press(event: QEvent, keys: tuple[Qt.Key, ...]) -> bool:
    """One of ``keys`` pressed alone: Ctrl, Alt or Shift with it is left to whatever uses it."""
    return (event.type() == QEvent.Type.KeyPress and event.key() in keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)


class KeyPress(QObject):
    """Calls ``handler`` when one of ``keys`` (Enter by default), pressed alone, reaches ``watched`` (typed in it,
    or let through by a field in it), and takes the key; with ``fields``, only while the focus is in one of them
    (not on a button or a table beside them)."""

    def __init__(self, watched: QWidget, handler: Callable[[], object], *, keys: tuple[Qt.Key, ...] = ENTER_KEYS,
                 fields: Iterable[QWidget] | None = None) -> None:
        super().__init__(watched)
        self._handler, self._keys = handler, keys
        self._fields = None if fields is None else tuple(fields)
        watched.installEventFilter(self)

    def _focus_in_fields(self) -> bool:
        if self._fields is None:
            return True
        focus = QApplication.focusWidget()
        return focus is not None and any(focus is field or field.isAncestorOf(focus) for field in self._fields)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if is_plain_press(event, self._keys) and self._focus_in_fields():
            self._handler()
            return True
        return False
