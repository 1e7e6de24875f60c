"""A backups folder whose lock file cannot be opened (a disk made read-only, a folder in its place) is said with
that lock's name, in one sentence."""

from __future__ import annotations

import pytest

from core.storage.database import open_database


def test_a_backup_folder_whose_lock_cannot_be_opened_names_that_lock(data_dir) -> None:
    """Seen by a tester: "The lock file backups.lock ... cannot be opened ... and that treadwell.lock is a file.."."""
    from core.workspace.maintenance import BackupError, backup

    open_database(data_dir.database_path).close()
    data_dir.backups_dir.with_name("backups.lock").mkdir()
    with pytest.raises(BackupError) as raised:
        backup(data_dir, None)
    said = str(raised.value)
    assert "that backups.lock is a file." in said and not said.endswith("..") and "treadwell.lock" not in said
