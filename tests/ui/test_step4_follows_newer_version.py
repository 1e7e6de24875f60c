"""Step 4 follows a newer version another workstation (or the window holding the records) saved of the patient on
screen, where the plan in force was open and nothing typed (seen in a clinic's try: the older version stayed on
screen, for its handout to be printed); an older version opened on purpose, or anything typed, stays."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.storage.helpers import example
from tests.ui.course_helpers import fill, saved_patient


def _saved_elsewhere(window, **changes):
    """Version 2 of the patient on screen, saved by Dr B as another window of the clinic does, then told."""
    first = window.editor.plan_id
    theirs = window.gateway.save_plan(*example(name="Lena Berg", **changes), [], clinician="Dr B",
                                      patient_id=window.editor.patient_id, based_on=first)
    window._show_saved_elsewhere()
    return first, theirs


def test_the_plan_in_force_on_screen_with_nothing_typed_follows_the_newer_version(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    _first, theirs = _saved_elsewhere(window, weeks=8)
    assert window.editor.plan_id == theirs.id and not window.editor.dirty
    assert window.editor.form.numbers["weeks"].text() == "8"
    assert "An older version" not in window.editor.header.text()
    assert window.statusBar().currentMessage() == (
        "Updated: the Treadwell window that holds the records saved a change. Step 4 now shows version 2, the plan "
        "in force, saved by Dr B; version 1 was on screen, and nothing had been typed in it.")
    assert window.course.shown_plan_id == theirs.id
    window._show_saved_elsewhere()  # said once
    assert window.statusBar().currentMessage() == "Updated: the Treadwell window that holds the records saved a change."


def test_unsaved_changes_stay_on_the_version_they_were_made_on(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    window.editor.form.numbers["resting_hr"].setText("74")
    first, _theirs = _saved_elsewhere(window, weeks=8)
    assert window.editor.plan_id == first and window.editor.dirty
    assert window.editor.form.numbers["resting_hr"].text() == "74"


def test_a_walk_typed_keeps_the_version_on_screen(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    fill(window.sessions, week=1, minutes=9, rpe=12, note="typed, not added")
    first, _theirs = _saved_elsewhere(window, weeks=8)
    assert window.editor.plan_id == first and window.sessions._fields.note.text() == "typed, not added"


def test_a_reason_typed_keeps_the_version_on_screen(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    window.editor.reason.setText("Reassessed at week 2")
    first, _theirs = _saved_elsewhere(window, weeks=8)
    assert window.editor.plan_id == first and window.editor.reason.text() == "Reassessed at week 2"


def test_a_week_cell_being_typed_in_keeps_the_version_on_screen(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    window.tabs.setCurrentWidget(window.editor)
    table = window.editor.panel.table
    table.setCurrentIndex(table.model().index(1, 3))
    table.edit(table.currentIndex())  # the clinician typing a week's minutes
    assert window.editor.panel.editing()
    first, _theirs = _saved_elsewhere(window, weeks=8)
    assert window.editor.plan_id == first and window.editor.panel.editing()
    qtbot.keyClick(table.indexWidget(table.currentIndex()), Qt.Key.Key_Escape)
    window._show_saved_elsewhere()  # kept on screen once, it stays with its note, as an older version opened does
    assert window.editor.plan_id == first and "An older version" in window.editor.header.text()


def test_a_handout_on_its_way_to_print_keeps_the_version_on_screen(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    window.handout._pending = "print"  # Print asked for while the handout is made: it is of the version on screen
    first, _theirs = _saved_elsewhere(window, weeks=8)
    assert window.editor.plan_id == first and window.handout.handing_out


def test_a_refresh_not_from_elsewhere_never_changes_the_version_on_screen(qtbot, data_dir) -> None:
    """Seen in review: followed from every read of the course (an import, a walk deleted), without a word."""
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    first = window.editor.plan_id
    window.gateway.save_plan(*example(name="Lena Berg", weeks=8), [], clinician="Dr B",
                             patient_id=window.editor.patient_id, based_on=first)
    window._refresh_course()
    assert window.editor.plan_id == first and "An older version" in window.editor.header.text()


def test_an_older_version_opened_on_purpose_stays(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    first, second = _saved_elsewhere(window, weeks=8)
    window.open_plan(first)  # looking back at version 1
    window.gateway.save_plan(*example(name="Lena Berg", weeks=9), [], clinician="Dr C",
                             patient_id=window.editor.patient_id, based_on=second.id)
    window._show_saved_elsewhere()
    assert window.editor.plan_id == first and "An older version" in window.editor.header.text()


def test_on_the_clinic_server_another_workstations_version_is_followed_within_seconds(qtbot, data_dir,
                                                                                      clinic_url) -> None:
    from core.storage.clinic import open_clinic_records
    from tests.ui.test_clinic_window import clinic_window

    window = clinic_window(qtbot, data_dir, clinic_url)
    window.editor.form.set_profile(example(name="Lena Berg")[0])
    assert window.save_plan()
    other = open_clinic_records(clinic_url, lambda etiology: [])
    try:
        theirs = other.save_plan(*example(name="Lena Berg", weeks=8), clinician="Dr B",
                                 patient_id=window.editor.patient_id, based_on=window.editor.plan_id)
        qtbot.waitUntil(lambda: window.editor.plan_id == theirs.id, timeout=8_000)
    finally:
        other.connection.close()
    assert window.statusBar().currentMessage() == (
        "Updated from the clinic database (1 patient changed on another workstation). Step 4 now shows version 2, the "
        "plan in force, saved by Dr B (test_clinician); version 1 was on screen, and nothing had been typed in it.")
    window.gateway.close()
