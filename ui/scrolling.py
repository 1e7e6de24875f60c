"""Scroll areas and splitters for forms, panels and tables that must stay whole on a small screen (1366x768 at
125-150 %): they scroll down, never sideways, and ask their layout for the content's full width."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea, QApplication, QFrame, QHBoxLayout, QLineEdit, QScrollArea, QSizePolicy, QSplitter,
    QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from ui.focus_frame import FOCUS_FRAME
from ui.focus_in_view import FocusInView, holding_area, show_widget

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
SHOWN_MARGIN = 50  # pixels above and below a widget the panes are scrolled to after rearranging


class VerticalScroll(QScrollArea):
    def __init__(self, content: QWidget, *, frame: bool = True) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own (an empty stop with no visible focus): Tab goes to the controls inside, and the
        # area scrolls to show the one that has the focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        FocusInView.install()  # Qt alone scrolls to it only when Tab moves the focus inside the area
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
    """Two panes side by side, each scrolling down on its own, where there is room for the ``wide`` one (0 or 1:
    the one holding a table) at the width it ``needs()`` beside the other at its narrowest; one above the other in
    a single scroll where there is not. At 125-150 % on a 1366x768 laptop the plan's week table needed twice the
    width left beside the profile form and scrolled sideways; stacked, it shows whole. Stacked, the first pane is
    on top unless ``second_on_top``."""

    arranged = Signal(bool)  # stacked or not, after a change of arrangement

    def __init__(self, first: QWidget, second: QWidget, *, wide: int, needs: Callable[[], int],
                 sizes: tuple[int, int], second_on_top: bool = False, keep_widest: bool = False) -> None:
        super().__init__()
        self._first, self._second, self._needs, self._wide = first, second, needs, wide
        self._refit_due = False
        self._keep_widest = keep_widest
        self._needed = 0  # with keep_widest: the most the wide pane has needed (see _wide_width)
        self._first_scroll = VerticalScroll(first)
        self._second_scroll = VerticalScroll(second, frame=False)
        self.side = QSplitter(Qt.Orientation.Horizontal)
        self.side.addWidget(self._first_scroll)
        self.side.addWidget(self._second_scroll)
        self.side.setCollapsible(0, False)
        self.side.setCollapsible(1, False)
        self.side.setSizes(list(sizes))
        self._wide_share = sizes[wide] / sum(sizes)
        self.side.splitterMoved.connect(self._keep_share)
        self.side.installEventFilter(self)
        for pane, scroll in ((first, self._first_scroll), (second, self._second_scroll)):
            if pane.maximumWidth() < QWIDGETSIZE_MAX:  # no blank margin beside a pane that stops growing
                scroll.setMaximumWidth(pane.maximumWidth() + scroll._room())
        column = QWidget()
        rows = QVBoxLayout(column)
        rows.setContentsMargins(0, 0, 0, 0)
        # a row each, a pane that stops growing held at its width by a stretch: its height is then worked out at
        # that width (laid out at the row's whole width, a wrapped label's height came out short and squeezed the
        # form above it below its fields' height)
        self._rows = [QHBoxLayout(), QHBoxLayout()]
        for pane, row in zip((first, second), self._rows):
            if pane.maximumWidth() < QWIDGETSIZE_MAX:
                row.addStretch(1)
        for row in reversed(self._rows) if second_on_top else self._rows:
            rows.addLayout(row)
        rows.addStretch(1)
        self.column = VerticalScroll(column, frame=False)
        self.addWidget(self.side)
        self.addWidget(self.column)

    @property
    def stacked(self) -> bool:
        return self.currentWidget() is self.column

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.column.minimumSizeHint() if self.stacked else super().minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._needed = 0
        self.refit(width=event.size().width())

    def start_afresh(self) -> None:
        """Other contents (another patient): arranged for what they need, not for the widest before them."""
        self._needed = 0
        self.refit_soon()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """A pane may have grown while its step was hidden (no resize tells of it)."""
        super().showEvent(event)
        self.refit_soon()

    def refit(self, *, width: int | None = None) -> None:
        """Side by side or stacked for ``width`` (by default the width it has), as the wide pane needs now: called
        on every resize and (through refit_soon) when a table's columns are fitted to new contents. Side by side,
        the wide pane is widened when it has less than it needs, never narrowed: a share the clinician dragged
        stays, and width it no longer needs comes back at the next resize."""
        width = self.width() if width is None else width
        self._arrange(stacked=width < self.side_by_side_width())
        if not self.stacked and self.side.sizes()[self._wide] < self._wide_width():
            self._give_wide_its_width()

    def refit_soon(self) -> None:
        """A refit once the event being handled is done, for a table whose columns were fitted to new contents.
        Qt fits them inside the table's own layout too (the first showing of its tab): a refit there that changed
        the arrangement took the table out of its scroll area in the middle of that layout, and Qt crashed. Many
        fittings in one turn make one refit."""
        if not self._refit_due:
            self._refit_due = True
            QTimer.singleShot(0, self, self._refit_due_now)

    def _refit_due_now(self) -> None:
        self._refit_due = False
        self.refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.side and event.type() == QEvent.Type.Resize:  # once the splitter has shared it out
            QTimer.singleShot(0, self, self._give_wide_its_width)
        return super().eventFilter(watched, event)

    def _panes(self) -> tuple[tuple[QWidget, VerticalScroll], tuple[QWidget, VerticalScroll]]:
        """(pane, its scroll area when side by side) of the wide pane, then of the other."""
        both = ((self._first, self._first_scroll), (self._second, self._second_scroll))
        return both[self._wide], both[1 - self._wide]

    def _wide_width(self) -> int:
        """The width the wide pane needs; with ``keep_widest``, the most it has needed since the width or the
        contents last changed (start_afresh): seen in testing, the profile form moved under the pointer, stacked
        while the profile was valid (a week table to show) and side by side at the keystroke that made it invalid."""
        (pane, scroll), _ = self._panes()
        needed = max(self._needs(), pane.minimumSizeHint().width(), pane.minimumWidth())
        self._needed = max(self._needed, needed) if self._keep_widest else needed
        return self._needed + scroll._room()

    def _keep_share(self, *_: object) -> None:
        """The share the clinician dragged the handle to, kept through later changes of width and refits (they
        gave the panes back their first share)."""
        self._wide_share = self.side.sizes()[self._wide] / max(sum(self.side.sizes()), 1)

    def _give_wide_its_width(self) -> None:
        """The wide pane's share of ``sizes``, or the width it needs if more (a splitter shares by proportion
        alone: grown from a narrow window, the table's side kept the share it was given there)."""
        if self.stacked:
            return
        total = sum(self.side.sizes())
        wide = max(self._wide_width(), round(total * self._wide_share))
        sizes = [max(total - wide, 0), wide]
        sizes = sizes if self._wide == 1 else sizes[::-1]
        if sizes != self.side.sizes():  # a refit on every keystroke's new plan mostly changes nothing
            self.side.setSizes(sizes)

    def side_by_side_width(self) -> int:
        _, (other, scroll) = self._panes()
        narrowest = max(other.minimumSizeHint().width(), other.minimumWidth()) + scroll._room()
        return narrowest + self.side.handleWidth() + self._wide_width()

    def _arrange(self, *, stacked: bool) -> None:
        if stacked == self.stacked:
            return
        focus = QApplication.focusWidget()
        # moving a pane takes the focus from a field for a moment: not the clinician leaving it (no "editing
        # finished", which would show a half-typed value's problem), nor the end of keyboard use (Qt then hid the
        # focus frame in the whole window until the next Tab)
        blocker = QSignalBlocker(focus) if focus is not None else None
        keyboard = self.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        selected = (focus.selectionStart(), len(focus.selectedText())) if isinstance(focus, QLineEdit) else None
        if stacked:
            for scroll, row in zip((self._first_scroll, self._second_scroll), self._rows):
                row.insertWidget(0, scroll.takeWidget())
        else:  # a widget given to a scroll area leaves its row
            self._first_scroll.setWidget(self._first)
            self._second_scroll.setWidget(self._second)
        for pane in (self._first, self._second):
            pane.show()
        self.setCurrentWidget(self.column if stacked else self.side)
        self.updateGeometry()
        if focus is not None and (self._first.isAncestorOf(focus) or self._second.isAncestorOf(focus)):
            focus.setFocus()
            if selected is not None and selected[1]:  # a problem's text selected to retype stays selected
                focus.setSelection(*selected)
            self.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, keyboard)
            focus.update()
            # once the new arrangement is laid out
            QTimer.singleShot(0, self, lambda: show_widget(focus, SHOWN_MARGIN, tall_from_top=True))
        if blocker is not None:
            blocker.unblock()
        self.arranged.emit(stacked)


