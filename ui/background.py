"""Run long work off the GUI thread; the result or the error comes back on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


def refusal(error: Exception) -> bool:
    """Whether ``error`` is a refusal said to the person in a plain sentence (a file not replaced, a record gone, the
    clinic server away, a full disk), logged as a line; any other failure is a mistake, logged with its traceback for
    whoever mends it. Imported here, once something failed: the kinds come from all over."""
    from core.atomic import WriteError
    from core.handout.export import HandoutError
    from core.inputs import InputError
    from core.settings import SettingsError
    from core.workspace.errors import ClinicServerError, DataDirBusy, DatabaseError, RecordNotFound, StorageFailure
    from core.workspace.maintenance import BackupError, NotABackup
    from ui.printing import PrintCancelled, PrintFailed

    return isinstance(error, (WriteError, HandoutError, InputError, SettingsError, ClinicServerError, DataDirBusy,
                              DatabaseError, RecordNotFound, StorageFailure, BackupError, NotABackup, PrintCancelled,
                              PrintFailed))


# Relays live here until their answer has been delivered on the GUI thread. Without this, the worker
# could drop the last reference and delete a GUI-thread object from its own thread mid-delivery.
_ALIVE: set[_Relay] = set()


class _Relay(QObject):
    """Created on the GUI thread, so a signal emitted by the worker is delivered there, queued."""

    finished = Signal(bool, object)

    def __init__(self, on_success: Callable[[Any], None], on_failure: Callable[[Exception], None]) -> None:
        super().__init__()
        self._on_success, self._on_failure = on_success, on_failure
        self.finished.connect(self._on_self_finished)

    @Slot(bool, object)
    def _on_self_finished(self, succeeded: bool, value: object) -> None:
        _ALIVE.discard(self)
        try:
            (self._on_success if succeeded else self._on_failure)(value)
        except RuntimeError as error:
            if "already deleted" not in str(error):  # the window that asked has closed: nothing to tell
                raise
        finally:
            self.deleteLater()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the caller, who tells the person
            if refusal(error):  # its kind: its words may name a patient (seen by a clinician: each refusal logged
                log.info("background job refused: %s", type(error).__name__)  # as an ERROR with a traceback)
            else:
                log.exception("background job failed")
            self._tell(False, error)
        else:
            self._tell(True, result)

    def _tell(self, succeeded: bool, value: object) -> None:
        try:
            self._relay.finished.emit(succeeded, value)
        except RuntimeError:  # the application has gone meanwhile (work quitting does not wait for): nobody to tell
            pass


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    *,
    quit_waits: bool = True,
) -> None:
    """Start ``work`` on the shared thread pool; ``work`` must not touch widgets. The callbacks run on
    the GUI thread; if their window is gone by then, they are skipped. ``quit_waits=False``: work that only
    asks a question for the open window, and may take long to be answered (whether the clinic server answers: 10 s
    when it does not), runs on a thread of its own that quitting does not wait for, nor the data folder's lock."""
    relay = _Relay(on_success, on_failure)
    _ALIVE.add(relay)
    job = _Job(work, relay)
    if quit_waits:
        QThreadPool.globalInstance().start(job)
    else:
        threading.Thread(target=job.run, name="treadwell-question", daemon=True).start()
