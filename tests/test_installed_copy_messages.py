"""What an installed (frozen) copy says of itself: its own program name and the folders it ships, never the source
checkout's ``main.py`` or a ``resources/`` path relative to nowhere. Seen in review of the frozen build: "main.py
schema session-log" in ``sessions --help``, "see main.py db check", "resources/examples/profiles has one for each
etiology", "see import-template.csv" with no folder, and Help > About naming one of the six fonts a handout embeds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from core.app_info import bundled_components
from core.commands import db as db_command
from core.plan.profile import ProfileError, parse_profile
from core.plan.session_log import SessionLogError, parse_session
from core.resources import resource_path

INSTALLED = Path("/opt/Treadwell-0.1.0/treadwell")


@pytest.fixture
def installed(monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(INSTALLED))


def test_messages_that_name_a_command_name_the_installed_program(installed, capsys, tmp_path) -> None:
    from core.cli import build_parser

    with pytest.raises(ProfileError) as empty_profile:
        parse_profile("  ")
    said = empty_profile.value.problems[0]
    assert "(treadwell schema profile; " in said and "main.py" not in said, said
    examples = resource_path("examples", "profiles")
    assert f"{examples} has one for each etiology" in said and any(examples.glob("*.json")), said
    with pytest.raises(SessionLogError) as empty_session:
        parse_session("")
    assert "(treadwell schema session-log)" in empty_session.value.problems[0]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["sessions", "--help"])
    shown = capsys.readouterr().out
    assert "treadwell schema session-log" in " ".join(shown.split()) and "main.py" not in shown, shown
    assert db_command.run(argparse.Namespace(db_action="restore", backup="nosuch", records=None),
                          _data_dir(tmp_path)) == 2
    assert "No backup named nosuch (see treadwell db check for the list)." in capsys.readouterr().err


def test_a_refused_import_says_where_the_template_is(run_main, tmp_path) -> None:
    studies = tmp_path / "mine.csv"
    studies.write_text("title,year\nA study,2024\n", encoding="utf-8")
    refused = run_main("evidence", "import", str(studies), data_dir=tmp_path / "data")
    said = refused.stderr.splitlines()
    assert refused.returncode == 2 and said[0].startswith("mine.csv: file: missing columns: "), said
    template = resource_path("evidence", "import-template.csv")
    assert said[-1] == f"The template and its notes: {template} and import-template.md beside it.", said
    assert template.is_file() and template.with_suffix(".md").is_file()


def test_about_names_every_font_a_handout_embeds_with_its_licence_as_shipped() -> None:
    fonts = {c.name: c.licence for c in bundled_components() if "handout font" in c.name}
    shipped = {path.stem.split("-")[0].removesuffix("Full") for path in resource_path("fonts").glob("*.ttf")}
    assert {name.split(" (")[0].replace(" ", "") for name in fonts} == shipped, (fonts, shipped)
    for name, licence in fonts.items():
        licence_file = Path(licence.rsplit(" (", 1)[1].rstrip(")"))
        assert licence_file.is_absolute() and licence_file.is_file(), (name, licence)


def _data_dir(tmp_path: Path):
    from core.data_dir import DataDir

    return DataDir(tmp_path / "data").prepare()
