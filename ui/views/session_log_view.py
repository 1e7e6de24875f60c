"""Step 5: record the sessions of a saved plan and see the engine's suggestion for next week."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSpinBox, QTableView, QVBoxLayout, QWidget,
)
from pydantic import ValidationError

from core.plan.adjustment import SessionLog, suggest_next_week
from core.plan.engine import Plan
from core.records.models import SessionLogRecord
from ui.models.table_model import Column, ObjectTableModel

LOG_COLUMNS: list[Column[SessionLogRecord]] = [
    Column("Date", lambda r: r.date.isoformat()),
    Column("Week", lambda r: str(r.week), lambda r: r.week),
    Column("Minutes", lambda r: f"{r.minutes:g}", lambda r: r.minutes),
    Column("Speed", lambda r: "" if r.speed_kmh is None else f"{r.speed_kmh:g}", lambda r: r.speed_kmh or -1.0),
    Column("Effort (RPE)", lambda r: str(r.rpe), lambda r: r.rpe),
    Column("Pain during", lambda r: str(r.pain_during), lambda r: r.pain_during),
    Column("Pain next morning", lambda r: "" if r.pain_next_morning is None else str(r.pain_next_morning),
           lambda r: -1 if r.pain_next_morning is None else r.pain_next_morning),
]


class SessionLogView(QWidget):
    log_requested = Signal(int, object)  # week, SessionLog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._baseline_pain = 0
        self._logs: list[SessionLogRecord] = []
        self.title = QLabel("<h3>5. Session log</h3>")
        self.model = ObjectTableModel(LOG_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Logged sessions")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setDisplayFormat("yyyy-MM-dd")  # as in the table
        self.date.setCalendarPopup(True)
        self.week = QSpinBox()
        self.week.setRange(1, 26)
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0, 300)
        self.minutes.setSingleStep(0.5)
        self.speed = QDoubleSpinBox()
        self.speed.setRange(0, 20)
        self.speed.setSingleStep(0.1)
        self.speed.setSpecialValueText("not recorded")
        self.rpe = QSpinBox()
        self.rpe.setRange(6, 20)
        self.rpe.setValue(12)
        self.pain_during = QSpinBox()
        self.pain_during.setRange(0, 10)
        self.pain_morning = QSpinBox()
        self.pain_morning.setRange(0, 10)
        self.morning_known = QCheckBox("Known")
        self.morning_known.setChecked(True)
        self.add_button = QPushButton("&Add session")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setAccessibleName("Suggestion for next week")
        for widget, name in ((self.date, "Session date"), (self.week, "Plan week"), (self.minutes, "Minutes walked"),
                             (self.speed, "Speed in km/h"), (self.rpe, "Effort, RPE 6-20"),
                             (self.pain_during, "Pain during, 0-10"), (self.pain_morning, "Pain next morning, 0-10"),
                             (self.morning_known, "Next-morning pain known"), (self.add_button, "Add session")):
            widget.setAccessibleName(name)
        form_box = QGroupBox("Add a session")
        form = QFormLayout(form_box)
        form.addRow("Date:", self.date)
        form.addRow("Plan week:", self.week)
        form.addRow("Minutes walked:", self.minutes)
        form.addRow("Speed (km/h):", self.speed)
        form.addRow("Effort (RPE 6-20):", self.rpe)
        form.addRow("Pain during (0-10):", self.pain_during)
        morning = QWidget()
        morning_row = QHBoxLayout(morning)
        morning_row.setContentsMargins(0, 0, 0, 0)
        morning_row.addWidget(self.pain_morning)
        morning_row.addWidget(self.morning_known)
        form.addRow("Pain next morning:", morning)
        form.addRow(self.add_button)
        form.addRow(self.message)
        side = QVBoxLayout()
        side.addWidget(form_box)
        side.addWidget(self.suggestion)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.morning_known.toggled.connect(self.pain_morning.setEnabled)
        self.week.valueChanged.connect(self._update_suggestion)
        self.set_plan(None, 0, [])

    def show_problem(self, text: str) -> None:
        """A session that could not be recorded, in one sentence under the form."""
        self.message.setText(text)

    def set_plan(self, plan: Plan | None, baseline_pain: int, logs: list[SessionLogRecord], *, saved: bool = False) -> None:
        self._plan, self._baseline_pain, self._logs = plan, baseline_pain, logs
        self.model.set_rows(logs)
        usable = bool(plan and saved and not plan.blocked and plan.weeks)
        self.add_button.setEnabled(usable)
        if plan and plan.weeks:
            self.week.setRange(1, len(plan.weeks))
        self.message.setText("" if usable else "Save the plan first: sessions are logged against a saved plan.")
        self._update_suggestion()

    @Slot()
    def _update_suggestion(self, *_: object) -> None:
        if not self._plan or not self._plan.weeks:
            self.suggestion.setText("")
            return
        week = self.week.value()
        self.minutes.setValue(self._plan.weeks[week - 1].main_min)  # the planned minutes, as a starting value
        this_week = [SessionLog(**log.model_dump(include=set(SessionLog.model_fields))) for log in self._logs
                     if log.week == week]
        result = suggest_next_week(self._plan, week, this_week, usual_pain=self._baseline_pain)
        action = {"progress": "Progress", "hold": "Hold", "step-back": "Step back"}[result.action]
        self.suggestion.setText(f"<b>Next week ({action}):</b> {escape(result.reason)}<br><small>{escape(result.caveat)}"
                                "</small>")

    @Slot()
    def _on_add_button_clicked(self) -> None:
        try:
            log = SessionLog(date=self.date.date().toPython(), minutes=self.minutes.value(),
                             speed_kmh=self.speed.value() or None, rpe=self.rpe.value(),
                             pain_during=self.pain_during.value(),
                             pain_next_morning=self.pain_morning.value() if self.morning_known.isChecked() else None)
        except ValidationError as error:
            self.message.setText("; ".join(e["msg"] for e in error.errors(include_url=False)))
            return
        self.message.clear()
        self.log_requested.emit(self.week.value(), log)
