"""The clinic server's refusals, importable without psycopg (every command's error handling names them)."""

from __future__ import annotations


class ClinicServerError(Exception):
    """The clinic server cannot be used: one plain sentence, never a password."""


class ServerSchemaTooNew(ClinicServerError):
    """The server's records were set up by a newer Treadwell: this one must not write to them."""


class ServerNotSetUp(ClinicServerError):
    """The database has no Treadwell schema yet, or needs an upgrade (``db init-clinic``)."""
