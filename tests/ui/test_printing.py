"""Printing sends the handout's PDF itself, off the GUI thread, with cancel: never pictures of pages.

A file printer (the print dialog's "Print to File") receives the PDF; a CUPS printer receives it through
``lp``. The ``lp`` and ``cancel`` here are small stand-in scripts on PATH that record what they were given
and take their time, so the tests can watch the window answer while a job is under way.
"""

from __future__ import annotations

import io
import os
import stat
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QElapsedTimer, QTimer

from tests.storage.helpers import example
from tests.ui.course_helpers import with_handout
from ui import printing
from ui.printing import PrintRequest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the stand-in lp is a POSIX shell script")


class _Gaps:
    """The longest the GUI thread went without running a 10 ms timer: how long input would wait."""

    def __init__(self) -> None:
        self.longest = 0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)
        self._timer.start(10)

    def _tick(self) -> None:
        self.longest = max(self.longest, self._clock.restart())

    def stop(self) -> int:
        self._timer.stop()
        return self.longest


def _image_count(pdf: PdfReader) -> int:
    count = 0
    for page in pdf.pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        count += sum(1 for ref in objects.values() if ref.get_object().get("/Subtype") == "/Image")
    return count


def test_print_to_a_file_printer_writes_the_vector_pdf_itself(qtbot, data_dir, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window = with_handout(qtbot, data_dir)
    handout = window.handout
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the mode the print dialog uses
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    gaps = _Gaps()
    with qtbot.waitSignal(handout.printed, timeout=30_000) as printed:
        handout.print_to(printer)
        assert handout.cancel_print_button.isVisibleTo(handout) and not handout.print_button.isEnabled()
    longest = gaps.stop()
    job = (tmp_path / "printed.pdf").read_bytes()
    pages = handout.document.pageCount()
    assert printed.args[0] == pages >= 6
    assert job == handout._pdf  # the handout itself: vector text and drawings, fonts embedded
    assert len(job) < 5 * 1024 * 1024
    read = PdfReader(io.BytesIO(job))
    assert len(read.pages) == pages and _image_count(read) == 0
    assert "Sent" in handout.status.text() and str(tmp_path / "printed.pdf") in handout.status.text()
    assert longest < 250, f"the window did not answer for {longest} ms"
    assert not handout.cancel_print_button.isVisibleTo(handout) and handout.print_button.isEnabled()


def test_print_to_file_never_writes_over_the_records_or_a_file_that_is_not_a_pdf(qtbot, data_dir, tmp_path) -> None:
    """Seen in review: "Print to File" onto the data folder's database replaced the records with the handout (and a
    profile's JSON the same way), where Export refuses both; and pages and copies chosen were dropped unsaid."""
    from PySide6.QtPrintSupport import QPrinter

    window = with_handout(qtbot, data_dir)
    handout = window.handout
    records = data_dir.database_path
    assert records.exists()
    profile = tmp_path / "profile.json"
    profile.write_text('{"name": "kept"}')
    for target, said in ((records, "inside Treadwell's data folder"), (profile, "not a PDF")):
        before = target.read_bytes()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFileName(str(target))
        handout.print_to(printer)
        assert target.read_bytes() == before and said in handout.status.text(), handout.status.text()
        assert handout._printing is None and handout.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setCopyCount(2)
    with qtbot.waitSignal(handout.printed, timeout=30_000):
        handout.print_to(printer)
    assert "A file holds the whole handout once: the pages and copies chosen are for a printer." in \
        handout.status.text()


def test_the_dialogs_choices_reach_the_request(qtbot) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFileName("/tmp/somewhere.pdf")
    printer.setCopyCount(2)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 4)
    request = printing.request_from_printer(printer, b"%PDF", 9)
    assert (request.output_file, request.copies, request.page_range) == ("/tmp/somewhere.pdf", 2, (3, 4))


def test_two_sided_printing_is_asked_of_cups(tmp_path, monkeypatch) -> None:
    _stand_in(tmp_path, monkeypatch, "")
    command = printing.lp_command(PrintRequest(pdf=b"", pages=2, printer_name="Clinic_Laser", two_sided=True))
    assert command[command.index("-o") + 1] == "sides=two-sided-long-edge"
    command = printing.lp_command(PrintRequest(pdf=b"", pages=2, printer_name="Clinic_Laser", two_sided=True,
                                               short_edge=True))
    assert command[command.index("-o") + 1] == "sides=two-sided-short-edge"


