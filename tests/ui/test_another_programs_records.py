"""The window, given another program's database where the records file should be: says so (not "damaged"), offers
the restore, and writes nothing to it. Seen in review: the status line said "The records database is damaged" under
a dialog that said it was another program's."""

from __future__ import annotations

from tests.storage.helpers import digest
from tests.storage.test_another_programs_database import another_programs
from tests.ui.test_records_startup import saved_and_backed_up, window_offering_restore


def test_the_window_says_whose_database_it_is_and_offers_the_restore(qtbot, data_dir, monkeypatch) -> None:
    saved_and_backed_up(data_dir)
    for path in data_dir.root.glob("treadwell.sqlite3*"):
        path.unlink()
    another_programs(data_dir.database_path, "meta")
    before = digest(data_dir.database_path)
    window, offered = window_offering_restore(qtbot, data_dir, monkeypatch)
    assert offered and offered[0].startswith("The records file treadwell.sqlite3 is another program's database")
    assert window.statusBar().currentMessage() == (
        "The records database is another program's database; it has not been changed. File > Restore the newest good "
        "backup puts one in place.")
    assert digest(data_dir.database_path) == before
