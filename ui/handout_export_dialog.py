"""File > Export handout from a profile file: choose a patient profile and where to save the handout's PDF (large or
standard print)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from core.atomic import WriteError
from core.data_dir import DataDir
from core.handout.export import HandoutError
from core.handout.language import offered_label
from core.languages import SOURCE_LANGUAGE, languages
from core.workspace.handouts import ExportedHandout, export_handout_file, notes_for_clinician
from core.plan.profile import ProfileError
from core.settings import Settings
from ui.background import run_in_background
from ui.field_problems import show_problem
from ui.file_dialogs import open_file, save_file
from ui.window_keys import WheelToPage

if TYPE_CHECKING:
    from core.workspace.startup import EvidenceOverview


class HandoutExportDialog(QDialog):
    handout_saved = Signal(str, int, str)  # path, pages, a note for the clinician ("" when none)

    def __init__(self, data_dir: DataDir, settings: Settings, parent: QWidget | None = None, *,
                 evidence: EvidenceOverview | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export patient handout")
        self._data_dir, self._evidence = data_dir, evidence  # the window's evidence: the clinic's studies too
        self._settings = settings
        self.profile_edit = QLineEdit()
        self.profile_edit.setAccessibleName("Patient profile file")
        self.output_edit = QLineEdit()
        self.output_edit.setAccessibleName("Handout PDF file")
        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem("US Letter", "letter")
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(settings.paper_size))
        self.paper_combo.setAccessibleName("Paper size")
        self.units_combo = QComboBox()
        self.units_combo.addItem("Metric (km/h)", "metric")
        self.units_combo.addItem("Imperial (mph)", "imperial")
        self.units_combo.setCurrentIndex(self.units_combo.findData(settings.units))
        self.units_combo.setAccessibleName("Speed units")
        self.language_combo = QComboBox()
        self.language_combo.addItem("As in the profile (else the clinic's default)", "")
        for known in languages():
            self.language_combo.addItem(offered_label(known.tag), known.tag)
        self.language_combo.setAccessibleName("Handout language")
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.setAccessibleName("About the handout language")
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)
        self.print_combo = QComboBox()
        self.print_combo.addItem("Large print (16 pt)", "large")
        self.print_combo.addItem("Standard print (14 pt, fewer pages)", "standard")
        self.print_combo.setCurrentIndex(max(0, self.print_combo.findData(settings.handout_print)))
        self.print_combo.setAccessibleName("Print size")
        self.summary_check = QCheckBox("Add the clinician summary pages")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Export messages")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        form = QFormLayout()
        form.addRow("Patient profile (JSON):", self._with_browse(self.profile_edit, self._on_profile_browse_clicked))
        form.addRow("Save handout as:", self._with_browse(self.output_edit, self._on_output_browse_clicked))
        form.addRow("Paper:", self.paper_combo)
        form.addRow("Units:", self.units_combo)
        form.addRow("Print:", self.print_combo)
        form.addRow("Language:", self.language_combo)
        form.addRow("", self.language_note)
        form.addRow("", self.summary_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(640, 300)
        self._on_language_combo_changed()
        self.wheel_to_page = WheelToPage(self)  # a passing wheel never changes the paper, units, language or print
        # a problem said of the profile or the file goes once either changes (seen in testing: "The profile cannot be
        self.profile_edit.textChanged.connect(self._on_file_changed)  # used: age ..." stayed beside a good one)
        self.output_edit.textChanged.connect(self._on_file_changed)

    def _with_browse(self, edit: QLineEdit, handler) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        button = QPushButton("Browse…")
        button.setAccessibleName(f"Browse for {edit.accessibleName().lower()}")
        button.clicked.connect(handler)
        box.addWidget(edit)
        box.addWidget(button)
        return row

    @Slot()
    def _on_profile_browse_clicked(self) -> None:
        path = open_file(self, "Patient profile", "Profile (*.json)")
        if path:
            self.profile_edit.setText(path)
            if not self.output_edit.text():
                self.output_edit.setText(str(Path(path).with_suffix(".pdf")))

    @Slot()
    def _on_output_browse_clicked(self) -> None:
        path = save_file(self, "Save handout as", self.output_edit.text() or "handout.pdf", "PDF (*.pdf)")
        if path:
            self.output_edit.setText(path)

    @Slot(int)
    def _on_language_combo_changed(self, _index: int = 0) -> None:
        """What the clinician should know (an unreviewed translation, no clinic phone) is said here; the
        patient's pages never say it."""
        tag = self.language_combo.currentData() or SOURCE_LANGUAGE  # the profile's is known once it is read
        self.language_note.setText(" ".join(notes_for_clinician(self._settings, tag)))
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every line of the notes at the dialog's width (seen in testing: an unreviewed translation's
        warning was cut off between Language and the checkbox, as the dialog kept the height it opened with)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    @Slot()
    def _on_export_button_clicked(self) -> None:
        profile, output = self.profile_edit.text().strip(), self.output_edit.text().strip()
        if not profile or not output:
            self._show_problem("Choose a patient profile file and where to save the handout.",
                               "profile" if not profile else "output")
            return
        if not Path(output).suffix:  # as the save dialog does (seen in review: a typed "maria" saved without it)
            output += ".pdf"
            self.output_edit.setText(output)
        self._set_busy(True)
        arguments = dict(
            profile_path=Path(profile), out_path=Path(output), database_path=self._data_dir.database_path,
            settings=self._settings, date=dt.date.today(), paper=self.paper_combo.currentData(),
            units=self.units_combo.currentData(), clinician_summary=self.summary_check.isChecked(),
            language=self.language_combo.currentData() or None, print_size=self.print_combo.currentData(),
            evidence=self._evidence,
        )
        run_in_background(lambda: (output, export_handout_file(**arguments)), self._on_export_done, self._on_export_failed)

    @Slot(object)
    def _on_export_done(self, result: tuple[str, ExportedHandout]) -> None:
        self._set_busy(False)
        path, exported = result
        self.handout_saved.emit(path, exported.pages, " ".join(notes_for_clinician(self._settings, exported.language)))
        self.accept()

    @Slot(object)
    def _on_export_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ProfileError):
            self._show_problem("The profile cannot be used:\n" + "\n".join(error.problems), "profile")
        elif isinstance(error, (HandoutError, WriteError)):
            self._show_problem(str(error), "output" if isinstance(error, WriteError) else "")
        else:
            self._show_problem(f"The handout was not made: {error}")

    @Slot()
    def _on_file_changed(self, *_: object) -> None:
        if not self.busy.isVisible():  # "Making the handout…" stays while it is made
            self._show_problem("")  # the fields' descriptions too, which a screen reader reads out with them

    def _show_problem(self, text: str, field: str = "") -> None:
        show_problem(self.message_label, text, {"profile": self.profile_edit, "output": self.output_edit}, field)
        self._fit_height()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.export_button.setEnabled(not busy)
        if busy:
            self.message_label.setText("Making the handout…")
