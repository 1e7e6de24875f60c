"""Studies the clinic imports are backed up like a patient's record: an import sets the records' last-change mark, by
which the window's start, a window left open and a command's first change of the day make a backup. Seen in review:
`evidence import` into a new data folder left "Backups: none yet" for good, the mark set only by patients' records."""

from __future__ import annotations

from core.cli import parse_args, run_command
from core.data_dir import DataDir
from core.storage.backup import list_backups
from core.storage.change_mark import last_change_at
from core.storage.database import open_database
from core.storage.maintenance import backup_due, backup_if_changed
from tests.test_evidence_import import GOOD_ROW, HEADER


def test_an_import_of_studies_alone_makes_a_backup_due(tmp_path, capsys) -> None:
    data = DataDir(tmp_path / "data").prepare()
    studies = tmp_path / "ours.csv"
    row = GOOD_ROW.replace(":neuroinflammation,", ":neuroinflammation-glia,")  # the shipped library's mechanism
    studies.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    assert run_command(parse_args(["evidence", "import", str(studies)]), data) == 0, capsys.readouterr().err
    db = open_database(data.database_path)
    try:
        assert last_change_at(db) is not None and backup_due(db, data)
        made = backup_if_changed(db, data, daily=7, weekly=4)  # as the window does when it starts
        assert made is not None and [info.path for info in list_backups(data.backups_dir)] == [made]
        assert not backup_due(db, data)
    finally:
        db.close()
