"""``main.py db check|backup|restore``: the database's health and its backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.data_dir import DataDir
from core.settings import SettingsError, load_settings
from core.storage.backup import BackupError, restore_backup
from core.storage.database import DatabaseError
from core.storage.lock import DataDirLock, LockFileError
from core.storage.maintenance import backup_now, check_health
from core.storage.session import WAIT_FOR_OTHER_WRITER_S



def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    if args.db_action == "check":
        report = check_health(data_dir)
        print("\n".join(report.lines))
        return 0 if report.ok else 1
    try:
        settings = load_settings(data_dir.settings_path)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    lock = DataDirLock(data_dir.lock_path)
    try:
        if not lock.acquire(WAIT_FOR_OTHER_WRITER_S):
            print(f"Another Treadwell window or command is using {data_dir.root}. Close it and try again.",
                  file=sys.stderr)
            return 1
    except LockFileError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        if args.db_action == "backup":
            target = backup_now(data_dir, daily=settings.backup_daily_keep, weekly=settings.backup_weekly_keep)
            print(f"Backed up and verified: {target}")
            return 0
        backup = Path(args.backup)
        if not backup.is_file():
            backup = data_dir.backups_dir / args.backup
        if not backup.is_file():
            print(f"No backup named {args.backup} (see main.py db check for the list).", file=sys.stderr)
            return 2
        aside = restore_backup(backup, data_dir.database_path)
        print(f"Restored {backup.name}." + (f" The previous database was kept unchanged as {aside.name}." if aside else ""))
        return 0
    except (BackupError, DatabaseError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        lock.release()
