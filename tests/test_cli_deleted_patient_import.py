"""``plans import`` of a patient deleted here is refused, saying when and by whom they were deleted and how to bring
them back (--bring-back); seen in review: a deleted patient came back from another workstation's bundle without a
word."""

from __future__ import annotations

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from core.storage.database import open_database
from core.storage.sqlite_records import SqliteRecords
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_a_deleted_patient_is_imported_only_when_brought_back(tmp_path, capsys) -> None:
    data = DataDir(tmp_path / "data").prepare()
    bundle = tmp_path / "patient.json"
    assert run_command(parse_args(["plan", str(EXAMPLE), "--save"]), data) == 0
    assert run_command(parse_args(["plans", "export", "1", str(bundle)]), data) == 0
    db = open_database(data.database_path)
    SqliteRecords(db).delete_patient(1, clinician="Dr Reyes")  # in the window, on this workstation
    db.close()
    capsys.readouterr()
    assert run_command(parse_args(["plans", "import", str(bundle)]), data) == 2
    said = capsys.readouterr().err
    assert said.startswith("patient.json: not imported, as the bundle's patient was deleted here: patient 1, on ")
    assert said.endswith(" by Dr Reyes. An import does not undo a deletion; where the deletion was a mistake, "
                         "--bring-back imports them again (under a new patient id).\n")
    assert run_command(parse_args(["plans", "list"]), data) == 0
    assert "No plans are saved yet." in capsys.readouterr().err
    assert run_command(parse_args(["plans", "import", str(bundle), "--bring-back"]), data) == 0
    assert capsys.readouterr().out.startswith("Imported patient 2: 1 plan version (plan id 2) and 0 sessions.")
