"""What work off the GUI thread logs when it fails: a refusal said to the person is one INFO line with its kind (its
words may name a patient), a mistake in the code its traceback. Seen by a clinician: a handout not written over a
file that was no PDF, and a note the report cannot print, were each logged as "ERROR ... background job failed" with a
traceback, which the clinic's IT reads as a crash."""

from __future__ import annotations

import logging

import pytest

from core.atomic import WriteError
from core.handout.export import HandoutError
from ui.background import run_in_background


@pytest.mark.parametrize(("error", "level", "message", "traced"), [
    (WriteError("notes.pdf is not a PDF: it was not replaced."), logging.INFO, "background job refused: WriteError",
     False),
    (HandoutError("The progress report was not made: the note: 'ស' cannot be printed"), logging.INFO,
     "background job refused: HandoutError", False),
    (TypeError("unsupported operand"), logging.ERROR, "background job failed", True),
    (ValueError("a mistake, not a refusal"), logging.ERROR, "background job failed", True),  # seen in review: a
    (FileNotFoundError(2, "No such file"), logging.ERROR, "background job failed", True),  # list of mistakes hid these
])
def test_a_refusal_is_a_line_and_a_mistake_its_traceback(qtbot, caplog, error, level, message, traced) -> None:
    failed = []

    def work():
        raise error

    with caplog.at_level(logging.INFO, logger="ui.background"):
        run_in_background(work, lambda _result: None, failed.append)
        qtbot.waitUntil(lambda: failed == [error])
    logged = [record for record in caplog.records if record.name == "ui.background"]
    assert [(record.levelno, record.getMessage()) for record in logged] == [(level, message)]
    assert (logged[0].exc_info is not None) == traced
    assert traced or ("notes.pdf" not in caplog.text and "ស" not in caplog.text)
