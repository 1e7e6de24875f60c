"""Printing a handout: the PDF itself goes to the printer, never pictures of its pages.

Where the print goes, decided from the printer the clinician chose in the print dialog:
- a file ("Print to File (PDF)"): the handout's PDF is written there as it is;
- a printer on Linux or macOS: the PDF is handed to CUPS with ``lp``, which every CUPS printer accepts
  and turns into the printer's own language; copies, pages and two-sided printing are passed on;
- a printer on Windows: the PDF goes to the program Windows has for printing PDF files.

The job runs off the GUI thread and can be cancelled: before CUPS has the file, ``lp`` is stopped;
after, the job is withdrawn with ``cancel``. A print job's title never carries the patient's name,
because a printer's queue is visible to everyone who shares it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

JOB_TITLE = "Treadwell handout"
LP_TIMEOUT_S = 120


class PrintCancelled(Exception):
    """The clinician cancelled the print."""


class PrintFailed(Exception):
    """The print could not be sent; the message says why, in plain words."""


@dataclass(frozen=True)
class PrintRequest:
    """What the print dialog asked for, taken off the QPrinter on the GUI thread."""

    pdf: bytes
    pages: int
    printer_name: str = ""
    output_file: str = ""  # set when the dialog's "Print to File" was chosen
    copies: int = 1
    page_range: tuple[int, int] | None = None  # first and last page, 1-based
    two_sided: bool = False
    short_edge: bool = False  # two-sided, flipped on the short edge
    cancel: threading.Event = field(default_factory=threading.Event, compare=False)

    @property
    def pages_sent(self) -> int:
        if self.page_range is None:
            return self.pages
        return max(0, min(self.page_range[1], self.pages) - self.page_range[0] + 1)

    @property
    def destination(self) -> str:
        return self.output_file or self.printer_name or "the default printer"


@dataclass(frozen=True)
class PrintResult:
    destination: str
    pages: int
    job_id: str = ""
    cancelled: bool = False
    note: str = ""  # said after "Sent N pages to ...", with its leading space


def request_from_printer(printer, pdf: bytes, pages: int) -> PrintRequest:
    """Read the choices off a QPrinter (GUI thread) into a plain request a worker may use."""
    from PySide6.QtPrintSupport import QPrinter

    to_file = bool(printer.outputFileName())  # "Print to file", in Qt's dialog or the system's
    page_range = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        page_range = (printer.fromPage(), max(printer.fromPage(), printer.toPage()))
    return PrintRequest(
        pdf=pdf, pages=pages, printer_name="" if to_file else printer.printerName(),
        output_file=printer.outputFileName() if to_file else "", copies=max(1, printer.copyCount()),
        page_range=page_range, two_sided=printer.duplex() != QPrinter.DuplexMode.DuplexNone,
        short_edge=printer.duplex() == QPrinter.DuplexMode.DuplexShortSide,
    )


def send(request: PrintRequest, progress=lambda words: None) -> PrintResult:
    """Send the handout; runs on a worker thread. Raises PrintFailed with words for the clinician."""
    try:
        if request.cancel.is_set():
            raise PrintCancelled
        if request.pages_sent == 0:
            first, last = request.page_range
            raise PrintFailed(f"Pages {first} to {last} are past the end of the handout, which has {request.pages} "
                              "pages. Choose pages within it, or all pages.")
        if request.output_file:
            return _to_file(request, progress)
        if sys.platform == "win32":
            return _to_windows(request, progress)
        return _to_cups(request, progress)
    except PrintCancelled:
        return PrintResult(request.destination, 0, cancelled=True)


def _to_file(request: PrintRequest, progress) -> PrintResult:
    """As Export writes a handout (core.atomic): flushed to disk under a name of its own, then put in place in one
    rename. Seen in review: a writer of its own here, with no flush to disk, a fixed "name.pdf.part" that replaced
    and then removed any file of that name, and another message for a full disk."""
    from core.atomic import StagedFile, WriteError

    progress(f"Writing the handout to {request.output_file}…")
    if request.cancel.is_set():
        raise PrintCancelled
    try:
        StagedFile(Path(request.output_file), request.pdf).commit()
    except WriteError as error:
        raise PrintFailed(str(error)) from error
    # a file is always the whole handout, once (seen in review: pages 2-3 and 2 copies asked, dropped unsaid)
    ignored = request.page_range is not None or request.copies > 1
    return PrintResult(request.output_file, request.pages, note=" A file holds the whole handout once: the pages and "
                       "copies chosen are for a printer." if ignored else "")


def lp_command(request: PrintRequest) -> list[str]:
    """The ``lp`` command line for a request; the PDF goes on standard input, never to a file."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintFailed("This computer has no print system (CUPS's 'lp' program was not found). "
                          "Export the PDF and print it from another program.")
    command = [lp, "-t", JOB_TITLE, "-n", str(request.copies)]
    if request.printer_name:
        command += ["-d", request.printer_name]
    if request.page_range:
        command += ["-P", f"{request.page_range[0]}-{request.page_range[1]}"]
    if request.two_sided:
        command += ["-o", "sides=two-sided-short-edge" if request.short_edge else "sides=two-sided-long-edge"]
    command += ["-o", "document-format=application/pdf"]
    return command


