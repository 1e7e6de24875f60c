"""Step 7: the real handout PDF, previewed in the window, exported to a file or printed."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal, Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from core.handout.export import save_handout
from core.handout.language import offered_label
from core.languages import languages
from core.settings import Settings
from core.workspace.draft import HandoutRequest
from core.workspace.handouts import handout_language, handout_pdf, notes_for_clinician
from ui.background import run_in_background
from ui.enter_key import KeyPress
from ui.file_dialogs import save_file
from ui.focus_frame import framed_on_focus
from ui.printing import PrintRequest
from ui.views.eliding_combo import ElidingComboBox
from ui.views.handout_printing import HandoutPrinting, PrintProgress
from ui.views.older_handout import OlderVersionAsked


ZOOMS = (("Page width", QPdfView.ZoomMode.FitToWidth, None), ("Whole page", QPdfView.ZoomMode.FitInView, None),
         ("100 %", QPdfView.ZoomMode.Custom, 1.0), ("150 %", QPdfView.ZoomMode.Custom, 1.5),
         ("200 %", QPdfView.ZoomMode.Custom, 2.0))


class HandoutView(HandoutPrinting, OlderVersionAsked, QWidget):
    rendered = Signal(int)  # pages
    exported = Signal(str)
    printed = Signal(int)
    failed = Signal(str)

    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_folder = data_folder  # a handout is never saved in it (core.atomic.write_output)
        self._inputs: HandoutRequest | None = None
        self._pdf: bytes | None = None
        self._dated = dt.date.today()  # the day the handout shown is dated (rendered), for its file's name
        self._generation = 0
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.units = QComboBox()
        self.units.addItem("Metric (km/h)", "metric")
        self.units.addItem("Imperial (mph)", "imperial")
        self.print_size = QComboBox()
        self.print_size.addItem("Large (16 pt)", "large")
        self.print_size.addItem("Standard (14 pt)", "standard")
        self.print_size.setToolTip("Large print: patient text at 16 pt or more. Standard print: 14 pt, fewer pages.")
        self._print_default = "large"  # Settings' (apply_settings)
        # a copy in another language (a carer's) without a new plan version: seen in testing, only the profile's
        # language could be printed, and changing it there marked the plan unsaved; cut with "…" and whole in its
        # tooltip (seen in review: "As in the profile (else the clinic's de", cut mid-word at every scaling)
        self.language = ElidingComboBox()
        self.language.addItem("As in the profile (else the clinic's default)", "")
        for known in languages():
            self.language.addItem(offered_label(known.tag), known.tag)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.language.setMinimumContentsLength(24)  # the row fits 1366 x 768 at 150 %; the list shows names whole
        self.summary = QCheckBox("Clinician summary pages")
        self.export_button = QPushButton("&Export PDF…")
        self.print_button = QPushButton("&Print…")
        self.cancel_print_button = QPushButton("&Cancel printing")
        self.cancel_print_button.setVisible(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it shows file paths the clinician typed
        self.status.setWordWrap(True)
        self.record_note = QLabel()  # when this is not the plan on record, or not the version in force
        self.record_note.setTextFormat(Qt.TextFormat.PlainText)
        self.record_note.setWordWrap(True)
        self.record_note.setStyleSheet("QLabel { background: #FFF4D6; color: #4A3500; padding: 6px; }")
        self.record_note.setAccessibleName("Which plan this handout gives")
        self.record_note.setVisible(False)
        self.document = QPdfDocument(self)
        self.view = framed_on_focus(QPdfView())
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        pages = self.view.verticalScrollBar()  # Home and End: the first and last page (seen by a keyboard-only tester)
        KeyPress(self.view, lambda: pages.setValue(pages.minimum()), keys=(Qt.Key.Key_Home,))
        KeyPress(self.view, lambda: pages.setValue(pages.maximum()), keys=(Qt.Key.Key_End,))
        # Page width first: a whole page fitted to the view printed its body text about 8 pixels high at 150 %.
        self.zoom = QComboBox()
        for label, mode, factor in ZOOMS:
            self.zoom.addItem(label, (mode, factor))
        self.zoom.currentIndexChanged.connect(self._on_zoom_changed)
        self._on_zoom_changed()
        for widget, name in ((self.paper, "Paper size"), (self.units, "Speed units"), (self.print_size, "Print size"),
                             (self.language, "Handout language, for this handout only"),
                             (self.summary, "Include the clinician summary"), (self.export_button, "Export the PDF"),
                             (self.print_button, "Print the handout"),
                             (self.cancel_print_button, "Cancel printing"), (self.view, "Handout preview"),
                             (self.zoom, "Preview zoom")):
            widget.setAccessibleName(name)
        bar = QHBoxLayout()  # the options, then the actions on a row of their own: the tab fits a small screen
        for widget in (QLabel("Paper:"), self.paper, QLabel("Units:"), self.units, QLabel("Print:"), self.print_size,
                       self.summary):
            bar.addWidget(widget)
        bar.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.export_button, self.print_button, self.cancel_print_button, self.busy):
            actions.addWidget(widget)
        actions.addStretch(0)  # what the language box leaves
        language_label = QLabel("&Language:")
        language_label.setBuddy(self.language)
        actions.addWidget(language_label)
        actions.addWidget(self.language, 1)  # the row's room, up to its text whole (seen by a tester at 150 %: "As in
        self.language.setMaximumWidth(self.language.whole_width())  # the profile (else the clinic's …" beside room)
        zoom_label = QLabel("&Zoom:")
        zoom_label.setBuddy(self.zoom)
        actions.addWidget(zoom_label)
        actions.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>7. Patient handout</h3>"))
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.record_note)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._buffer: QBuffer | None = None
        self._pending = None  # "export" or "print", asked for before the PDF was ready
        self._note: str | None = None  # what the preview said of the handout shown, for the clinician
        self._printing: PrintRequest | None = None
        self._exporting = False  # an exported handout being written
        self._print_progress = PrintProgress(self)
        self._print_progress.said.connect(self.status.setText)
        for combo in (self.paper, self.units, self.print_size, self.language):
            combo.currentIndexChanged.connect(self._on_option_changed)
        self.summary.toggled.connect(self._on_option_changed)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.cancel_print_button.clicked.connect(self.cancel_print)
        self.set_inputs(None)

    @Slot()
    def _on_zoom_changed(self, *_: object) -> None:
        mode, factor = self.zoom.currentData()
        self.view.setZoomMode(mode)
        if factor:
            self.view.setZoomFactor(factor)

    def apply_settings(self, settings: Settings) -> None:
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper_size)))
        self.units.setCurrentIndex(max(0, self.units.findData(settings.units)))
        self._print_default = settings.handout_print
        self.print_size.setCurrentIndex(max(0, self.print_size.findData(settings.handout_print)))

    @property
    def handing_out(self) -> bool:
        """A print or an export under way, or one waiting for the handout being made."""
        return self._printing is not None or self._exporting or self._pending is not None

    def for_another_patient(self) -> None:
        """Another patient: a language or print size chosen for one patient's copy is not the next one's (seen by a
        tester: standard print chosen for one patient, the next patient's handout came out at 14 pt, Settings saying
        large). The handout is remade for the new patient's inputs, which follow."""
        for combo, index in ((self.language, 0), (self.print_size, self.print_size.findData(self._print_default))):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def set_inputs(self, inputs: HandoutRequest | None) -> None:
        """New plan: the PDF is remade when this view is on screen (not on every keystroke elsewhere)."""
        self._inputs = inputs
        self._pdf = None
        self._generation += 1  # a render still running is of the request before
        self.export_button.setEnabled(False)
        self.print_button.setEnabled(False)
        if not self._ready_to_render():
            self._pending = None
            self.document.close()
            self.status.setText("A handout appears here once the profile is complete and the plan is not blocked.")
            return
        if self.isVisible():
            self.render()
        else:
            self.status.setText("The handout will be made when this tab is opened.")

    def set_course(self, history: tuple, sessions: tuple) -> None:
        """The patient's versions and walks as read again (a walk logged, corrected or deleted, a version saved): the
        handout is remade when they change, as where it starts the patient may have (HandoutRequest.start_week)."""
        if self._inputs is not None and (self._inputs.history, self._inputs.sessions) != (history, sessions):
            from dataclasses import replace  # not at import: the window's first frame does without it

            self.set_inputs(replace(self._inputs, history=history, sessions=sessions))

    def new_day(self) -> None:
        """Past midnight: the handout is made again, dated today, and where the patient starts worked out again (seen
        in review: printed from the preview the next morning, it carried the day before's date)."""
        if self._inputs is not None:
            from dataclasses import replace

            self.set_inputs(replace(self._inputs))  # a new request: its start week (carry_on) is not the day before's

    def _rendering(self) -> bool:
        return self._ready_to_render() and self._pdf is None

    def _ready_to_render(self) -> bool:
        return self._inputs is not None and not self._inputs.plan.blocked

    def not_ready_because(self) -> str:
        """Why there is no handout to export or print ("" when there is one, or one is being made)."""
        if self._inputs is None:
            return "the patient's profile is not complete yet (step 4 shows what is missing)."
        if self._inputs.plan.blocked:
            return "the plan is blocked by screening, and a blocked plan has no handout (step 4 says why)."
        return ""

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._pdf is None and self._ready_to_render():
            self.render()

    @Slot()
    def _on_option_changed(self, *_: object) -> None:
        if self._inputs is not None:
            self.set_inputs(self._inputs)

    def render(self) -> None:
        """Render off the GUI thread; a newer request wins over an older one still running."""
        request = self._inputs
        self._generation += 1
        generation = self._generation
        paper, units, summary = self.paper.currentData(), self.units.currentData(), self.summary.isChecked()
        print_size, chosen = self.print_size.currentData(), self.language.currentData() or None
        self.busy.setVisible(True)
        self.status.setText("Making the handout…")
        dated = dt.date.today()

        def work() -> tuple[int, bytes, str | None, dt.date, str]:
            pdf = handout_pdf(request, date=dated, paper=paper, units=units, clinician_summary=summary,
                              print_size=print_size, language=chosen)
            language = handout_language(request.profile.language, request.settings, chosen)
            notes = notes_for_clinician(request.settings, language)
            if request.start_week:
                notes.append(f"It tells the patient to start at week {request.start_week}, where their course carries "
                             "on (step 6 shows why).")
            if said := request.carry_on.note(units or request.settings.units):  # the speeds in the handout's units
                notes.append(said)
            return generation, pdf, " ".join(notes) or None, dated, said

        run_in_background(work, self._on_rendered, partial(self._on_render_failed, generation))

    @Slot(object)
    def _on_rendered(self, result: tuple[int, bytes, str | None, dt.date, str]) -> None:
        generation, pdf, note, dated, caution = result
        if generation != self._generation:
            return
        self.start_caution = caution  # asked before the handout is given (older_handout.py)
        self.busy.setVisible(self._printing is not None)
        self._pdf, self._dated = pdf, dated
        shown, self._buffer = self._buffer, QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if shown is not None:  # seen in review: every render's buffer kept as the view's child for the session
            shown.deleteLater()
        pages = self.document.pageCount()
        self._note = note  # the clinician is told here, never on the patient's pages
        self._say(f"Preview of the handout: {pages} pages.")
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(self._printing is None)
        self.rendered.emit(pages)
        pending, self._pending = self._pending, None
        if pending == "export":
            self.export_pdf()
        elif pending == "print":
            self.print_pdf()

    def _on_render_failed(self, generation: int, error: Exception) -> None:
        """A render that failed (a logo gone, a language not translated): an export or print asked for while it ran
        is not done by the next render that succeeds (seen in review: the Save dialog opened unasked); an older
        render's failure says nothing over a newer one's."""
        if generation != self._generation:
            return
        self._pending = None
        self._on_failed(error)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._exporting = False
        self.busy.setVisible(self._printing is not None)
        self.status.setText(str(error))
        self.failed.emit(str(error))

    def suggested_file_name(self) -> str:
        """The patient's name and the day the handout is dated, as the progress report's (seen in review: one name for
        every version, so this week's handout replaced last month's without a word about which it was)."""
        name = self._inputs.profile.name if self._inputs else "patient"
        return f"Treadwell plan {name} {self._dated.isoformat()}.pdf".replace("/", "-")

    @Slot()
    def export_pdf(self, path: str | None = None) -> None:
        if self._pdf is None:
            self._pending = "export" if self._ready_to_render() else None
            return
        pdf, folder = self._pdf, self._data_folder  # the handout asked about, if made again while a question waits
        if not self.giving_ok("Export", pdf, self.start_caution):
            return
        if not path:
            path = save_file(self, "Export handout", self.suggested_file_name(), "PDF (*.pdf)")
        if not path:
            return
        self.busy.setVisible(True)
        self._exporting = True
        run_in_background(lambda: (save_handout(pdf, Path(path), data_folder=folder), path)[1], self._on_exported,
                          self._on_failed)

    @Slot(object)
    def _on_exported(self, path: str) -> None:
        self._exporting = False
        self.busy.setVisible(self._printing is not None)
        self._say(f"Saved {path}.")
        self.exported.emit(path)

    def _say(self, text: str) -> None:
        """``text``, then what the preview said of the handout (seen by a tester: "has not been reviewed by a
        qualified medical translator" gone once the Arabic copy was printed, the language still chosen)."""
        self.status.setText(text + (f" {self._note}" if self._note else ""))
