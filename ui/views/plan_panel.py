"""The computed plan: the banner, the warnings by severity, intensity, the week table (editable overrides) and a
chart of weekly minutes and intensity."""

from __future__ import annotations

import math

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLabel, QMessageBox, QSizePolicy,
    QTableView, QVBoxLayout, QWidget,
)

from core.plan.engine import Plan, Week
from core.plan.guidelines import RPE_SCALE
from core.plan.overrides import WeekOverride
from core.plan.walking import energy_cost_in_words, speed_in_units
from ui.current_cell_frame import CurrentCellFrame
from ui.focus_frame import framed_on_focus
from ui.focus_in_view import show_cell
from ui.models.table_model import RowsTableModel
from ui.scrolling import all_columns_width, grow_to_rows
from ui.why_link import reason_label, show_reason

# Marks every shipped font has (an emoji such as U+26D4 is an empty box where no emoji font is installed).
SEVERITY_MARK = {"stop": "⊘", "caution": "⚠", "info": "ℹ"}
# two-word headers on two lines, as in the session log: the week table fits beside the form at 1366 px and 100 %
HEADERS = ["Week", "Days", "Warm-up", "Walk\n(min)", "Cool-down", "Effort", "Heart\nrate", "RPE", "Speed", "Min/week",
           "Change", "Note"]
EDITABLE = {1: "sessions", 3: "main_min"}
NOTE = HEADERS.index("Note")
EDIT_HINT = "Click or press F2 to change. A change that breaks a rule is shown as a warning."
COMPUTED_HINT = "Computed from the profile and the evidence: change the profile to change it."
CHANGED_FILL, CHANGED_COMPUTED_FILL, CHANGED_TEXT = QColor("#FFF1C9"), QColor("#EEDCA6"), QColor("#1F1A00")
ANSWERED = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))


def computed_fill(palette: QPalette) -> QColor:
    """The shade of a computed cell: the palette's input background a tenth of the way to its text colour, so
    it stands apart from an editable cell (the input background itself) in a light and a dark palette alike."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return QColor.fromRgbF(*(b + (t - b) * 0.1 for b, t in zip(base.getRgbF()[:3], text.getRgbF()[:3])))


def week_cells(week: Week, units: str = "metric", *, editing: bool = False) -> list:
    """A week's cells as the table shows them (``editing``: the walk minutes without their bouts), the speed in the
    clinic's ``units`` (seen in review: "3.5 km/h" here beside "2.2 mph" in the session form and on the handout)."""
    bouts = f" ({week.bouts} bouts)" if week.bouts > 1 and not editing else ""
    return [week.week, week.sessions, f"{week.warmup_min:g}", f"{week.main_min:g}{bouts}", f"{week.cooldown_min:g}",
            week.band, "" if week.target_hr is None else f"{week.target_hr[0]}-{week.target_hr[1]}",
            f"{week.rpe[0]}-{week.rpe[1]}",
            "by feel" if week.speed_kmh is None else f"{speed_in_units(week.speed_kmh, units)}, {week.grade_pct}%",
            f"{week.weekly_main_min:g}", "" if week.increase_pct is None else f"{week.increase_pct:+g}%", week.note]


