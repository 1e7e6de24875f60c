"""``main.py db init-clinic URL`` and ``db add-clinician URL NAME``: the clinic administrator's two commands;
``db move-to URL``: a workstation's local records copied to the clinic server (core/storage/move.py).

The URL signs in as the server's administrator (for example ``postgresql://postgres@clinic-server/treadwell``);
its password comes from libpq's password or service file, or PGPASSWORD in the administrator's own
session, never from Treadwell. The new clinician's password is typed at a prompt (or read from standard
input with ``--password-stdin``, for scripts) and reaches the server only as a SCRAM verifier.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from core.clinic_log import CLINIC_LOG
from core.data_dir import DataDir
from core.commands.output import audit_clinician
from core.workspace.clinic import ClinicServerError, add_clinician, init_clinic, move_local_records
from core.workspace.errors import for_the_command_line


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    try:
        if args.db_action == "init-clinic":
            for line in init_clinic(args.url):
                print(line)
            return 0
        if args.db_action == "move-to":
            if not data_dir.database_path.is_file():  # seen in review: a mistyped --data-dir moved "0 patient(s)"
                print(f"data folder: no Treadwell records at {data_dir.database_path}; check --data-dir (or run "
                      "as the user whose records these are). Nothing was moved.", file=sys.stderr)
                return 1
            if (clinician := audit_clinician(data_dir.settings_path)) is None:
                return 2
            report = move_local_records(data_dir, args.url, clinician=clinician)
            print("\n".join(report.lines()))
            if not _uses_a_clinic_database(data_dir):  # seen in review: a walk logged after the move, with no
                # --records, went into the local file the clinic had left, and nothing said so
                print("This workstation still keeps its records in its own file until it is set to the clinic "
                      "database: in the window, Settings > Clinic database; or records_url in settings.json. Until "
                      "then, what is saved here stays here.")
            return 1 if report.problems else 0
        password = _password(args)
        if password is None:
            return 2
        print(add_clinician(args.url, args.name, password))
        return 0
    except ClinicServerError as error:
        typed = str(error).startswith(("NAME:", "password:"))  # what was typed, not the server's answer
        if not typed:  # for the clinic's IT, as every command's (seen in review: a move-to refused for its password
            CLINIC_LOG.warning("clinic database: db %s not done: %s", args.db_action, error)  # left no line)
        print(for_the_command_line(str(error)), file=sys.stderr)
        return 2 if typed else 1


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        print("password: type it at the prompt (run in a terminal), or pass --password-stdin", file=sys.stderr)
        return None
    try:
        first, again = getpass.getpass(f"Password for {args.name}: "), getpass.getpass("Again: ")
    except EOFError:  # seen in review: Ctrl+D at the prompt, a traceback
        print("password: none typed (the input ended); nothing was changed", file=sys.stderr)
        return None
    if first != again:
        print("password: the two entries differ; nothing was changed", file=sys.stderr)
        return None
    return first


def _uses_a_clinic_database(data_dir: DataDir) -> bool:
    """Whether this workstation's settings name a clinic database (as the window reads them: whatever else is there)."""
    from core.settings import SettingsError, clinic_address

    try:
        return bool(clinic_address(data_dir.settings_path))
    except SettingsError:
        return False
