"""``plan --save`` of a new patient whose namesake another workstation saves after the command looked the name up:
refused at the save, said as the look-up says it, and logged by patient id for the clinic's IT (never the name)."""

from __future__ import annotations

import logging

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_a_namesake_saved_after_the_look_up_is_refused_at_the_save(tmp_path, monkeypatch, capsys, caplog) -> None:
    from core.commands import plan

    data = DataDir(tmp_path / "data").prepare()
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0  # the other workstation's
    monkeypatch.setattr(plan, "_namesakes_refused", lambda *_: False)  # looked up before it was saved
    capsys.readouterr()
    pdf = tmp_path / "handout.pdf"
    with caplog.at_level(logging.INFO, logger="treadwell.clinic"):
        status = run_command(parse_args(["plan", str(EXAMPLE), "--save", "--pdf", str(pdf)]), data)
    assert status == 2
    said = capsys.readouterr().err
    assert f"{EXAMPLE.name}: not saved: patient 1 has the same name, " in said and "--new-patient" in said
    assert said.endswith("No handout was written.\n") and not pdf.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]  # nor one half-written beside it
    logged = [record.getMessage() for record in caplog.records if record.name == "treadwell.clinic"]
    assert logged == ["a save was refused: a new patient's name was saved meanwhile, as patient 1"]
    assert run_command(parse_args(["plans", "list", "--format", "json"]), data) == 0
    assert capsys.readouterr().out.count('"patient_id"') == 1
