"""Start the Qt application and the main window."""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core.app_info import APP_AUTHOR, APP_NAME, program_name
from core.cli import EXIT_FAILURE
from core.crash import install_crash_handlers, stderr_reporter
from core.data_dir import DataDir
from core.resources import resource_path
from ui.crash_notifier import CrashNotifier
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

SMOKE_START_TIMEOUT_MS = 60_000


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    return app


def missing_display() -> str | None:
    """Why the window cannot open here, or None: on Linux and the BSDs Qt needs an X11 or Wayland display,
    and without one it aborts with a message about reinstalling. Checked first so the clinician reads
    the real reason instead."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (f"{APP_NAME}'s window needs a graphical desktop, and none was found (DISPLAY and WAYLAND_DISPLAY "
            "are not set). Start it from the desktop session, or use its commands, which need no window "
            f"({program_name()} --help); to check the window on a machine without one, set QT_QPA_PLATFORM=offscreen.")


def run_app(data_dir: DataDir, *, smoke_start: bool = False, crash_dialog: bool = True,
            records_url: str | None = None) -> int:
    reason = missing_display()
    if reason:
        print(reason, file=sys.stderr)
        return EXIT_FAILURE
    app = create_application()
    notifier = CrashNotifier(app)
    install_crash_handlers(notifier.report if crash_dialog else stderr_reporter, window=True)
    window = MainWindow(data_dir, deferred=True, take_lock=True, quiet=smoke_start, records_url=records_url)
    if smoke_start:
        moment = os.environ.get("TREADWELL_SMOKE_UNTIL", "painted")
        moment = moment if moment in ("data", "ready") else "painted"
        _exit_when(moment, window, app)
        QTimer.singleShot(SMOKE_START_TIMEOUT_MS, lambda: _smoke_start_timed_out(app, moment))
    if not smoke_start:  # once the records are open: the first run asks for the clinic's details
        window.evidence_ready.connect(lambda overview: QTimer.singleShot(0, window, window.welcome_if_first_run))
    # its icon in the title bar and the taskbar (seen in review: none, the system's blank one), once the first frame is
    # up: the SVG image plugin loads when the icon is first drawn
    window.first_painted.connect(lambda: app.setWindowIcon(QIcon(str(resource_path("icons", "treadwell.svg")))))
    window.show()
    log.info("main window shown")
    status = app.exec()
    QThreadPool.globalInstance().waitForDone()  # let background work finish before Python shuts down
    window.release_lock()
    return status


def _exit_when(moment: str, window: MainWindow, app: QApplication) -> None:
    """--smoke-start exits at ``moment`` (the TREADWELL_SMOKE_UNTIL variable; the benchmark uses all three):
    ``painted``, the first frame; ``data``, the first frame that shows the etiologies from the records
    (the first frame itself unless the library is still to be installed); ``ready``, every step built
    and the records open, and the window's icon drawn. It prints when that was, in seconds since the epoch, for the
    benchmark."""

    def reached() -> None:
        print(f"smoke-start {moment} {time.time():.6f}", flush=True)
        app.exit(0)

    def failed(message: str) -> None:
        print(f"--smoke-start: the records did not open: {message}", file=sys.stderr)
        app.exit(1)

    if moment != "painted":
        window.evidence_failed.connect(failed)
        window.records_damaged.connect(failed)

    def ready() -> None:  # and the window's icon drawn (seen in review: nothing checked that a build holds the SVG
        if app.windowIcon().pixmap(32, 32).isNull():  # plugin it needs)
            print("--smoke-start: the window's icon could not be drawn (resources/icons/treadwell.svg, Qt's SVG "
                  "image plugin)", file=sys.stderr)
            app.exit(1)
        else:
            reached()

    if moment == "ready":
        window.evidence_ready.connect(lambda overview: ready())
    elif moment == "data":
        window.first_painted.connect(lambda: reached() if window.picker.entry_count() else
                                     window.evidence_ready.connect(lambda overview: reached()))
    else:
        window.first_painted.connect(reached)


def _smoke_start_timed_out(app: QApplication, moment: str) -> None:
    print(f"--smoke-start: the window did not reach '{moment}' within {SMOKE_START_TIMEOUT_MS // 1000} s",
          file=sys.stderr)
    app.exit(1)
