"""The clinic server's refusals for the front ends, importable without psycopg."""

from core.storage.clinic_errors import (
    ClinicServerError, NotAClinician, PasswordNeeded, PasswordRefused, RoleDisabled, ServerNotSetUp,
    ServerSchemaTooNew,
)

__all__ = ["ClinicServerError", "NotAClinician", "PasswordNeeded", "PasswordRefused", "RoleDisabled",
           "ServerNotSetUp", "ServerSchemaTooNew"]