class TurningSplitter(QSplitter):
    """Two panes that scroll themselves (a table, a text pane) side by side where the ``first`` shows at the width
    it ``needs()`` beside the second at ``narrowest``, the second under the first where it does not: on a 1366x768
    screen at 125-150 % the study table scrolled sideways beside the study's details. Each turn gives the panes
    ``sizes`` (side by side, then one under the other) in proportion; side by side the first never gets less than
    it needs while the window has the room."""

    def __init__(self, first: QWidget, second: QWidget, *, needs: Callable[[], int], narrowest: int,
                 sizes: tuple[tuple[int, int], tuple[int, int]]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self._needs, self._narrowest, self._sizes = needs, narrowest, sizes
        for index, pane in enumerate((first, second)):
            self.addWidget(pane)
            self.setCollapsible(index, False)
        self.setSizes(list(sizes[0]))

    @property
    def stacked(self) -> bool:
        return self.orientation() == Qt.Orientation.Vertical

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        """Turned for the width it has and the first pane's width now: called on every resize and when the
        table is given new contents."""
        needs = self._needs()
        stacked = self.width() < needs + self.handleWidth() + self._narrowest
        if stacked != self.stacked:
            self.setOrientation(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)
            self.setSizes(list(self._sizes[stacked]))
        if not stacked and self.sizes()[0] < needs:  # a splitter shares out a change of width by proportion alone
            self.setSizes([needs, sum(self.sizes()) - needs])


def all_columns_width(table: QTableView, *, stretched: tuple[int, int] | None = None) -> int:
    """The width that shows every column of ``table`` (a column stretched to fill the rest at its least width:
    ``stretched`` = (column, width), else a stretched last column at the header's default width), with its frame
    and room for a vertical scroll bar. The same whatever width the table has now and whether it scrolls itself
    (stacked) or not (side by side): were it to differ between the arrangements, each could call for the other."""
    header = table.horizontalHeader()
    last = header.count() - 1
    if stretched is None and header.stretchLastSection():
        stretched = (last, header.defaultSectionSize())
    column_widths = [stretched[1] if stretched and column == stretched[0] else header.sectionSize(column)
                     for column in range(last + 1)]
    return sum(column_widths) + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()


def grow_to_rows(table: QTableView, grow: bool) -> None:
    """``grow``: every row at full height, the view around it scrolling (a table scrolling inside a scrolling
    view takes the mouse wheel from it); else the table fills the height it is given and scrolls itself."""
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents if grow
                              else QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if grow
                                     else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed if grow
                        else QSizePolicy.Policy.Expanding)


