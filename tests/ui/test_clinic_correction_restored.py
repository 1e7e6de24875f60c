"""A walk being corrected, deleted on another workstation and restored there, is corrected, not logged again. Seen by
a clinic's tester: once the walk was back in the log, the window still said it had been deleted, and Add session
("Log what is in the form as a new walk?", Yes) logged it a second time, the same walk counted twice in the course."""

from __future__ import annotations

from tests.ui.course_helpers import walk
from tests.ui.test_clinic_sessions import _correcting, _patient_with_a_walk


def test_a_correction_goes_on_over_the_walk_restored_elsewhere(qtbot, data_dir, clinic_url) -> None:
    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_url)
    try:
        record, view = _correcting(window, "A's correction")
        other.delete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: not window.course.sessions, timeout=8_000)
        assert view.correcting is None and "was deleted elsewhere" in view.message.text()
        other.undelete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: len(window.course.sessions) == 1, timeout=8_000)
        assert view.correcting is not None and view.correcting.id == record.id
        assert view.message.text().startswith(f"The session of {record.date.isoformat()} is back in the log "
                                              "(restored elsewhere): Save correction saves what you typed over it")
        assert view.save_button.text() == "&Save correction" and view._fields.note.text() == "A's correction"
        view.save_button.click()  # no question: it corrects the walk that is back
        [walked] = other.sessions(window.editor.patient_id)
        assert (walked.id, walked.note) == (record.id, "A's correction")
    finally:
        other.connection.close()
    window.gateway.close()


def test_a_patient_deleted_while_the_window_was_away_is_said_after_connecting_again(qtbot, data_dir,
                                                                                    clinic_url) -> None:
    """Seen by a clinic's tester: a plan save waiting for the server, the patient deleted on another workstation
    meanwhile; on connecting again "Patient 6 was deleted elsewhere ... Save plan makes it a new patient" was written
    over at once by "Connected to the clinic database again". Here an edit not saved, the patient deleted elsewhere
    before the window hears of it, and the records read anew as on signing in again."""
    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_url)
    try:
        patient = window.editor.patient_id
        window.editor.form.numbers["weeks"].setText("9")  # an edit not saved
        window.editor.recompute()
        other.delete_patient(patient, clinician="Dr B")
        window._read_anew()  # as on signing in again after the connection was lost
        said = window.statusBar().currentMessage()
        assert said.startswith("Connected to the clinic database again: the records are read anew. "
                               f"Patient {patient} was deleted elsewhere (on another workstation, or in another "
                               "Treadwell window)."), said  # no backup restored of a clinic server (a clinic's try)
        assert "Save plan asks first, then saves it as a new patient" in said
    finally:
        other.connection.close()
    window.gateway.close()


def test_a_walk_changed_before_it_was_restored_is_not_overwritten_unseen(qtbot, data_dir, clinic_url) -> None:
    """Seen in review: the restored walk became the correction's base, so a colleague's correction made before the
    delete and restore was overwritten without the both-shown question a correction made meanwhile gets."""
    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_url)
    try:
        record, view = _correcting(window, "A's correction")
        other.edit_session(record.id, walk(3, 1, minutes=11, note="B's correction"), clinician="Dr B",
                           based_on=record.updated_at)
        other.delete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: not window.course.sessions, timeout=8_000)
        other.undelete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: len(window.course.sessions) == 1, timeout=8_000)
        view.save_button.click()
        said = view.message.text()  # both shown, as for a correction made meanwhile
        assert said.startswith("Not saved: ") and 'Theirs: ' in said and 'note "B\'s correction"' in said, said
        assert "Save the correction again to put yours in place of theirs" in said, said
        assert other.get_session(record.id).note == "B's correction"  # theirs kept, until yours is saved again
    finally:
        other.connection.close()
    window.gateway.close()


def test_a_new_walk_typed_after_the_delete_stays_a_new_walk_when_the_old_one_is_restored(qtbot, data_dir,
                                                                                       clinic_url) -> None:
    """Seen in review: told "Add session logs it as a new walk", the clinician typed another walk over the form; the
    deleted walk restored elsewhere turned the form into its correction, and Enter would have saved over it."""
    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_url)
    try:
        record, view = _correcting(window, "A's correction")
        other.delete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: not window.course.sessions, timeout=8_000)
        view._fields.note.setText("another walk")
        other.undelete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: len(window.course.sessions) == 1, timeout=8_000)
        assert view.correcting is None and view.save_button.text() == "&Add session"
        assert "is back in the log (restored elsewhere). The form holds what you typed since" in view.message.text()
        view.save_button.click()  # logged as a new walk, without the "deleted elsewhere" question
        assert sorted(s.note for s in other.sessions(window.editor.patient_id)) == ["", "another walk"]
    finally:
        other.connection.close()
    window.gateway.close()
