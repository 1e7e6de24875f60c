"""How a logged session reads in the window: its columns, "not recorded" for what the patient did not
report, and problems named by the form's labels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTableView

from core.plan.session_log import recorded
from core.plan.walking import form_speed
from core.records.authors import logged_by_words
from core.records.models import SessionRecord
from ui.models.table_model import Column
from ui.scrolling import all_columns_width

FIELD_LABELS = {"date": "Date", "week": "Plan week", "minutes": "Minutes walked", "speed_kmh": "Belt speed (km/h)",
                "rpe": "Effort (RPE)", "heart_rate": "Heart rate", "pain_during": "Pain during",
                "pain_next_morning": "Pain next morning", "stiffer_next_morning": "Stiffer next morning",
                "note": "Note"}


def in_clinic_words(problem: str) -> str:
    """'pain_during: ...' as 'Pain during: ...' (a problem line from core names the field by its code)."""
    problem = problem.replace("or null (", "or left empty (")  # the form's word for a value not given
    field, _, rest = problem.partition(": ")
    label = FIELD_LABELS.get(field.split(".")[0])
    return f"{label}: {rest}" if label and rest else problem


def _mph(kmh: float | None) -> float | None:
    return None if kmh is None else form_speed(kmh, "imperial")  # as the form shows it


def _sort(value: float | int | None) -> float:
    return -1.0 if value is None else float(value)


def log_columns(units: str = "metric") -> list[Column[SessionRecord]]:
    """The session log's columns, the speed in the clinic's ``units`` (Settings), as the form takes it (seen in review:
    "Speed (km/h) 3.54" over a form asking for mph)."""
    if units != "imperial":
        return LOG_COLUMNS
    speed = Column("Speed\n(mph)", lambda r: recorded(_mph(r.speed_kmh)), lambda r: _sort(r.speed_kmh))
    return [speed if column.header == SPEED_KMH else column for column in LOG_COLUMNS]


SPEED_KMH = "Speed\n(km/h)"
LOG_COLUMNS: list[Column[SessionRecord]] = [
    # the session's id where a walk note names it ("... is logged (session 3)"), as the command line does
    Column("Date", lambda r: r.date.isoformat(), tooltip=lambda r: f"Session {r.id} (sessions edit {r.id} corrects "
                                                                   "it on the command line)"),
    Column("Week", lambda r: str(r.week), lambda r: r.week),
    Column("Plan\nversion", lambda r: str(r.plan_version), lambda r: r.plan_version),
    Column("Minutes", lambda r: f"{r.minutes:g}", lambda r: r.minutes),
    Column(SPEED_KMH, lambda r: recorded(r.speed_kmh), lambda r: _sort(r.speed_kmh)),
    Column("Effort\n(RPE)", lambda r: str(r.rpe), lambda r: r.rpe),
    Column("Heart\nrate", lambda r: recorded(r.heart_rate), lambda r: _sort(r.heart_rate)),
    Column("Pain\nduring", lambda r: recorded(r.pain_during), lambda r: _sort(r.pain_during)),
    Column("Pain next\nmorning", lambda r: recorded(r.pain_next_morning), lambda r: _sort(r.pain_next_morning)),
    Column("Stiffer next\nmorning", lambda r: recorded(r.stiffer_next_morning),
           lambda r: _sort(r.stiffer_next_morning)),
    Column("Logged by", logged_by_words, tooltip=logged_by_words),  # whole, where the column is narrow
    Column("Note", lambda r: r.note, tooltip=lambda r: r.note),
]


# The widest a walk's cells usually are: "not recorded" is wider than most columns' headings.
TYPICAL_WALK = SessionRecord(id=0, uid="", patient_id=0, plan_id=0, plan_version=10, created_at="", updated_at="",
                             date=dt.date(2026, 12, 31), week=26, minutes=300, rpe=20, logged_by="Dr Grace Okafor")


def width_with_a_walk(table: QTableView) -> int:
    """The width that shows every column (all_columns_width) with each at least as wide as a walk's cell, so the
    panes are arranged for a log with walks from the start (seen in review at 125 %: the form beside the empty table
    moved under it as the first walk was logged)."""
    from PySide6.QtWidgets import QStyle  # not before the first frame: PySide6 makes its enumerations on first use

    header, metrics = table.horizontalHeader(), table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    return all_columns_width(table) + sum(
        max(0, metrics.horizontalAdvance(column.display(TYPICAL_WALK)) + margin - header.sectionSize(index))
        for index, column in enumerate(table.model().columns[:-1]))  # the note stretches: at its heading's width
