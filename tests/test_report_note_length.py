"""A progress report's note that is too long says how long it is, as --reason does (seen by a tester: "at most 2000
characters" alone, for a note pasted from elsewhere)."""

from __future__ import annotations


def test_a_note_too_long_says_its_length(run_main, tmp_path) -> None:
    result = run_main("progress", "1", "--note", "x" * 2001, data_dir=tmp_path / "data")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "--note: at most 2000 characters, and it has 2001; nothing was done"
