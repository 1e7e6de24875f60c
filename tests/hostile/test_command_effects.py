"""A command's effects all happen, or it says exactly which did; a version is never filed under
another person; ids SQLite cannot hold are refused before anything is opened."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources/examples/profiles/chemotherapy-neuropathy.json"


def profile_file(tmp_path, name: str):
    path = tmp_path / f"{abs(hash(name))}.json"
    path.write_text(json.dumps({**json.loads(EXAMPLE.read_text()), "name": name}), encoding="utf-8")
    return path


def patients(run_main, data) -> int:
    return len(json.loads(run_main("plans", "list", "--format", "json", data_dir=data).stdout))


def test_another_persons_profile_is_not_filed_under_an_existing_patient(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    first = run_main("plan", str(profile_file(tmp_path, "Ann Lee")), "--save", data_dir=data)
    patient = json.loads(run_main("plans", "show", first.stdout.split()[-1], "--format", "json",
                                  data_dir=data).stdout)["patient_id"]
    other = run_main("plan", str(profile_file(tmp_path, "Bob Stone")), "--save", "--patient", str(patient),
                     data_dir=data)
    assert other.returncode == 2 and "--same-patient" in other.stderr and "Bob" not in other.stderr
    same = run_main("plan", str(profile_file(tmp_path, "ANN LÉE")), "--save", "--patient", str(patient),
                    data_dir=data)  # case and accents aside it is the same name
    assert same.returncode == 0, same.stderr
    corrected = run_main("plan", str(profile_file(tmp_path, "Anne Lee")), "--save", "--patient", str(patient),
                         "--same-patient", data_dir=data)
    assert corrected.returncode == 0, corrected.stderr
    assert patients(run_main, data) == 1


def test_a_handout_that_cannot_be_made_saves_nothing(run_main, tmp_path, monkeypatch, capsys) -> None:
    from core import cli
    from core.data_dir import DataDir
    from core.handout.export import HandoutError

    def unprintable(handout):
        raise HandoutError("The handout was not made: its fonts cannot print a character.")

    monkeypatch.setattr("core.handout.export.render_handout", unprintable)
    data = DataDir(tmp_path / "data").prepare()
    args = cli.parse_args(["plan", str(profile_file(tmp_path, "Ann Lee")), "--save", "--pdf", str(tmp_path / "o.pdf")])
    assert cli.run_command(args, data) == 2
    assert "Nothing was saved" in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists() and patients(run_main, tmp_path / "data") == 0


def test_a_handout_that_cannot_be_written_after_the_save_says_the_plan_was_saved(run_main, tmp_path, monkeypatch,
                                                                                  capsys) -> None:
    """A folder that cannot be written to is refused before the save (the handout is written beside its place
    first); the last rename failing after the save (the folder removed meanwhile) says the plan is saved, with
    its id, and leaves no temporary file."""
    from core import cli
    from core.atomic import WriteError
    from core.data_dir import DataDir

    def folder_gone(*args, **kwargs):
        raise WriteError("out.pdf could not be saved: No such file or directory.")

    monkeypatch.setattr("core.atomic.StagedFile.commit", folder_gone)
    data = DataDir(tmp_path / "data").prepare()
    args = cli.parse_args(["plan", str(profile_file(tmp_path, "Ann Lee")), "--save", "--pdf",
                           str(tmp_path / "out.pdf")])
    assert cli.run_command(args, data) == 1  # not written: a failure, not bad input
    said = capsys.readouterr()
    plan_id = said.out.strip().splitlines()[-1]
    assert f"saved as plan {plan_id}" in said.err and "No such file or directory" in said.err
    assert patients(run_main, tmp_path / "data") == 1
    assert not list(tmp_path.glob(".out.pdf.*")) and not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("value", ["99999999999999999999", "9223372036854775808", "-1", "0", "1e3", "٣"])
def test_ids_sqlite_cannot_hold_are_refused_plainly(run_main, tmp_path, value) -> None:
    for args in (("plans", "show", value), ("plans", "export", value, str(tmp_path / "b.json"))):
        result = run_main(*args, data_dir=tmp_path / "data")
        assert result.returncode == 2 and "an id is a whole number" in result.stderr and "Traceback" not in result.stderr
