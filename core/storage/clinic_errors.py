"""The clinic server's refusals, importable without psycopg (every command's error handling names them)."""

from __future__ import annotations


def plain_error(error: Exception) -> str:
    """An error's message, first line only (libpq's text names host and role, never the password)."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def made_a_clinician(role: str) -> str:
    """How the clinic's administrator makes a sign-in the server knows one of Treadwell's clinicians, said where it is
    not (seen by a clinic's tester: told only to run db add-clinician, which refuses a role the server already has,
    as it may be another program's)."""
    from core.app_info import command_as_run
    from core.storage.pg_schema import CLINICIANS

    quoted = '"' + role.replace('"', '""') + '"'  # as psql takes any role's name, a reserved word's too ("user")
    return (f"the clinic's administrator makes it one in psql (GRANT {CLINICIANS} TO {quoted};), or gives the "
            f"clinician a sign-in of their own ({command_as_run()} db add-clinician URL NAME)")


SCREEN_KEPT = "what is on screen is kept"  # the window's words: each refusal says its records are untouched


def for_the_command_line(message: str) -> str:
    """A refusal's sentence without the window's words (seen in review: a command was told what is on screen is kept,
    in a terminal that has no screen of records)."""
    for joined in (", and ", " and ", "; "):
        message = message.replace(joined + SCREEN_KEPT, "")
    return message


class ClinicServerError(Exception):
    """The clinic server cannot be used: one plain sentence, never a password."""


class ServerSchemaTooNew(ClinicServerError):
    """The server's records were set up by a newer Treadwell: this one must not write to them."""


class ServerNotSetUp(ClinicServerError):
    """The database has no Treadwell schema yet, or needs an upgrade (``db init-clinic``)."""


class NotAClinician(ClinicServerError):
    """The server took the sign-in, but the role is not one of Treadwell's clinicians (``db add-clinician``): it may
    not read the records."""


class PasswordNeeded(ClinicServerError):
    """The server asks for a password and libpq has none on file: the window asks the clinician."""


class PasswordRefused(ClinicServerError):
    """The server did not take the password (typed, or on file) for this role, or knows no such role: the window asks
    for it again."""


class RoleDisabled(ClinicServerError):
    """The server knows the role but does not let it sign in (its administrator disabled it: NOLOGIN): not tried
    again until the clinician signs in anew."""


class ServerUnanswered(ClinicServerError):
    """The clinic server could not be reached, or refused the connection before any sign-in (switched off, the
    network, a firewall, a restart): worth trying again later, and off the GUI thread, as a server that does not
    answer at all takes core/storage/clinic.py CONNECT_TIMEOUT_S to say so."""


class ServerLost(ClinicServerError):
    """The connection to the clinic server dropped during a call: nothing of that call was saved."""


class ServerBusy(ClinicServerError):
    """The server ended a call that waited too long (core/storage/clinic.py SERVER_LIMITS): nothing of it was saved,
    and the connection is still good."""


class StudyImportedMeanwhile(ClinicServerError):
    """Another workstation imported a study with one of these ids since the file was checked: nothing was
    imported."""
