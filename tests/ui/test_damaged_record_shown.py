"""A patient whose stored record is damaged is said so in Records, never quoted (seen when a tester damaged a stored
profile: the versions pane and the status bar showed pydantic's error with the patient's name in it)."""

from __future__ import annotations

from core.storage import records
from core.storage.database import open_database
from tests.storage.helpers import example
from tests.storage.test_damaged_text import damage
from tests.ui.course_helpers import open_window

NAME = "Zyxwv Qutlenberg"


def test_the_versions_of_a_damaged_record_are_said_to_be_damaged_without_its_text(qtbot, data_dir) -> None:
    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(name=NAME), clinician="Dr A")
    db.close()
    damage(data_dir.database_path, b'"sex":', 0, ord("#"))  # readable text, no longer JSON
    window = open_window(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.records)
    window.records.table.selectRow(0)
    qtbot.waitUntil(lambda: window.records.history.count() > 0, timeout=5000)
    said = window.records.history.item(0).text()
    assert "Plan version 1 of patient 1 cannot be read: its stored record is damaged" in said, said
    assert "Qutlenberg" not in said + window.statusBar().currentMessage() and "validation" not in said