def _to_cups(request: PrintRequest, progress) -> PrintResult:
    progress(f"Sending the handout to {request.destination}…")
    try:
        process = subprocess.Popen(lp_command(request), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
    except OSError as error:
        raise PrintFailed(f"The print system could not be started: {error.strerror or error}.") from error
    feeder = threading.Thread(target=_feed, args=(process, request.pdf), daemon=True)
    feeder.start()
    waited = 0.0
    while process.poll() is None:
        if request.cancel.wait(0.05):
            process.kill()
            process.wait()
            raise PrintCancelled
        waited += 0.05
        if waited > LP_TIMEOUT_S:
            process.kill()
            raise PrintFailed(f"The print system did not answer within {LP_TIMEOUT_S} s; nothing was printed.")
    feeder.join()
    out = process.stdout.read().decode(errors="replace")
    err = process.stderr.read().decode(errors="replace").strip()
    if process.returncode != 0:
        reason = re.sub(r"^lp:\s*", "", err).rstrip(".") if err else f"the print system stopped ({process.returncode})"
        raise PrintFailed(f"The printer refused the handout: {reason}.")
    found = re.search(r"request id is (\S+)", out)
    job = found.group(1) if found else ""
    progress(f"The print system has the handout (job {job or 'without a number'}).")
    if request.cancel.is_set() and job:  # cancelled while lp was finishing: withdraw the queued job
        _withdraw(job)
        raise PrintCancelled
    return PrintResult(request.destination, request.pages_sent, job)


def _feed(process: subprocess.Popen, pdf: bytes) -> None:
    try:
        process.stdin.write(pdf)
        process.stdin.close()
    except (BrokenPipeError, OSError):  # lp stopped (cancelled or refused): its exit status says why
        pass


def _withdraw(job: str) -> None:
    cancel = shutil.which("cancel")
    if cancel:
        subprocess.run([cancel, job], capture_output=True, timeout=30, check=False)


def _to_windows(request: PrintRequest, progress) -> PrintResult:  # pragma: no cover - Windows only
    """Windows has no print system that takes a PDF itself: the PDF program Windows has (Adobe Reader, Foxit,
    SumatraPDF...) prints it with the printer's own settings. Where none offers to print (Edge, the usual
    viewer, does not), the handout opens in the PDF viewer to be printed from there. The file stays until
    the next print: the PDF program reads it after this returns."""
    progress(f"Sending the handout to {request.destination}…")
    _remove_earlier_print_files()
    folder = Path(tempfile.mkdtemp(prefix=PRINT_FOLDER_PREFIX))  # readable by this user only
    path = folder / "handout.pdf"
    path.write_bytes(request.pdf)
    try:
        if request.printer_name:
            os.startfile(str(path), "printto", f'"{request.printer_name}"')
        else:
            os.startfile(str(path), "print")
    except OSError:
        try:
            os.startfile(str(path))
        except OSError as error:
            raise PrintFailed("Windows has no program for PDF files. Export the PDF and print it from a PDF "
                              "reader.") from error
        raise PrintFailed("Windows' PDF viewer cannot be asked to print: the handout is open in it, print it from "
                          "there (Ctrl+P).") from None
    return PrintResult(f"{request.destination}, through Windows' PDF program (its copies and pages settings)",
                       request.pages)


PRINT_FOLDER_PREFIX = "treadwell-print-"


def _remove_earlier_print_files() -> None:
    """The handouts earlier prints left for the PDF program: a patient's handout is not left in the temp folder."""
    for folder in Path(tempfile.gettempdir()).glob(PRINT_FOLDER_PREFIX + "*"):
        shutil.rmtree(folder, ignore_errors=True)
