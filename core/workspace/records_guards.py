"""The window's records calls, each error in the clinician's words: a dropped clinic connection (ClinicGuard), an
error of this workstation's SQLite engine (LocalGuard). Used by core/workspace/gateway.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.records.interface import PatientRecords
    from core.workspace.gateway import RecordsGateway


class ClinicGuard:
    """The clinic engine's methods, with a dropped connection turned into one plain sentence."""

    def __init__(self, gateway: RecordsGateway) -> None:
        self._gateway = gateway

    def __getattr__(self, name: str):
        from core.storage.clinic import call_guarded
        from core.storage.clinic_errors import NotAClinician, ServerLost, ServerNotSetUp, ServerSchemaTooNew

        method = getattr(self._gateway._clinic_records(), name)

        def guarded(*args, **kwargs):
            try:
                return call_guarded(method, *args, **kwargs)
            # gone, or refusing since the sign-in (a newer Treadwell's schema, lost rights: found in review, told "will
            # not write to it", the window went on writing): the window's check signs in anew once the server answers,
            # which either reads everything again or refuses, signed out, saying why
            except (ServerLost, ServerSchemaTooNew, ServerNotSetUp, NotAClinician):
                self._gateway._lose_clinic(unanswered=True)
                raise
        return guarded


class LocalGuard:
    """This workstation's records' methods, with an error of the SQLite engine turned into its plain sentence (seen
    in review: a damaged name quoted in Records, "The patients could not be listed: Could not decode to UTF-8 column
    'name' with text ...")."""

    def __init__(self, records: PatientRecords) -> None:
        self._records = records

    def __getattr__(self, name: str):
        from core.storage.database import DatabaseError, StorageFailure, plain_storage_error

        method = getattr(self._records, name)

        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except StorageFailure as error:
                raise DatabaseError(plain_storage_error(error)) from error
        return guarded
