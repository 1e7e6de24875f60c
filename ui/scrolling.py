"""Scroll areas for forms and panels that must stay whole on a small screen (1366x768 at 125-150 %): they
scroll down, never sideways, and ask their layout for the content's full width."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget


class VerticalScroll(QScrollArea):
    def __init__(self, content: QWidget, *, frame: bool = True) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own (an empty stop with no visible focus): Tab goes to the controls inside, and the
        # area scrolls to show the one that has the focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if not frame:
            self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)

    def _room(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The content's whole width (as it is now: labels and fields can change), and a few lines' height."""
        content = self.widget()
        width = max(content.minimumSizeHint().width(), content.minimumWidth()) if content else 0
        return QSize(width + self._room(), super().minimumSizeHint().height())


class SideBySideOrStacked(QStackedWidget):
    """Two panes side by side, each scrolling down on its own, where there is room for the first at its narrowest
    beside the second at the width it ``needs()``; one above the other in a single scroll where there is not. At
    125-150 % on a 1366x768 laptop the plan's week table needed twice the width left beside the profile form and
    scrolled sideways; stacked, it shows whole."""

    def __init__(self, first: QWidget, second: QWidget, *, needs: Callable[[], int], sizes: tuple[int, int]) -> None:
        super().__init__()
        self._first, self._second, self._needs = first, second, needs
        self._first_scroll = VerticalScroll(first)
        self._second_scroll = VerticalScroll(second, frame=False)
        self.side = QSplitter(Qt.Orientation.Horizontal)
        self.side.addWidget(self._first_scroll)
        self.side.addWidget(self._second_scroll)
        self.side.setCollapsible(0, False)
        self.side.setCollapsible(1, False)
        self.side.setSizes(list(sizes))
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        column = QWidget()
        column.setLayout(self._column)
        self.column = VerticalScroll(column, frame=False)
        self.addWidget(self.side)
        self.addWidget(self.column)

    @property
    def stacked(self) -> bool:
        return self.currentWidget() is self.column

    def scroll_to(self, widget: QWidget) -> None:
        """Scrolls whichever area now holds ``widget`` to show it."""
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(widget)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.column.minimumSizeHint() if self.stacked else super().minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange(stacked=event.size().width() < self.side_by_side_width())

    def side_by_side_width(self) -> int:
        first = max(self._first.minimumSizeHint().width(), self._first.minimumWidth()) + self._first_scroll._room()
        return first + self.side.handleWidth() + self._needs() + self._second_scroll._room()

    def _arrange(self, *, stacked: bool) -> None:
        if stacked == self.stacked:
            return
        focus = QApplication.focusWidget()
        if stacked:
            for scroll in (self._first_scroll, self._second_scroll):
                self._column.addWidget(scroll.takeWidget())
            self._column.addStretch(1)
        else:
            while (item := self._column.takeAt(0)) is not None:
                if item.widget() is not None:
                    item.widget().setParent(None)
            self._first_scroll.setWidget(self._first)
            self._second_scroll.setWidget(self._second)
        for pane in (self._first, self._second):
            pane.show()
        self.setCurrentWidget(self.column if stacked else self.side)
        self.updateGeometry()
        if focus is not None and (self._first.isAncestorOf(focus) or self._second.isAncestorOf(focus)):
            focus.setFocus()
            self.scroll_to(focus)
