"""A command's daily backup that cannot be made is said on standard error, and the command goes on: seen by a tester,
on a disk with no room left, `plan --save` printed only the plan id and the backups folder stayed empty."""

from __future__ import annotations

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from core.storage.backup import BackupError
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_a_daily_backup_not_made_is_said_and_the_save_goes_on(tmp_path, monkeypatch, capsys) -> None:
    from core.storage import maintenance

    def no_room(data_dir, **_kept):
        raise BackupError(f"The backup could not be written to {data_dir.backups_dir}: No space left on device.")

    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0  # records to back up, none yet
    monkeypatch.setattr(maintenance, "backup_now", no_room)
    capsys.readouterr()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save", "--new-patient"]), data) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "2" and not any(data.backups_dir.iterdir())
    assert (f"Note: today's backup of the records was not made, and this command went on. The backup could not be "
            f"written to {data.backups_dir}: No space left on device. Once that is mended, make one: uv run main.py "
            f"--data-dir {data.root} db backup\n") in err
