"""A handout or progress report checked and made, but not written (a full disk, a folder made read-only since the
check): exit 1, a failure, not 2, which the README keeps for bad input. Seen in a reliability try on a full disk."""

from __future__ import annotations

from core.atomic import WriteError
from core.cli import parse_args, run_command
from core.data_dir import DataDir
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"
FULL = "The PDF could not be written to the folder (No space left on device)."


def test_a_handout_not_written_for_want_of_room_is_a_failure(tmp_path, monkeypatch, capsys) -> None:
    from core.commands import plan

    def full(*_args, **_kwargs):
        raise WriteError(FULL)

    monkeypatch.setattr(plan, "stage_output", full)
    data = DataDir(tmp_path / "data").prepare()
    status = run_command(parse_args(["plan", str(EXAMPLE), "--pdf", str(tmp_path / "handout.pdf")]), data)
    assert status == 1 and f"The handout was not written: {FULL}" in capsys.readouterr().err


def test_a_progress_report_not_written_for_want_of_room_is_a_failure(tmp_path, monkeypatch, capsys) -> None:
    from core.handout import export

    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0

    def full(*_args, **_kwargs):
        raise WriteError(FULL)

    monkeypatch.setattr(export, "save_handout", full)
    status = run_command(parse_args(["progress", "1", "--pdf", str(tmp_path / "report.pdf")]), data)
    assert status == 1 and f"The progress report was not written: {FULL}" in capsys.readouterr().err
