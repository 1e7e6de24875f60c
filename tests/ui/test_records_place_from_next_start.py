"""Settings saved with the clinic database in them say the records move there at Treadwell's next start, and stay
where they are until then. Seen in a clinic's try: "Settings saved." beside "Records: this workstation", and a
clinician could carry on saving patients on the workstation as if on the clinic's server."""

from __future__ import annotations

from core.settings import Settings
from tests.ui.course_helpers import open_window


def test_a_clinic_database_set_in_settings_is_said_to_be_used_from_the_next_start(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window._use_settings(Settings(records_url="postgresql://ada_osei@clinic-server/treadwell"))
    assert window.statusBar().currentMessage() == (
        "Settings saved. Treadwell keeps the patient records on the clinic database from its next start; until then, "
        "this window keeps them on this workstation.")
    assert "this workstation" in window._where_label.text()
    window._use_settings(Settings(records_url="postgresql://ada_osei@clinic-server/treadwell", clinic_name="R"))
    assert window.statusBar().currentMessage() == (
        "Settings saved. Treadwell keeps the patient records on the clinic database from its next start; until then, "
        "this window keeps them on this workstation.")  # still so: said again


def test_settings_that_keep_the_records_where_they_are_say_nothing_of_it(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window._use_settings(Settings(clinic_name="Riverside Clinic"))
    assert window.statusBar().currentMessage() == "Settings saved."


def test_what_is_said_of_each_move_of_the_records() -> None:
    """Seen in review: a window on one clinic database, set to another, was told it kept the records on this
    workstation until the next start."""
    from ui.clinic_settings import records_move_said

    assert records_move_said("postgresql://b@server-b/treadwell", True) == (
        " Treadwell keeps the patient records on another clinic database from its next start; until then, this window "
        "keeps them on the clinic database it opened.")
    assert records_move_said("", True) == (
        " Treadwell keeps the patient records on this workstation from its next start; until then, this window keeps "
        "them on the clinic database it opened.")
