"""Step 7's printing: the handout's PDF itself sent to the chosen printer or file, off the GUI thread, with progress
and a Cancel button (ui/printing.py sends it). Mixed into HandoutView, whose PDF, status line, buttons and data folder
it uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from core.atomic import WriteError, refuse_protected_output
from core.handout.export import HANDOUT_PDF
from ui.background import run_in_background
from ui.printing import request_from_printer, send


class PrintProgress(QObject):
    """Made on the GUI thread: the print worker's words arrive here, queued."""

    said = Signal(str)


class HandoutPrinting:
    @Slot()
    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self._pdf is None:
            self._pending = "print" if self._ready_to_render() else None
            return
        made = self._pdf, self.document.pageCount()  # the handout asked about (see export_pdf)
        if not self.giving_ok("Print", made[0], self.start_caution):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer, made)

    def print_to(self, printer, made: tuple[bytes, int] | None = None) -> None:
        """Send the PDF itself (``made``: the PDF and its pages, else the one shown) to the chosen printer (or file),
        off the GUI thread; ``printed`` or ``failed`` says how it went. The window answers throughout, and the job can
        be cancelled."""
        if self._printing is not None:
            self.status.setText("A print is already being sent; wait for it or cancel it.")
            return
        request = request_from_printer(printer, *(made or (self._pdf, self.document.pageCount())))
        if request.output_file:  # as Export does: never into the data folder, never over a file not a PDF (seen in
            try:                 # review: "Print to File" onto the records' database replaced it with the handout)
                refuse_protected_output(Path(request.output_file), kind=HANDOUT_PDF, data_folder=self._data_folder)
            except WriteError as error:
                self._on_failed(error)
                return
        self._printing = request
        self.print_button.setEnabled(False)
        self.cancel_print_button.setVisible(True)
        self.busy.setVisible(True)
        said = self._print_progress.said
        run_in_background(lambda: send(request, said.emit), self._on_printed, self._on_print_failed)

    @Slot()
    def cancel_print(self) -> None:
        if self._printing is not None:
            self._printing.cancel.set()
            self.status.setText("Cancelling the print…")

    def _print_done(self) -> None:
        self._printing = None
        self.busy.setVisible(self._rendering())  # a new preview may still be on its way
        self.cancel_print_button.setVisible(False)
        self.print_button.setEnabled(self._pdf is not None)

    @Slot(object)
    def _on_printed(self, result) -> None:
        self._print_done()
        if result.cancelled:
            self._say("Printing was cancelled.")
            return
        job = f" (print job {result.job_id})" if result.job_id else ""
        pages = f"{result.pages} page" + ("" if result.pages == 1 else "s")
        self._say(f"Sent {pages} to {result.destination}{job}.{result.note}")
        self.printed.emit(result.pages)

    @Slot(object)
    def _on_print_failed(self, error: Exception) -> None:
        self._print_done()
        self._on_failed(error)
