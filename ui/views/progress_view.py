"""Step 6: the open patient's progress at a glance. Planned against walked minutes week by week, adherence
(overall and per week), effort and pain per session against the patient's usual pain, what changed
between plan versions, the suggestion for the coming week, and the progress report as a PDF.

Every figure comes from core.plan.progress (through core.workspace.course); this view only shows it."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QPlainTextEdit,
    QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from core.plan.adherence import STOPPED_BECAUSE, adherence_figures_and_notes
from core.plan.progress import Progress, WeekProgress
from core.records.authors import author
from core.settings import Settings
from core.words import counted
from ui.focus_frame import framed_on_focus
from ui.focus_in_view import tab_chain
from ui.scrolling import SideBySideOrStacked, all_columns_width, grow_to_rows
from ui.models.course import CourseOfCare
from ui.models.table_model import Column, ObjectTableModel
from ui.views.charts import WeeklyMinutesChart
from ui.views.session_charts import EffortChart, PainChart
from ui.views.suggestion import suggestion_html
from ui.file_dialogs import save_file


def _maybe(value: float | int | None, suffix: str = "") -> str:
    return "" if value is None else f"{value:g}{suffix}"


def _planned_tip(w: WeekProgress) -> str:
    if w.stopped_of:
        return (f"{w.stopped_of} days planned; the week was stopped after {w.planned_sessions} of them, "
                f"{STOPPED_BECAUSE[w.stopped_by]}, so "
                f"{w.planned_minutes:g} walking minutes count")
    return f"{w.planned_sessions} days planned, {w.planned_minutes:g} walking minutes in all"


def _walked_tip(w: WeekProgress) -> str:
    tip = (f"{w.walked_sessions} walks logged, {w.sessions_done} of them the full planned minutes; "
           f"{w.walked_minutes:g} walking minutes in all")
    return f"{tip}. Beyond the plan: {w.beyond_plan.in_words()}" if w.beyond_plan else tip


WEEK_COLUMNS: list[Column[WeekProgress]] = [
    Column("Week", lambda w: w.label, lambda w: w.week, tooltip=lambda w: "" if w.walked_from is None else
           f"Walked from {w.walked_from.isoformat()} to {w.walked_to.isoformat()}"),
    Column("Plan\nversion", lambda w: str(w.plan_version), lambda w: w.plan_version),
    Column("Planned\nmin (days)", lambda w: f"{w.planned_minutes:g} ({w.planned_walks})", lambda w: w.planned_minutes,
           tooltip=lambda w: _planned_tip(w)),
    # a week not reached yet is "still ahead", as the report says (seen in review: "0 (0)" read as a week missed)
    Column("Walked\nmin (walks)", lambda w: "still ahead" if w.status == "ahead" else
           f"{w.walked_minutes:g} ({w.walked_sessions})", lambda w: w.walked_minutes, tooltip=lambda w: _walked_tip(w)),
    Column("Adherence", lambda w: _maybe(w.adherence_pct, "%") + (" so far" if w.status == "in progress" else ""),
           lambda w: w.adherence_pct),
    # the week's highest heart rate in this cell, where one is logged: a column more does not fit beside the charts
    # at 1366 px (seen in review: in the tooltip alone, out of a keyboard's or a screen reader's reach)
    Column("Mean RPE\n(top HR)", lambda w: _maybe(w.mean_rpe) + (f"; HR {w.heart_rate_shown}" if w.heart_rate_shown
                                                                 else ""), lambda w: w.mean_rpe,
           tooltip=lambda w: f"Highest heart rate logged: {w.heart_rate_shown} bpm"
           + (" (the week's target in brackets)" if w.target_hr else "") if w.heart_rate_shown else ""),
    Column("Top pain\nduring", lambda w: w.pain_during_shown or "", lambda w: w.highest_pain_during),
    # the pain rules step back after a stiffer morning too: the command line and the report said how many, the
    # window not (seen in review); said in this cell, as a column more does not fit beside the charts at 1366 px
    Column("Top pain\nnext morning", lambda w: (w.pain_next_morning_shown or "") + (
        f" ({w.stiffer_mornings} stiffer)" if w.stiffer_mornings else ""), lambda w: w.highest_pain_next_morning,
           tooltip=lambda w: "" if not w.stiffer_mornings else
           f"{w.stiffer_mornings} of the week's {w.walked_sessions} walks were followed by a stiffer morning than "
           "usual"),
]


class ProgressView(QWidget):
    report_saved = Signal(str, int)  # the report's path, and the patient it is of (as it was asked for)
    report_failed = Signal(str)  # why, in plain words

    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_folder = data_folder  # a report is never saved in it (core.atomic.write_output)
        self._settings = Settings()
        self._course: CourseOfCare | None = None
        self._notes: dict[int | None, str] = {}  # each patient's note for the report, typed and not yet let go
        self._note_of: int | None = None  # the patient whose note the box holds
        self._making = False  # a report being made (one at a time)
        self._etiology_names: dict[str, str] = {}
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Whose progress")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Adherence overall")
        # what the weeks walked call for, one item each, under the weeks (seen in a try at 150 %: twelve bold lines
        # above the scrolling panes left room for three rows of the table, none at a laptop's 680 pixels)
        self.week_notes = QLabel()
        self.week_notes.setWordWrap(True)
        self.week_notes.setTextFormat(Qt.TextFormat.RichText)
        self.week_notes.setAccessibleName("Notes on the weeks walked")
        self.minutes_chart = WeeklyMinutesChart()
        self.effort_chart = EffortChart()
        self.pain_chart = PainChart()
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setAccessibleName("Suggestion for next week")
        self.weeks_model = ObjectTableModel(WEEK_COLUMNS, self)
        self.weeks_table = framed_on_focus(QTableView())
        self.weeks_table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.weeks_table.setModel(self.weeks_model)
        self.weeks_table.setAccessibleName("Planned and walked, week by week")
        self.weeks_table.verticalHeader().setVisible(False)
        self.weeks_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.versions = framed_on_focus(QListWidget())
        self.versions.setWordWrap(True)
        self.versions.setSpacing(4)
        self.versions.setAlternatingRowColors(True)
        self.versions.setAccessibleName("What changed between plan versions")
        self.details = QTabWidget()
        self.details.addTab(self.weeks_table, "Week by week")
        self.details.addTab(self.versions, "Plan versions")
        self.note = framed_on_focus(QPlainTextEdit())
        self.note.setPlaceholderText("Optional note for the report (to the referring physician, say)")
        self.note.setAccessibleName("Note for the progress report")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.report_button = QPushButton("Progress report &PDF…")
        self.report_button.setAccessibleName("Save the progress report as a PDF")
        self.report_status = QLabel()
        self.report_status.setWordWrap(True)
        self.report_status.setTextFormat(Qt.TextFormat.PlainText)  # it shows file paths the clinician typed
        self.report_status.setAccessibleName("What became of the progress report")
        self._layout()
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.set_course(None)

    def _layout(self) -> None:
        charts_panel = QWidget()
        charts = QVBoxLayout(charts_panel)
        charts.setContentsMargins(0, 0, 0, 0)
        for chart in (self.minutes_chart, self.effort_chart, self.pain_chart):
            charts.addWidget(chart, 1)
        report = QGroupBox("Progress report")
        report_box = QVBoxLayout(report)
        report_box.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addStretch(1)
        report_box.addLayout(row)
        report_box.addWidget(self.report_status)
        side_panel = QWidget()
        side = QVBoxLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.suggestion)
        side.addWidget(self.details, 1)
        side.addWidget(self.week_notes)
        side.addWidget(report)
        self.details.setMinimumHeight(160)  # a few weeks' rows, even when the side panel has to scroll
        # the charts beside the weeks where every column of the weeks fits; where not (125-150 %), the suggestion
        # for next week and the weeks first, then the charts
        self.panes = SideBySideOrStacked(charts_panel, side_panel, wide=1, needs=self._weeks_width, sizes=(500, 400),
                                         second_on_top=True)
        self.panes.arranged.connect(lambda stacked: grow_to_rows(self.weeks_table, stacked))
        # the charts after the report, as each arrangement moves them (a widget moved goes to the end of the Tab order)
        self.panes.arranged.connect(lambda _stacked: tab_chain(self.report_button, self.minutes_chart,
                                                               self.effort_chart, self.pain_chart))
        self.weeks_table.horizontalHeader().sectionResized.connect(lambda *_: self.panes.refit_soon())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.panes, 1)

    def _weeks_width(self) -> int:
        """Every column of the week-by-week table, inside its tab: Qt's styles inset a tab's page 2 pixels on each
        side (SE_TabWidgetTabContents). Not measured from the widths the tabs have now: a hidden view's are not
        laid out yet, and a tab widget's size hint follows its widest page."""
        return all_columns_width(self.weeks_table) + 2 * 2

    def apply_settings(self, settings: Settings) -> None:
        self._settings = settings

    def set_etiology_names(self, names: dict[str, str]) -> None:
        self._etiology_names = dict(names)
        if self._course is not None:
            self.set_course(self._course)

    def set_course(self, course: CourseOfCare | None, *, why_not: str = "") -> None:
        patient = course.patient_id if course is not None else None
        if patient != self._note_of:  # seen by a clinician's tester: one patient's note went into the next patient's
            if self._note_of is not None:  # report, under the first one's "saved" line
                self._notes[self._note_of] = self.note.toPlainText()
            self.note.setPlainText(self._notes.pop(patient, ""))
            self._note_of = patient
            self.report_status.clear()
        self._course = course
        progress = course.progress if course else None
        self.report_button.setEnabled(course is not None and not self._making)  # one report at a time
        if course is None or progress is None:
            self.title.setText("<h3>6. Progress</h3><p>" + escape(
                why_not or "Save the plan first: progress is shown for a saved patient.") + "</p>")
            self.summary.setText("")
            self.week_notes.setText("")
            self.week_notes.hide()
            self.suggestion.setText("")
            self.weeks_model.set_rows([])
            self.versions.clear()
            self.minutes_chart.set_weeks([])
            self.effort_chart.set_sessions([])
            self.pain_chart.set_sessions([])
            return
        etiology = self._etiology_names.get(progress.etiology, progress.etiology)
        version = course.in_force
        self.title.setText(f"<h3>6. Progress of {escape(progress.patient_name)} (patient {course.patient_id})</h3>"
                           f"<p>{escape(etiology)}; plan version {version.version} in force. Planned figures are the "
                           "plan as the patient has it, the clinician's changes included.</p>")
        self._show_adherence(progress)
        self.suggestion.setText("<br>".join(part for part in suggestion_html(progress) if part))
        self.weeks_model.set_rows(progress.weeks)
        self.versions.clear()
        if progress.in_force:  # seen in review: the report and the command said it, the window not (here, as a line
            self.versions.addItem(f"In force, version {version.version}: {progress.in_force}")  # more above the
        for change in reversed(progress.versions):  # charts left the report's note out of reach at 150 %
            self.versions.addItem(f"Version {change.version}, {change.saved_on.isoformat()}, "
                                  f"by {author(change.saved_by)}:\n"
                                  + (f"Reason: {change.reason}\n" if change.reason else "")
                                  + "\n".join(f"• {line}" for line in change.changes))
        self.minutes_chart.set_weeks(progress.weeks)
        self.effort_chart.set_sessions(progress.sessions)
        self.pain_chart.set_sessions(progress.sessions)

    def _show_adherence(self, progress: Progress) -> None:
        """The overall figure above the panes; what the weeks call for (breaks, step backs not taken, weeks stopped)
        as a list under the week table, counted in the line above."""
        headline, notes = adherence_figures_and_notes(progress)
        if notes:
            headline += f" {counted(len(notes), 'note')} on the weeks, under the week table."
        self.summary.setText(f"<b>{escape(headline)}</b>")
        self.week_notes.setText("<b>Notes on the weeks walked</b><ul>" + "".join(
            f"<li>{escape(note)}.</li>" for note in notes) + "</ul>" if notes else "")
        self.week_notes.setVisible(bool(notes))

    # -- the progress report -------------------------------------------------------------------------

    def suggested_file_name(self) -> str:
        name = self._course.patient_name if self._course else "patient"
        return f"Treadwell progress {name} {dt.date.today().isoformat()}.pdf".replace("/", "-")

    @Slot()
    def _on_report_button_clicked(self) -> None:
        if self._course is None:
            return
        from core.workspace.course import report_note_problem

        if problem := report_note_problem(self.note.toPlainText()):  # before the file is chosen (seen in review)
            self._failed(problem)
            self.note.setFocus()
            return
        path = save_file(self, "Save the progress report", self.suggested_file_name(), "PDF (*.pdf)")
        if path:  # the dialog adds ".pdf" to a name typed without it
            self.export_report(path)

    def export_report(self, path: str | Path, note: str | None = None) -> bool:
        """Make the report of the progress on screen and save it at ``path`` (the note typed here unless ``note`` is
        given), off the GUI thread (seen in review: up to a second with the window frozen); report_saved, or a
        problem under the button, says when it is done. False, said at once, where it cannot be made there."""
        from core.atomic import WriteError, refuse_protected_output
        from core.handout.export import REPORT_PDF, save_handout
        from core.workspace.course import report_note_problem
        from ui.background import run_in_background

        if self._course is None:
            return self._failed("No progress report: open or save a patient first.")
        note = (self.note.toPlainText() if note is None else note).strip()
        if problem := report_note_problem(note):
            return self._failed(problem)
        try:  # before any work, as the handout's export does
            refuse_protected_output(Path(path), kind=REPORT_PDF, data_folder=self._data_folder)
        except WriteError as error:
            return self._failed(f"The progress report was not saved: {error}")
        progress, settings, folder = self._course.progress, self._settings, self._data_folder
        patient = self._course.patient_id  # as asked: another may be opened while it is made (seen in review)

        def work() -> tuple[str, int]:
            from core.workspace.course import progress_report_pdf

            pdf = progress_report_pdf(progress, settings, note=note, date=dt.date.today())
            save_handout(pdf, Path(path), data_folder=folder, kind=REPORT_PDF)
            return str(path), patient

        self._making = True
        self.report_button.setEnabled(False)
        self.report_status.setStyleSheet("")
        self.report_status.setText("Making the progress report…")
        run_in_background(work, self._on_report_written, self._on_report_not_written)
        return True

    def finish_report(self) -> None:
        """A report being made is finished and said before the window closes (seen in review: the file was written,
        and its export never reached the audit trail)."""
        from PySide6.QtCore import QCoreApplication, QThreadPool

        while self._making:
            QThreadPool.globalInstance().waitForDone(100)
            QCoreApplication.processEvents()

    def _report_done(self) -> None:
        self._making = False
        self.report_button.setEnabled(self._course is not None)

    @Slot(object)
    def _on_report_written(self, result: tuple[str, int]) -> None:
        path, patient = result
        self._report_done()
        self.report_status.setStyleSheet("")
        self.report_status.setText(f"Progress report saved: {path}")
        self.report_saved.emit(path, patient)

    @Slot(object)
    def _on_report_not_written(self, error: Exception) -> None:
        """HandoutError, WriteError: plain sentences; anything else, its message."""
        self._report_done()
        said = str(error)  # a HandoutError says itself "The progress report was not made: ..." (seen: said twice)
        self._failed(said if said.startswith("The progress report was not") else
                     f"The progress report was not saved: {said}")

    def _failed(self, message: str) -> bool:
        self.report_status.setStyleSheet("color: #B3261E;")
        self.report_status.setText(message)
        self.report_failed.emit(message)
        return False
