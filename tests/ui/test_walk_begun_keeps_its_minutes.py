"""A walk being typed in the session log keeps the minutes it shows when another workstation (or the window holding
the records) saves a new version of the patient. Seen in a clinic's try: the week's planned 10 minutes, left as the
minutes walked, with the effort and a note typed, became 12 as a colleague saved a version, and the walk was added
as 12, unsaid; the other way, a reconnection put 10 back in place of the 12 shown."""

from __future__ import annotations

from tests.storage.helpers import example
from tests.ui.course_helpers import saved_patient


def _version_2_saved_elsewhere(window, **changes) -> None:
    window.gateway.save_plan(*example(name="Lena Berg", **changes), [], clinician="Dr B",
                             patient_id=window.editor.patient_id, based_on=window.editor.plan_id)
    window._show_saved_elsewhere()


def test_a_walk_begun_keeps_the_planned_minutes_it_showed(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg", baseline_walk_min=10)
    view = window.sessions
    shown = view.minutes.value()
    view.rpe.setValue(11)
    view.note.setText("fourth walk")  # the minutes left as the plan's: walked as planned
    _version_2_saved_elsewhere(window, baseline_walk_min=14)
    assert window.course.in_force.version == 2
    assert window.course.plan_in_force.weeks[0].main_min != shown  # the new version plans other minutes
    assert view.minutes.value() == shown and view.note.text() == "fourth walk"


def test_an_empty_form_takes_the_new_versions_minutes(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg", baseline_walk_min=10)
    _version_2_saved_elsewhere(window, baseline_walk_min=14)
    planned = window.course.plan_in_force.weeks[window.sessions.week.value() - 1].main_min
    assert window.sessions.minutes.value() == planned


def test_a_week_chosen_after_the_minutes_were_kept_suggests_its_own(qtbot, data_dir) -> None:
    """The minutes kept are the ones shown for the week the clinician chose; choosing another week is theirs to make."""
    window = saved_patient(qtbot, data_dir, name="Lena Berg", baseline_walk_min=10)
    view = window.sessions
    view.note.setText("fourth walk")
    _version_2_saved_elsewhere(window, baseline_walk_min=14)
    view.week.setValue(2)
    assert view.minutes.value() == window.course.plan_in_force.weeks[1].main_min