class WeekTableModel(RowsTableModel):
    """Rows are weeks. Days and walk minutes can be edited; an edit becomes a WeekOverride."""

    override_requested = Signal(object)  # WeekOverride
    override_refused = Signal(str)  # why a typed value cannot be a week's days or minutes

    def __init__(self, parent=None) -> None:
        super().__init__(HEADERS, parent)
        self._overridden: set[int] = set()
        self._shown: list[list] = []  # each week's cells as shown, worked out once per plan
        self._palette_key: int | None = None
        self._fills: tuple[QColor, QColor] = (QColor(), QColor())  # editable, computed
        self.units = "metric"  # the clinic's (Settings), the speed's

    def set_weeks(self, weeks: list[Week], overridden: set[int]) -> None:
        """Told on every keystroke in the profile form: cells that did not change are not announced (Qt's
        fitting of the columns to their contents asked every cell eight questions on every keystroke)."""
        shown = [week_cells(week, self.units) for week in weeks]
        overridden = set(overridden)
        if weeks and len(weeks) == self.rowCount():
            # the same weeks with new figures: changed in place, so a week just edited keeps the focus and its
            # cell (a reset destroyed the open editor: the focus left the table for the step tabs, and the next
            # arrow key changed the step)
            changed = [(row, column) for row, (before, after) in enumerate(zip(self._shown, shown))
                       for column in range(len(after))
                       if before[column] != after[column]
                       or (weeks[row].week in self._overridden) != (weeks[row].week in overridden)]
            self._rows, self._shown, self._overridden = list(weeks), shown, overridden
            for column in sorted({column for _, column in changed}):  # column by column: each is fitted alone
                rows = [row for row, changed_column in changed if changed_column == column]
                self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column))
        else:  # all of it within the reset: asked between, the old rows and the new cells would not match
            self.beginResetModel()
            self._rows, self._shown, self._overridden = list(weeks), shown, overridden
            self.endResetModel()

    def _fill(self, editable: bool) -> QColor:
        palette = QGuiApplication.palette()
        if palette.cacheKey() != self._palette_key:  # a light or dark theme chosen while the window is open
            self._palette_key = palette.cacheKey()
            self._fills = (palette.color(QPalette.ColorRole.Base), computed_fill(palette))
        return self._fills[0 if editable else 1]

    def flags(self, index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() in EDITABLE else base

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None  # the roles not answered first: Qt asks about each cell's font, alignment, icon and more
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[index.row()][index.column()]
        week = self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            return week.main_min if index.column() == 3 else week_cells(week, self.units, editing=True)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if week.week in self._overridden:  # a week the clinician changed: pale yellow, computed cells darker
                return CHANGED_FILL if index.column() in EDITABLE else CHANGED_COMPUTED_FILL
            return self._fill(index.column() in EDITABLE)
        if role == Qt.ItemDataRole.ForegroundRole and week.week in self._overridden:
            return CHANGED_TEXT  # dark text on the pale fill, in light and dark themes alike
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == NOTE and week.note:  # the whole note, cut short in its column
                return f"{week.note}\n\n{COMPUTED_HINT}"
            return EDIT_HINT if index.column() in EDITABLE else COMPUTED_HINT
        if role == Qt.ItemDataRole.UserRole:
            return week
        return None

    def setData(self, index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        week = self._rows[index.row()]
        field = EDITABLE[index.column()]
        allowed = ("days: a whole number from 1 to 7" if field == "sessions"
                   else "walk minutes: a number above 0 and up to 120")
        try:
            number = float(str(value).strip().replace(",", "."))
            if not math.isfinite(number) or (field == "sessions" and not number.is_integer()):
                raise ValueError(value)
            change = WeekOverride(week=week.week, **{field: int(number) if field == "sessions" else number})
        except ValueError:  # pydantic's ValidationError is a ValueError too
            self.override_refused.emit(f"Week {week.week} was not changed; allowed for {allowed}.")
            return False
        if number == getattr(week, field):  # an edit left as it was is not the clinician's change to the week
            return False
        self.override_requested.emit(change)
        return True


class MinutesChart(QWidget):
    """Weekly walking minutes; light weeks pale, moderate weeks strong, overridden weeks outlined."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Week] = []
        self._overridden: set[int] = set()
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Chart of weekly walking minutes and intensity")

    def set_weeks(self, weeks: list[Week], overridden: set[int]) -> None:
        self._rows, self._overridden = weeks, overridden
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        if not self._rows:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No plan to chart.")
            return
        top = max(w.weekly_main_min for w in self._rows) or 1
        caption = f"Walking minutes per week (max {top:g}); pale = light, dark = moderate"
        wrapped = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap  # on one line it was cut off at 150 %
        caption_height = painter.boundingRect(QRectF(0, 0, self.width(), self.height()), wrapped, caption).height()
        painter.drawText(QRectF(0, 0, self.width(), caption_height), wrapped, caption)
        left, bottom, height = 36, self.height() - 20, self.height() - 24 - caption_height
        slot = (self.width() - left - 8) / len(self._rows)
        for i, week in enumerate(self._rows):
            bar = height * week.weekly_main_min / top
            rect = QRectF(left + i * slot + slot * 0.15, bottom - bar, slot * 0.7, bar)
            painter.fillRect(rect, QColor("#9CC3E0") if week.band == "light" else QColor("#2E6F9E"))
            if week.week in self._overridden:
                painter.setPen(QColor("#C77700"))
                painter.drawRect(rect)
                painter.setPen(text)
            painter.drawText(QRectF(left + i * slot, bottom + 2, slot, 16), Qt.AlignmentFlag.AlignCenter, str(week.week))


class PlanPanel(QWidget):
    override_requested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Plan status")
        self.intensity = QLabel()
        self.intensity.setWordWrap(True)
        self.intensity.setTextFormat(Qt.TextFormat.RichText)  # escaped text: with no tag, "&#x27;" would show as typed
        self.intensity.setAccessibleName("Intensity method")
        self.pain = reason_label(title="Pain rules: caveat and sources", icon=QMessageBox.Icon.Information,
                                 name="pain-sources")
        self.pain.setWordWrap(True)
        self.pain.setAccessibleName("Pain rules for this patient")
        self.cell_problem = QLabel()
        self.cell_problem.setWordWrap(True)  # unwrapped, a refusal widened the window past a 150 % screen
        self.cell_problem.setStyleSheet("color: #B3261E;")
        self.cell_problem.setAccessibleName("Problem with the value typed in the week table")
        self.weeks = WeekTableModel(self)
        self.table = framed_on_focus(QTableView())
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.table.setModel(self.weeks)
        self.table.setItemDelegate(CurrentCellFrame(self.table))  # which cell F2 edits, inside the selected week
        self.table.setAccessibleName("Week-by-week plan (days and walk minutes can be changed)")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Fitted to their contents by the panel, a column only when its cells change: Qt's ResizeToContents fitted
        # every column again on every keystroke in the profile form, half the keystroke's time (docs/performance.md)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.weeks.modelReset.connect(self.table.resizeColumnsToContents)
        self.weeks.dataChanged.connect(self._fit_columns)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.clicked.connect(lambda index: index.column() in EDITABLE and self.table.edit(index))
        # every week shown at full height: the panel scrolls, the table does not (a table scrolling inside the
        # scrolling panel showed three weeks at 150 % and took the mouse wheel from the panel)
        grow_to_rows(self.table, True)
        self.legend = QLabel()  # which cells can be changed, in words (the shading only repeats it)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Which cells of the week table can be changed")
        self._show_legend()
        self.chart = MinutesChart()
        # Under the banner, before the weeks, each at full length: at the foot of the plan, in a list that scrolled
        # inside the scrolling panel, a safety warning was read last, if at all (one and a half showed at 150 %).
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setAccessibleName("Warnings, most serious first")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.warnings)
        layout.addWidget(self.intensity)
        layout.addWidget(self.pain)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        layout.addWidget(self.cell_problem)  # under the weeks, where the value was typed
        layout.addWidget(self.chart)
        layout.addStretch(1)
        self.weeks.override_requested.connect(self.override_requested)
        self.weeks.override_refused.connect(self.cell_problem.setText)
        # read out with the table the focus returns to (seen by the keyboard tester: only the label said it)
        self.weeks.override_refused.connect(self.table.setAccessibleDescription)
        self.weeks.override_requested.connect(lambda _change: self.cell_problem.clear())
        self.weeks.override_requested.connect(lambda _change: self.table.setAccessibleDescription(""))

    def full_width(self) -> int:
        """The width that shows every column of the week table, and the panel's margins."""
        margins = self.layout().contentsMargins()
        return all_columns_width(self.table) + margins.left() + margins.right()

    def editing(self) -> bool:
        """Whether a week's cell is being typed in."""
        return self.table.state() == QAbstractItemView.State.EditingState

    def finish_editing(self) -> str:
        """A week's cell still being typed in is taken as if the clinician had left it: Ctrl+S with the cursor
        in the cell saved the plan without the value, which then showed (and printed) as an unsaved change.
        Returns why the value was refused, or "" (taken, or no cell open)."""
        if not self.editing():
            return ""
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is None:
            return ""
        refused: list[str] = []

        def heard(why: str) -> None:
            refused.append(why)

        self.weeks.override_refused.connect(heard)
        try:
            self.table.commitData(editor)
        finally:
            self.weeks.override_refused.disconnect(heard)
        self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return " ".join(refused)

    def _show_warnings(self, warnings: list) -> None:
        """Never cleared first: QLabel lays out the same text again for nothing only after a clear, which cost 2 ms
        of every keystroke in the form (it returns at once for the text it already shows)."""
        self.warnings.setText("<b>Warnings, most serious first</b>" + "".join(
            f"<p style='margin-top:4px'>{SEVERITY_MARK[w.severity]} {escape(w.headline)}<br>"
            f"<small>Source: {escape(w.source.cited())}</small></p>" for w in warnings) if warnings else "")
        self.warnings.setVisible(bool(warnings))

    def _show_legend(self) -> None:
        palette = QGuiApplication.palette()

        def swatch(text: str, fill: QColor, ink: QColor) -> str:
            return f"<span style='background-color:{fill.name()}; color:{ink.name()}'>&nbsp;{text}&nbsp;</span>"

        text = palette.color(QPalette.ColorRole.Text)
        names = " and ".join(HEADERS[column].replace("\n", " ") for column in EDITABLE)
        self.legend.setText(
            swatch(f"{escape(names)}: click or press F2 to change", palette.color(QPalette.ColorRole.Base), text) + " "
            + swatch("other columns: computed, read-only", computed_fill(palette), text) + " "
            + swatch("a week you changed", CHANGED_COMPUTED_FILL, CHANGED_TEXT))

    def _fit_columns(self, first: QModelIndex, last: QModelIndex, *_: object) -> None:
        """The note, the last column, stretches over what the others leave (seen in review: fitted to its longest
        note after a week was changed, it ran off the table behind a sideways scroll bar)."""
        for column in range(first.column(), min(last.column(), NOTE - 1) + 1):
            self.table.resizeColumnToContents(column)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._show_legend()  # a light or dark theme chosen while the window is open
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.table.resizeColumnsToContents()  # the same text, wider or narrower
        super().changeEvent(event)

    def show_plan(self, plan: Plan | None, overridden: set[int], *, problems: int = 0) -> None:
        self._show_warnings([] if plan is None else plan.warnings)
        if plan is None:
            self.banner.setText(  # a field says what it needs once the clinician leaves it, or on saving
                f"<b>Fill in the profile:</b> {problems} field{'s' if problems != 1 else ''} still to fill in or "
                "correct; each says what it needs once you leave it." if problems
                else "<b>Fill in the profile to see the plan.</b>")
            self.banner.setStyleSheet("")
            self.intensity.clear()
            show_reason(self.pain, "", "")  # no Tab stop left behind, empty
            self.weeks.set_weeks([], set())
            self.chart.set_weeks([], set())
            return
        if plan.blocked:
            self.banner.setText("<b>Blocked: the plan cannot start yet.</b><ul>" + "".join(
                f"<li>{escape(r.message)} <i>To unblock: {escape(r.unblock)}</i></li>" for r in plan.block_reasons) + "</ul>")
            self.banner.setStyleSheet("QLabel { background: #FBE3E1; color: #5C1010; padding: 6px; }")
        else:
            total = sum(w.sessions * w.main_min for w in plan.weeks)
            self.banner.setText(f"<b>Plan ready:</b> {len(plan.weeks)} weeks, {total:g} walking minutes in all. "
                                f"Screening: {escape(plan.screening.acsm_row)}. "
                                f"{escape(plan.screening.clearance_in_words)}")
            self.banner.setStyleSheet("QLabel { background: #E3F1E6; color: #123D1C; padding: 6px; }")
        intensity = escape(plan.intensity.method_reason)
        if any(w.message == plan.intensity.method_reason for w in plan.warnings):  # seen in testing: said twice
            rpe = plan.intensity.rpe
            intensity = (f"Intensity: RPE {rpe[0]}-{rpe[1]} ({RPE_SCALE}) and the talk test (the caution above says "
                         "why).")
        if plan.weeks:
            intensity += "<br>Treadmill: " + escape(energy_cost_in_words(plan.weeks, self.weeks.units))
        self.intensity.setText(intensity)
        self.weeks.set_weeks(plan.weeks, overridden)
        self.chart.set_weeks(plan.weeks, overridden)
        pain = plan.rules.pain
        sources = [source.cited() for source in pain.sources]
        show_reason(self.pain, f"<b>Pain rules:</b> {escape(pain.rule)}", "\n\n".join([pain.caveat, *sources]),
                    link="Caveat and sources", href="sources")
        # the text above may have grown (a changed week's warning): the cell just changed stays in view once the page
        # is laid out again (seen in review at 150 %: pushed to the view's foot, its figure cut off)
        QTimer.singleShot(0, self, self._current_cell_in_view)

    def _current_cell_in_view(self) -> None:
        if self.table.hasFocus():
            show_cell(self.table, self.table.currentIndex())
