"""``main.py db init-clinic URL`` and ``db add-clinician URL NAME``: the clinic administrator's two commands.

The URL signs in as the server's administrator (for example ``postgresql://postgres@clinic-server/treadwell``);
its password comes from libpq's password or service file, or PGPASSWORD in the administrator's own
session, never from Treadwell. The new clinician's password is typed at a prompt (or read from standard
input with ``--password-stdin``, for scripts) and reaches the server only as a SCRAM verifier.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from core.workspace.clinic import ClinicServerError, add_clinician, init_clinic


def run(args: argparse.Namespace) -> int:
    try:
        if args.db_action == "init-clinic":
            for line in init_clinic(args.url):
                print(line)
            return 0
        password = _password(args)
        if password is None:
            return 2
        print(add_clinician(args.url, args.name, password))
        return 0
    except ClinicServerError as error:
        print(error, file=sys.stderr)
        return 2 if str(error).startswith(("NAME:", "password:")) else 1


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        print("password: type it at the prompt (run in a terminal), or pass --password-stdin", file=sys.stderr)
        return None
    first = getpass.getpass(f"Password for {args.name}: ")
    if first != getpass.getpass("Again: "):
        print("password: the two entries differ; nothing was changed", file=sys.stderr)
        return None
    return first