def screen_room(parent: QWidget | None) -> QSize:
    """The room a dialog of ``parent`` has: the available area of the parent's screen (else the primary one), for a
    dialog never larger than the screen."""
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1280, 800)


def table_chrome(table: QTableView) -> int:
    """The height of ``table`` beside its rows: its headings, its frame as the focus draws it whether it has the focus
    or not, and a horizontal scroll bar where its range is (which comes before the bar is shown)."""
    bar = table.horizontalScrollBar()
    return (table.horizontalHeader().height() + 2 * max(table.frameWidth(), FOCUS_FRAME)
            + (bar.sizeHint().height() if bar.maximum() > bar.minimum() else 0))


def rows_that_fit(table: QTableView, last: QWidget, most: int) -> int:
    """How many of ``table``'s rows (1 to ``most``) fit under its headings with all below it down to ``last``'s bottom
    in the view of the area holding them (the session log at 1366x768: two walks at 150 %, three at 125 %)."""
    area = holding_area(last)
    if area is None or not area.widget().isAncestorOf(table):
        return most
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # measured as laid out now, not as before
    content = area.widget()
    below = last.mapTo(content, QPoint(0, last.height())).y() + 2 - table.mapTo(content, QPoint(0, table.height())).y()
    room = area.viewport().height() - below - table_chrome(table)
    return max(1, min(most, room // max(table.verticalHeader().defaultSectionSize(), 1)))


def room_for_rows_above(widget: QWidget, table: QTableView, rows: int) -> int:
    """A margin to scroll ``widget`` into view with: room above it for ``table``'s last ``rows`` rows where the two
    scroll as one, less where ``widget`` would then end out of sight (seen at 150 %: the session form's Add button
    below the view's edge)."""
    area = holding_area(widget)
    if area is None or not area.widget().isAncestorOf(table):  # side by side: nothing to keep above
        return 8
    count = table.model().rowCount()
    if count > rows and table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:  # every row laid out
        top = table.visualRect(table.model().index(count - rows, 0)).top()
        above = table.viewport().mapTo(area.widget(), QPoint(0, top)).y()
    else:  # the whole table, its column headings too (seen at 125 %: three walks in sight, their headings out of it)
        above = table.mapTo(area.widget(), QPoint(0, 0)).y()
    wanted = widget.mapTo(area.widget(), QPoint(0, 0)).y() - above + 2  # the row's top line with it
    return max(min(wanted, area.viewport().height() - widget.height() - 2), 8)


def bring_into_view(owner: QObject, *widgets: QWidget, margin: int | Callable[[], int] = 8,
                    above: QWidget | None = None) -> None:
    """Once ``widgets``' new text is laid out, scroll whichever area holds each into view (the last one wins), with
    ``margin`` (or what it gives once they are laid out) above, then back up toward ``above``'s top as far as the last
    one's first lines stay in view; dropped if ``owner`` is gone by then."""
    def scroll() -> None:
        # the new text's height, laid out: a wrapped label's new height grows the scroll area's content, whose layout
        # then asks again (laid out once, the advice at 150 % was scrolled to where it had been)
        before = None
        for _ in range(5):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            now = [widget.geometry() for widget in widgets]
            if now == before:
                break
            before = now
        for widget in widgets:
            if widget.isVisible() and widget.height():
                show_widget(widget, margin() if callable(margin) else margin, tall_from_top=True)
        if above is not None:
            _up_toward(above, widgets[-1])
    QTimer.singleShot(0, owner, scroll)


def _up_toward(above: QWidget, kept: QWidget, lines: int = 40) -> None:
    """The area holding both scrolled up toward ``above``'s top as far as ``kept``'s first ``lines`` pixels stay in
    view (the session log's headings over the walk just added, where the advice under the form leaves room)."""
    area = holding_area(kept)
    if area is None or not area.widget().isAncestorOf(above) or not kept.isVisible():
        return
    content, bar = area.widget(), area.verticalScrollBar()
    kept_end = kept.mapTo(content, QPoint(0, 0)).y() + min(kept.height(), lines)
    wanted = max(above.mapTo(content, QPoint(0, 0)).y(), kept_end - area.viewport().height())
    if wanted < bar.value():
        bar.setValue(wanted)
