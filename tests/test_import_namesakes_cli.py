"""`plans import` refuses a patient new here whose name a patient here already has, naming them, unless
--new-patient says it is another person (seen by a tester: a third "Maria Schmidt" added without a word)."""

from __future__ import annotations

import json

from tests.test_records_cli import save


def test_an_imported_namesake_is_refused_until_said_to_be_another_person(run_main, tmp_path) -> None:
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    save(run_main, here)  # the same example profile, typed in on two workstations: two patients of one name
    save(run_main, elsewhere)
    bundle = tmp_path / "patient.json"
    assert run_main("plans", "export", "1", str(bundle), data_dir=elsewhere).returncode == 0
    refused = run_main("plans", "import", str(bundle), data_dir=here)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == (
        "patient.json: not imported: patient 1 has the bundle's patient's name. Check that they are not one person "
        "typed in on two workstations (the course of care would be split in two): if so, log the walks the bundle "
        "holds under patient 1 here (sessions add). If it is another person, say so: --new-patient.")
    assert len(json.loads(run_main("plans", "list", "--format", "json", data_dir=here).stdout)) == 1
    imported = run_main("plans", "import", str(bundle), "--new-patient", "--format", "json", data_dir=here)
    assert imported.returncode == 0 and json.loads(imported.stdout)["patient_id"] == 2
    again = run_main("plans", "import", str(bundle), data_dir=here)  # already here, by the bundle's id: not asked
    assert again.returncode == 0, again.stderr
