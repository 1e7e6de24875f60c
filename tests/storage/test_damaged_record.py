"""A stored record (a plan, a profile) whose bytes are damaged but still read as text: found by db check and the
backups' check, and said to be damage by whatever reads it, never quoted. Seen when a tester zeroed a disk sector
inside a stored plan: db check said ok, the backup was verified and went into rotation (so in five weeks no good
backup of the patient would be left), `plans show` quoted the record with the patient's name, the window showed the
same, and `progress` ended in a traceback."""

from __future__ import annotations

import pytest

from core.storage import records
from core.storage.backup import BackupError, backup_database
from core.storage.database import DatabaseDamaged, open_database
from core.storage.maintenance import check_health
from tests.storage.test_damaged_text import damage, saved_with_a_backup  # the patient Zyxwv Qutlenberg


@pytest.mark.parametrize(("found", "at", "value", "said"), [
    (b'"guidelines_version":', 3, 0, "the record in plans.plan_json of row 1 is not whole"),  # a zeroed byte
    (b'"sex":', 0, ord("#"), "the record in plans.profile_json of row 1 is not whole"),  # readable, not JSON
])
def test_a_damaged_record_is_found_by_the_checks_and_never_quoted(data_dir, run_main, found, at, value, said) -> None:
    saved_with_a_backup(data_dir)
    damage(data_dir.database_path, found, at, value)
    report = check_health(data_dir)
    assert not report.ok and f"is damaged: {said}" in report.lines[0]
    assert report.newest_good_backup is not None and "db restore" in report.lines[-1]
    with pytest.raises(BackupError, match=f"failed its check \\({said}\\) and was not kept"):
        backup_database(data_dir.database_path, data_dir.backups_dir)
    db = open_database(data_dir.database_path)
    try:
        with pytest.raises(DatabaseDamaged) as raised:
            records.plan_history(db, 1)
    finally:
        db.close()
    assert str(raised.value).startswith("Plan version 1 of patient 1 cannot be read: its stored record is damaged")
    assert raised.value.__cause__ is None and raised.value.__suppress_context__  # no record in a traceback or log
    exported = str(data_dir.root.parent / "x.json")
    for command in (("plans", "show", "1"), ("progress", "1"), ("plans", "export", "1", exported)):
        result = run_main(*command, data_dir=data_dir.root)
        assert result.returncode == 1, (command, result.stderr)
        assert "cannot be read: its stored record is damaged" in result.stderr, (command, result.stderr)
        assert "Traceback" not in result.stderr and "Qutlenberg" not in result.stderr + result.stdout, command
