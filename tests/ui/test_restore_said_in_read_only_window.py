"""A read-only window whose records were put back from a backup says so, not that the other window saved (seen by
a helper: after `db restore` of an older backup, three walks went from view under "Updated: the Treadwell window
that holds the records saved a change", and no window had saved anything)."""

from __future__ import annotations

from core.storage import records
from core.storage.backup import backup_database
from core.storage.database import open_database
from core.workspace.maintenance import restore
from tests.storage.helpers import example
from tests.ui.test_switch_to_editing import quick_polls, read_only_window  # noqa: F401 (the fixture: quick polls)


def test_a_restore_is_said_as_a_restore(qtbot, data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    backup = backup_database(data_dir.database_path, data_dir.backups_dir)
    records.save_plan(db, *example(name="Second Patient"), clinician="Dr A")
    db.close()
    window, holder = read_only_window(qtbot, data_dir)
    assert window.records.model.rowCount() == 2
    holder.release()  # the other window closed; then the command line's restore
    restore(data_dir, backup)
    qtbot.waitUntil(lambda: window.records.model.rowCount() == 1, timeout=5_000)
    assert window.statusBar().currentMessage() == ("Updated: a backup was restored in place of the records; what is "
                                                   "shown is read from it now.")
