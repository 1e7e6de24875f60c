"""Why an export's audit entry was not made, as a clause after what was done: never the records' own sentences, which
say "nothing was saved" or "Nothing was changed" (seen in review, after "Progress report saved: ...")."""

from __future__ import annotations

import sqlite3

import pytest

from core.storage.clinic_errors import ClinicServerError, NotAClinician, ServerBusy, ServerLost, ServerUnanswered
from core.storage.database import DatabaseError, DataFolderReadOnly
from core.workspace.exports import not_recorded_because
from core.workspace.gateway import DataFolderMissing

SAID = "The records say: nothing was read or saved. Nothing was changed."


@pytest.mark.parametrize("error, clause", [
    (sqlite3.OperationalError("database or disk is full"), "the data folder's disk is full"),
    (ServerUnanswered(SAID), "the clinic database cannot be reached now"),
    (ServerLost(SAID), "the clinic database cannot be reached now"),
    (ServerBusy(SAID), "the clinic database was busy"),
    (NotAClinician(SAID), "the clinic database refused it"),
    (ClinicServerError(SAID), "the clinic database refused it"),
    (DataFolderReadOnly(SAID), "the data folder is read-only"),
    (DataFolderMissing(SAID), "the data folder was moved or deleted while Treadwell was open"),
    (DatabaseError(SAID), "the records could not be written"),
])
def test_each_refusal_is_a_clause_of_its_own(error, clause) -> None:
    assert not_recorded_because(error) == clause


def test_the_windows_records_are_worded_by_sqlites_error_behind_them() -> None:
    try:
        try:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        except sqlite3.OperationalError as cause:
            raise DatabaseError("The data folder is read-only, so nothing was saved.") from cause
    except DatabaseError as error:
        assert not_recorded_because(error) == "the data folder is read-only"


def test_an_error_that_is_not_the_records_is_left_to_the_caller() -> None:
    assert not_recorded_because(ValueError("a defect")) is None
