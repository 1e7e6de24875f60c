"""``main.py db check|backup|restore``: the database's health and its backups (``init-clinic`` and
``add-clinician``, for the clinic server: core/commands/clinic_db.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.app_info import as_typed, command_for, program_name
from core.commands.output import say_waiting
from core.data_dir import DataDir
from core.settings import SettingsError, load_settings
from core.workspace import maintenance
from core.workspace.errors import DataDirBusy, DatabaseError
from core.workspace.maintenance import BackupError, NotABackup


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    if args.db_action in ("init-clinic", "add-clinician", "move-to"):
        from core.commands import clinic_db  # psycopg: only for the clinic server

        return clinic_db.run(args, data_dir)
    on_server = maintenance.ON_CLINIC_SERVER if args.records else None
    if args.db_action == "check":
        report = maintenance.check_health(data_dir)
        print("\n".join(report.lines + ([on_server] if on_server else [])))
        return 0 if report.ok else 1
    try:
        if args.db_action == "backup":
            try:
                settings = load_settings(data_dir.settings_path)
            except SettingsError as error:  # a backup is never stopped by them (seen in review: a bad phone number)
                settings = None
                print(f"{error} The backup is made, and no older backup deleted until they can be read.",
                      file=sys.stderr)
            target = maintenance.backup(data_dir, settings)
            print(f"Backed up and verified: {target}" + (f"\n{on_server}" if on_server else ""))
            return 0
        backup = maintenance.find_backup(data_dir, args.backup)
        if backup is None:
            print(f"{args.backup} is a folder: give the backup file in it ({program_name()} db check lists the "
                  "backups)." if _is_folder(args.backup) else
                  f"No backup named {args.backup} (see {program_name()} db check for the list).",
                  file=sys.stderr)
            return 2
        aside = maintenance.restore(data_dir, backup, waiting=say_waiting)
        # seen in review: with --records, said as if it rolled back the clinic's records
        refused = aside and maintenance.put_back_refused(aside)
        print(maintenance.restored_words(backup, aside)
              + (f" It cannot be restored in its turn: {refused}." if refused else
                 f" To put it back: {command_for(data_dir.root)} db restore {as_typed(aside.name)}" if aside else "")
              + (f"\n{on_server}" if on_server else ""))
        return 0
    except DataDirBusy as error:
        print(error, file=sys.stderr)
        return 1
    except NotABackup as error:  # bad input, as every command's: nothing was changed
        print(error, file=sys.stderr)
        return 2
    except (BackupError, DatabaseError) as error:
        print(error, file=sys.stderr)
        return 1


def _is_folder(name: str) -> bool:
    try:
        return Path(name).expanduser().is_dir()
    except OSError:  # a name the system cannot use (too long): not a folder
        return False
