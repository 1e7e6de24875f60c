"""An option no command named on the line has is said as such, with the nearest of the options those commands take
(seen by a tester: "evidence --serch pain" said only "invalid choice: 'pain'", the word after it read as an action)."""

from __future__ import annotations

import pytest

from core.cli import parse_args


def refused(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        parse_args(list(argv))
    assert stopped.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize(("argv", "said"), [
    (("evidence", "--serch", "pain"), "main.py evidence: error: --serch is not an option; did you mean --search?"),
    (("--data-dri", "/tmp/x", "plans", "list"), "main.py: error: --data-dri is not an option; did you mean --data-dir?"),
    (("sessions", "add", "1", "walk.json", "--pln", "2"), "error: --pln is not an option; did you mean --plan?"),
    (("plan", "p.json", "--clinician-sumary"), "error: --clinician-sumary is not an option; did you mean "
                                               "--clinician-summary?"),
])
def test_a_mistyped_option_is_named_with_the_nearest_one(capsys, argv, said) -> None:
    assert refused(capsys, *argv).endswith(said)


def test_the_nearest_option_is_one_of_the_commands_named_not_another_commands(capsys) -> None:
    # "--units" is an option of other commands, not of "sessions add"
    assert refused(capsys, "sessions", "add", "1", "--minuts", "20").endswith(
        "error: --minuts is not an option (see main.py sessions add --help)")


def test_an_option_taken_elsewhere_on_the_line_keeps_its_own_message(capsys) -> None:
    assert "--data-dir goes before the command" in refused(capsys, "plan", "p.json", "--data-dir", "d")
    assert "(--date goes after the command" in refused(capsys, "--date", "2026-01-01", "progress", "1")
    assert refused(capsys, "plans", "lst").endswith("invalid choice: 'lst' (choose from 'list', 'show', 'export', "
                                                    "'import')")  # no option mistyped: argparse's own words
