"""The keyboard focus kept in view. Qt scrolls a scroll area to the widget that gets the focus only when Tab
moves it between two widgets inside that area: a keyboard user tabbing in from the step tabs typed into
"Patient name" 443 px above what they saw, and a table grown to its full height in a scrolling view (the plan's
weeks) took its current row off screen with the arrow keys, the view still showing weeks 1-3 at week 12."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPoint, QRect, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QTableView, QWidget

MARGIN = 24  # pixels shown above and below what has the focus


class FocusInView(QObject):
    """One per application (``install``): on every change of focus, the scroll area holding the newly focused
    widget shows it; in an item view, its current cell, then each cell the arrow keys move to."""

    @classmethod
    def install(cls) -> None:
        app = QApplication.instance()
        if app is not None and app.findChild(cls) is None:
            cls(app)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Only a move of the focus within one window, with no mouse button down: a click on a half-shown box
        scrolled it between press and release and the click was lost, and coming back to the window (or from a
        dialog) jumped the view back to the field, away from where the wheel had scrolled it."""
        if new is None or old is None or old.window() is not new.window() or QApplication.mouseButtons() \
                != Qt.MouseButton.NoButton:
            return
        if isinstance(new, QAbstractItemView):
            if new.selectionModel() is None or new.model() is None:
                return
            if new.property("selectOnFocus") and not new.selectionModel().hasSelection() and new.model().rowCount():
                new.selectRow(max(new.currentIndex().row(), 0))
            if not new.property("focusInViewFollowed"):
                new.setProperty("focusInViewFollowed", True)
                new.selectionModel().currentChanged.connect(
                    lambda current, _previous, view=new: view.hasFocus() and show_cell(view, current))
            show_cell(view=new, index=new.currentIndex())
        else:
            show_widget(new)
            if _last_in_its_area(new):
                show_to_the_end(new)


def select_on_focus(view: QAbstractItemView) -> None:
    """A table whose buttons act on its selected row selects its current row when it gets the focus: tabbed into,
    its only row was current but not selected, so Enter, Delete and the arrow keys did nothing and its buttons
    stayed greyed out (only Space, which nothing says, selected it)."""
    view.setProperty("selectOnFocus", True)
    FocusInView.install()


def holding_area(widget: QWidget) -> QScrollArea | None:
    """The scroll area (a form's, a pane's) that holds ``widget``."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return area


def show_widget(widget: QWidget, margin: int = MARGIN, *, tall_from_top: bool = False) -> None:
    """``widget`` scrolled into view, ``margin`` pixels above and below it. One taller than the view shows from its
    top (Qt would centre it, its title out of view): always with ``tall_from_top`` (new text, read from its start),
    else only when none of it is in view (the focus moving within a tall box keeps where the wheel left it)."""
    if (area := holding_area(widget)) is None or not area.widget().isAncestorOf(widget):
        return
    top = widget.mapTo(area.widget(), QPoint(0, 0)).y()
    if widget.height() + 2 * margin <= area.viewport().height():
        area.ensureWidgetVisible(widget, 0, margin)
        bar = area.verticalScrollBar()
        if 0 < bar.value() <= 2 * margin and top + widget.height() + margin <= area.viewport().height():
            bar.setValue(0)  # not a sliver of the top hidden (seen in review at 150 %: the "Patient" box's title)
        return
    shown = area.verticalScrollBar().value()
    if tall_from_top or top + widget.height() < shown or top > shown + area.viewport().height():
        area.verticalScrollBar().setValue(top - margin)


def in_view(widget: QWidget) -> bool:
    """Whether the top of ``widget`` (its first 40 pixels: the headline of a text taller than the view) is in the
    visible part of the scroll area holding it (True outside one)."""
    if (area := holding_area(widget)) is None or not area.widget().isAncestorOf(widget):
        return True
    top = widget.mapTo(area.widget(), QPoint(0, 0)).y() - area.verticalScrollBar().value()
    return 0 <= top and top + min(widget.height(), 40) <= area.viewport().height()


def _last_in_its_area(widget: QWidget) -> bool:
    """Whether Tab goes from ``widget`` out of the scroll area holding it (to a dialog's buttons, say)."""
    if (area := holding_area(widget)) is None or not area.widget().isAncestorOf(widget):
        return False
    after = widget.nextInFocusChain()
    while after is not widget and not (after.isVisible() and after.isEnabled()
                                       and after.focusPolicy() & Qt.FocusPolicy.TabFocus):
        after = after.nextInFocusChain()
    return after is not widget and not area.widget().isAncestorOf(after)


def show_to_the_end(widget: QWidget) -> None:
    """The rest of ``widget``'s scroll area below it, where both fit: what follows the last control is read by no
    later one (seen in review at 150 %: the help under Settings' Test connection cut off mid-sentence)."""
    area = holding_area(widget)
    top = widget.mapTo(area.widget(), QPoint(0, 0)).y()
    if area.widget().height() - top + MARGIN <= area.viewport().height():
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())


def show_cell(view: QAbstractItemView, index: QModelIndex) -> None:
    """The view's cell at ``index`` (or, with none, the view) scrolled into view in the area around the view, with a
    table's column headings where both fit."""
    if not index.isValid():
        show_widget(view)
        return
    if (area := holding_area(view)) is None or not area.widget().isAncestorOf(view):
        return
    cell: QRect = view.visualRect(index)
    top = view.viewport().mapTo(area.widget(), cell.topLeft())
    area.ensureVisible(top.x(), top.y() + cell.height() // 2, 0, cell.height() // 2 + MARGIN)
    # its column headings too where the view has room for them and the cell (seen in review at 150 %: tabbed into
    # the session log, its first row showed with 24 pixels above it, the two-line headings cut off)
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if header is None or not header.isVisible() or not area.widget().isAncestorOf(header):
        return
    heading = header.mapTo(area.widget(), QPoint(0, 0)).y()
    bottom, room, shown = top.y() + cell.height(), area.viewport().height(), area.verticalScrollBar()
    if heading < shown.value() and bottom - heading <= room:
        shown.setValue(min(heading, max(heading - MARGIN, bottom + MARGIN - room)))  # margins where they fit


def tab_chain(*widgets: QWidget) -> None:
    """Tab goes from each of ``widgets`` to the next (again after they move between panes: a widget moved to another
    parent goes to the end of the window's tab order)."""
    for before, after in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(before, after)