def _stand_in(tmp_path, monkeypatch, lp_body: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in (("lp", lp_body), ("cancel", f'echo "$@" > "{tmp_path}/cancelled"\n')):
        script = bin_dir / name
        script.write_text("#!/bin/sh\n" + body)
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


def _to_printer(monkeypatch, name: str = "Clinic_Laser", copies: int = 2):
    """The print dialog's choice of a CUPS printer (this machine has none for QPrinter to offer)."""
    def request(printer, pdf, pages):
        return PrintRequest(pdf=pdf, pages=pages, printer_name=name, copies=copies, page_range=(1, 2))
    monkeypatch.setattr("ui.views.handout_printing.request_from_printer", request)


def test_a_cups_printer_gets_the_pdf_on_lp_and_the_window_answers_meanwhile(qtbot, data_dir, tmp_path,
                                                                            monkeypatch) -> None:
    _stand_in(tmp_path, monkeypatch, f'echo "$@" > "{tmp_path}/args"\ncat > "{tmp_path}/job.pdf"\nsleep 1\n'
                                     'echo "request id is Clinic_Laser-42 (1 file(s))"\n')
    _to_printer(monkeypatch)
    window = with_handout(qtbot, data_dir)
    handout = window.handout
    search = window.records.search
    gaps = _Gaps()
    with qtbot.waitSignal(handout.printed, timeout=30_000):
        handout.print_to(None)
        qtbot.keyClicks(search, "typed while printing")  # input is handled while lp works
        assert search.text() == "typed while printing" and handout._printing is not None
    longest = gaps.stop()
    args = (tmp_path / "args").read_text().split()
    assert args[args.index("-d") + 1] == "Clinic_Laser" and args[args.index("-n") + 1] == "2"
    assert args[args.index("-P") + 1] == "1-2"
    assert "Treadwell handout" in " ".join(args)  # the queue shows no patient's name
    assert example()[0].name.split()[0] not in " ".join(args)
    assert (tmp_path / "job.pdf").read_bytes() == handout._pdf
    assert "print job Clinic_Laser-42" in handout.status.text()
    assert longest < 250, f"the window did not answer for {longest} ms"


def test_cancel_stops_lp_and_nothing_is_reported_printed(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    _stand_in(tmp_path, monkeypatch, f'cat > /dev/null\nsleep 5\ntouch "{tmp_path}/finished"\n'
                                     'echo "request id is Clinic_Laser-43 (1 file(s))"\n')
    _to_printer(monkeypatch)
    window = with_handout(qtbot, data_dir)
    handout = window.handout
    printed: list[int] = []
    handout.printed.connect(printed.append)
    handout.print_to(None)
    qtbot.wait(300)
    started = time.monotonic()
    handout.cancel_print_button.click()
    qtbot.waitUntil(lambda: handout._printing is None, timeout=5_000)
    assert time.monotonic() - started < 2  # lp was stopped, not waited for
    assert handout.status.text().startswith("Printing was cancelled.") and not printed
    time.sleep(0.1)
    assert not (tmp_path / "finished").exists()
    assert handout.print_button.isEnabled() and not handout.cancel_print_button.isVisibleTo(handout)


def test_a_refused_print_says_why_in_the_window(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    _stand_in(tmp_path, monkeypatch, 'cat > /dev/null\necho "lp: The printer or class does not exist." >&2\n'
                                     "exit 1\n")
    _to_printer(monkeypatch, name="Gone")
    window = with_handout(qtbot, data_dir)
    with qtbot.waitSignal(window.handout.failed, timeout=10_000) as failed:
        window.handout.print_to(None)
    assert failed.args[0] == "The printer refused the handout: The printer or class does not exist."
    assert window.handout.status.text() == failed.args[0] and window.handout.print_button.isEnabled()


def test_a_job_cancelled_after_cups_took_it_is_withdrawn(tmp_path, monkeypatch) -> None:
    _stand_in(tmp_path, monkeypatch, 'cat > /dev/null\necho "request id is Clinic_Laser-44 (1 file(s))"\n')
    request = PrintRequest(pdf=b"%PDF-1.4 stand-in", pages=1, printer_name="Clinic_Laser")
    said: list[str] = []

    def cancel_once_cups_has_it(words: str) -> None:
        said.append(words)
        if words.startswith("The print system has"):
            request.cancel.set()

    result = printing.send(request, cancel_once_cups_has_it)
    assert result.cancelled and said[0] == "Sending the handout to Clinic_Laser…" and said[-1] == "The print system has the handout (job Clinic_Laser-44)."
    assert (tmp_path / "cancelled").read_text().strip() == "Clinic_Laser-44"


def test_pages_past_the_end_are_refused_in_plain_words() -> None:
    with pytest.raises(printing.PrintFailed, match="Pages 12 to 14 are past the end of the handout, which has 9 pages"):
        printing.send(PrintRequest(pdf=b"%PDF", pages=9, printer_name="Any", page_range=(12, 14)))


def test_no_print_system_is_a_plain_message(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(printing.PrintFailed, match="no print system"):
        printing.send(PrintRequest(pdf=b"%PDF", pages=1, printer_name="Any"))


def test_print_to_file_is_written_as_export_writes_and_leaves_other_files_alone(tmp_path) -> None:
    """Seen in review: Print to File had a writer of its own, with no flush to disk and a fixed "name.pdf.part" that
    replaced, then removed, a file of that name."""
    kept = tmp_path / "handout.pdf.part"
    kept.write_bytes(b"the clinician's own file")
    out = tmp_path / "handout.pdf"
    result = printing.send(PrintRequest(pdf=b"%PDF-1.4 whole", pages=3, output_file=str(out)))
    assert out.read_bytes() == b"%PDF-1.4 whole" and result.pages == 3
    assert kept.read_bytes() == b"the clinician's own file"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["handout.pdf", "handout.pdf.part"]
    with pytest.raises(printing.PrintFailed, match="folder"):
        printing.send(PrintRequest(pdf=b"%PDF", pages=1, output_file=str(tmp_path / "gone" / "h.pdf")))
