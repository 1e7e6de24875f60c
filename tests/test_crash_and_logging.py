"""Unexpected errors are logged with their traceback and reported plainly; logs withhold inputs."""

from __future__ import annotations

import errno
import logging
import sys
import threading

import pytest
from pydantic import BaseModel, ValidationError

from core.crash import PLAIN_SUMMARY, describe_os_error, install_crash_handlers
from core.logging_setup import LOG_FILE_NAME, LOG_FILES_KEPT, RotatingLogFile, configure_logging, redact


@pytest.fixture
def restore_hooks():
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "_treadwell", False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()


def raise_and_capture(error: BaseException):
    try:
        raise error
    except BaseException:
        return sys.exc_info()


def test_uncaught_error_is_logged_and_reported(data_dir, restore_hooks) -> None:
    configure_logging(data_dir)
    reports: list[tuple[str, str]] = []
    install_crash_handlers(lambda summary, details: reports.append((summary, details)))
    sys.excepthook(*raise_and_capture(RuntimeError("engine fell over")))
    assert reports and reports[0][0] == PLAIN_SUMMARY
    assert "RuntimeError: engine fell over" in reports[0][1]
    log_text = (data_dir.logs_dir / LOG_FILE_NAME).read_text()
    assert "Unhandled error" in log_text and "Traceback" in log_text


def test_error_on_a_worker_thread_reaches_the_reporter(data_dir, restore_hooks) -> None:
    reports: list[tuple[str, str]] = []
    install_crash_handlers(lambda summary, details: reports.append((summary, details)))

    def work() -> None:
        raise ValueError("worker failed")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert len(reports) == 1 and "ValueError: worker failed" in reports[0][1]


def test_disk_full_gets_its_own_plain_sentence(restore_hooks) -> None:
    reports: list[str] = []
    install_crash_handlers(lambda summary, details: reports.append(summary))
    sys.excepthook(*raise_and_capture(OSError(errno.ENOSPC, "No space left on device")))
    assert reports == ["The disk is full. Free some space and try again."]
    assert describe_os_error(ValueError("x")) is None


def test_a_failing_reporter_does_not_hide_the_error(restore_hooks, capsys) -> None:
    def broken(summary: str, details: str) -> None:
        raise RuntimeError("no screen")

    install_crash_handlers(broken)
    sys.excepthook(*raise_and_capture(KeyError("plan")))
    assert "KeyError" in capsys.readouterr().err


class Patient(BaseModel):
    name: str
    age: int


def test_validation_errors_in_logs_withhold_the_input(data_dir, restore_hooks) -> None:
    configure_logging(data_dir)
    with pytest.raises(ValidationError) as caught:
        Patient(name="Zofia Kowalczyk", age="Zofia Kowalczyk")  # type: ignore[arg-type]
    logging.getLogger("test").error("bad profile: %s", caught.value)
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = (data_dir.logs_dir / LOG_FILE_NAME).read_text()
    assert "bad profile" in log_text and "input_value=<withheld>" in log_text
    assert "Kowalczyk" not in log_text


def test_redact_leaves_ordinary_text_alone() -> None:
    assert redact("plan saved in 4 ms") == "plan saved in 4 ms"


def test_the_log_rolls_over_keeping_five_files_of_at_most_the_limit(tmp_path) -> None:
    path = tmp_path / LOG_FILE_NAME
    handler = RotatingLogFile(path, max_bytes=1000, kept=LOG_FILES_KEPT)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("treadwell.test_rollover")
    logger.propagate, logger.level = False, logging.INFO
    logger.addHandler(handler)
    try:
        for number in range(400):  # 400 lines of 50 bytes: 20 files' worth
            logger.info("line %03d %s", number, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(tmp_path.iterdir())
    assert [file.name for file in files] == [LOG_FILE_NAME, *(f"{LOG_FILE_NAME}.{n}" for n in range(1, 6))]
    assert all(0 < file.stat().st_size <= 1000 for file in files)
    # 50-byte lines, 20 to a file: the log holds the newest 20, each older file the 20 before, none lost between
    for index, file in enumerate(files):
        numbers = [int(line.split()[1]) for line in file.read_text(encoding="utf-8").splitlines()]
        assert numbers == list(range(380 - 20 * index, 400 - 20 * index)), file.name


def test_a_record_larger_than_the_limit_is_written_whole(tmp_path) -> None:
    handler = RotatingLogFile(tmp_path / LOG_FILE_NAME, max_bytes=100, kept=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    record = logging.LogRecord("treadwell", logging.INFO, __file__, 1, "y" * 500, None, None)
    try:
        handler.emit(record)
        handler.emit(record)
    finally:
        handler.close()
    assert (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8") == "y" * 500 + "\n"
    assert (tmp_path / f"{LOG_FILE_NAME}.1").read_text(encoding="utf-8") == "y" * 500 + "\n"


def test_a_log_that_cannot_be_written_says_so_once_and_repeats_nothing(tmp_path, capsys) -> None:
    """A full disk: one plain sentence on stderr, not logging's traceback of every record (which would print the
    record's message and arguments, and repeat on every line of every command)."""
    handler = RotatingLogFile(tmp_path / LOG_FILE_NAME, max_bytes=10_000, kept=2)

    class FullDisk:
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

        def tell(self):
            return 0

        def close(self):
            pass

    handler.stream = FullDisk()
    logger = logging.getLogger("treadwell.test_full_disk")
    logger.propagate, logger.level = False, logging.INFO
    logger.addHandler(handler)
    try:
        for _ in range(3):
            logger.info("saved the plan for %s", "Mrs Example")
    finally:
        logger.removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "could not be written (No space left on device)" in err and "carries on" in err
    assert "Logging error" not in err and "Mrs Example" not in err and "Traceback" not in err


def test_a_record_that_cannot_be_formatted_is_not_taken_for_a_full_disk(tmp_path, capsys) -> None:
    """Seen in review: a formatting slip was reported as the log file unwritable, and silenced a real failure after."""
    handler = RotatingLogFile(tmp_path / LOG_FILE_NAME, max_bytes=10_000, kept=2)
    logger = logging.getLogger("treadwell.test_bad_record")
    logger.propagate, logger.level = False, logging.INFO
    logger.addHandler(handler)
    try:
        logger.info("%d walks", "three")
        logger.info("a good line")
    finally:
        logger.removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert err == "A log record could not be formatted (TypeError); it was left out.\n"
    assert not handler.failure_told and "a good line" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_ctrl_c_outside_a_commands_own_handling_is_one_line_not_a_traceback(capsys, monkeypatch) -> None:
    """Seen by a tester: Ctrl+C 0.35-0.5 s into any command (after the crash handlers, before run_command's own
    handling) printed a traceback ending in KeyboardInterrupt."""
    from core.crash import CANCELLED, install_crash_handlers

    import threading

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reports = []
    install_crash_handlers(lambda summary, details: reports.append(summary))
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err
    assert err == CANCELLED + "\n" and "Traceback" not in err and reports == []
    install_crash_handlers(lambda summary, details: reports.append(summary), window=True)  # the window goes on
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err
    assert CANCELLED not in err and "KeyboardInterrupt" in err and reports == []
