"""Step 5's arrangement: the sessions with the form and the advice beside them where every column fits, under them
where not (125-150 %), the table then as many of the latest walks high as fit above the whole form, under their
headings. Mixed into SessionLogView."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.focus_in_view import tab_chain
from ui.models.session_columns import width_with_a_walk
from ui.scrolling import (
    QWIDGETSIZE_MAX, SideBySideOrStacked, bring_into_view, grow_to_rows, room_for_rows_above, rows_that_fit,
)

SIDE_WIDTH = 480  # the form and the advice beside the sessions
LATEST_WALKS = 3  # at most, the walks shown above the form, stacked (125-150 %), under their headings


class SessionLogLayout:
    def _layout(self) -> None:
        log_panel = QWidget()
        left = QVBoxLayout(log_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)  # the room beside the buttons (with a stretch it wrapped at its least width)
        row.addWidget(self.correct_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        side_panel = QWidget()
        side_panel.setMaximumWidth(SIDE_WIDTH)
        side = QVBoxLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.form_box)
        side.addWidget(self.suggestion)
        side.addStretch(1)
        # the form beside the sessions where every column fits beside it, under them where not (125-150 %)
        self.panes = SideBySideOrStacked(
            log_panel, side_panel, wide=0, sizes=(640, 320),
            needs=lambda: width_with_a_walk(self.table))
        self.panes.arranged.connect(lambda stacked: self._arranged(stacked, side_panel))
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.panes.refit_soon())
        self.panes.column.viewport().installEventFilter(self)
        self.form_box.installEventFilter(self)  # taller with a note in it, say
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.panes, 1)

    def _arranged(self, stacked: bool, side_panel: QWidget) -> None:
        """Under the sessions, the form spreads into two columns where it has the width; beside them, one."""
        grow_to_rows(self.table, stacked)
        QTimer.singleShot(0, self, self._fit_table)  # once laid out so (measured sooner, it moved the panes' widgets)
        side_panel.setMaximumWidth(QWIDGETSIZE_MAX if stacked else SIDE_WIDTH)
        self.form_box.may_spread(stacked)
        tab_chain(self.note, self.save_button, self.cancel_button, self.deleted_button)  # moved, as at the start

    def _fit_table(self) -> None:  # stacked: the latest walks that fit under their headings, the form whole below
        stacked = self.panes.stacked
        self.table.show_latest(rows_that_fit(self.table, self.save_button, LATEST_WALKS) if stacked else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:  # the stacked panes' view or the form, the fit measured again
            QTimer.singleShot(0, self, self._fit_table)  # once laid out at the new size
        return False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """A patient's log opens on the latest sessions and the form under them, when one is above the other."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_table)
        if self._form_to_show:
            self._form_to_show = False
            bring_into_view(self, self.form_box, margin=self._latest_rows, above=self.table)

    def _latest_rows(self) -> int:  # room for the last three walks (seen at 150 %: the table's bottom edge alone)
        return room_for_rows_above(self.form_box, self.table, LATEST_WALKS)
