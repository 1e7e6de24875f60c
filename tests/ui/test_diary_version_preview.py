"""The session form shows the version a corrected diary walk will go under as the records will put it: the walk being
corrected is no neighbour of its own (seen in review: the form's week range and blocked note came from version 2
while the records saved the walk under version 1)."""

from __future__ import annotations

import datetime as dt

from tests.ui.course_helpers import override_week, saved_patient, walk


def test_a_corrected_diary_walk_is_previewed_under_the_version_the_records_give_it(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)
    first = window.gateway.history(window.editor.patient_id)[0]
    override_week(window, 2, "12")
    assert window.save_plan()  # version 2, the same day
    second = window.gateway.history(window.editor.patient_id)[-1]
    patient = window.editor.patient_id
    window.gateway.add_session(patient, walk(9, 1), clinician="Dr A", plan_id=first.id)
    moved = window.gateway.add_session(patient, walk(3, 1), clinician="Dr A", plan_id=second.id)
    window._refresh_course()
    course = window._course
    day = dt.date.today() - dt.timedelta(days=2)
    assert course.version_on(day).id == second.id  # a new walk goes with the diary walk nearest before it (moved)
    assert course.version_on(day, besides=moved.id).id == first.id  # the moved walk itself: with the other
    saved = window.gateway.edit_session(moved.id, walk(2, 1), clinician="Dr A")
    assert saved.plan_id == first.id  # as previewed
