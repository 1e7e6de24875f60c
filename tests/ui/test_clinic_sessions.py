"""A session corrected, deleted or typed on one workstation while another changes the same patient on the clinic
server: nothing is overwritten unseen, nothing typed is cleared, and a workstation's own saves are not told as
another's (seen in review, with two windows on one PostgreSQL database)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from core.storage.clinic import open_clinic_records
from tests.storage.helpers import example
from tests.ui.course_helpers import walk
from tests.ui.test_clinic_window import clinic_window


def _patient_with_a_walk(qtbot, data_dir, clinic_url):
    window = clinic_window(qtbot, data_dir, clinic_url)
    window.editor.form.set_profile(example(name="Nora Quist")[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    window.gateway.add_session(window.editor.patient_id, walk(3, 1, minutes=10), clinician="Dr A")
    window._refresh_course()
    return window, open_clinic_records(clinic_url, lambda etiology: [])


def _correcting(window, note: str):
    """The patient's one walk loaded into the form for correction, with ``note`` typed: (the walk, the view)."""
    [record] = window.course.sessions
    view = window.sessions
    view.load_for_correction(record)
    view._fields.note.setText(note)
    return record, view


def test_a_correction_made_elsewhere_meanwhile_is_not_overwritten_unseen(qtbot, data_dir, clinic_url) -> None:
    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_url)
    try:
        record, view = _correcting(window, "A's correction")
        other.edit_session(record.id, walk(3, 1, minutes=11, note="B's correction"), clinician="Dr B",
                           based_on=record.updated_at)
        qtbot.waitUntil(lambda: window.course.sessions[0].note == "B's correction", timeout=8_000)  # read again
        view.save_button.click()
        said = view.message.text()
        # named, as a plan's saver is, with the role signed in: both windows sign in as test_clinician
        assert said.startswith("Not saved: this session was changed by Dr B (test_clinician) at "), said
        assert 'Yours: ' in said and 'note "A\'s correction"' in said and 'note "B\'s correction"' in said, said
        assert other.get_session(record.id).note == "B's correction"  # theirs kept
        assert view._fields.note.text() == "A's correction"  # yours kept on screen
        assert "Save the correction again to put yours in place of theirs" in said, said
        view.save_button.click()  # seen by a clinic's tester: refused again and again, until retyped
        assert other.get_session(record.id).note == "A's correction", view.message.text()
    finally:
        other.connection.close()
    window.gateway.close()


def test_what_is_typed_stays_when_another_workstation_saves_a_version_or_deletes_the_session(
        qtbot, data_dir, clinic_url, monkeypatch) -> None:
    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_url)
    try:
        record, view = _correcting(window, "A typing, not saved")
        other.save_plan(*example(name="Nora Quist", weeks=10), clinician="Dr B", patient_id=window.editor.patient_id,
                        based_on=window.editor.plan_id)
        qtbot.waitUntil(lambda: window.course.in_force.version == 2, timeout=8_000)
        assert view.correcting is not None and view._fields.note.text() == "A typing, not saved"
        other.delete_session(record.id, clinician="Dr B")
        qtbot.waitUntil(lambda: not window.course.sessions, timeout=8_000)
        assert view.correcting is None and view._fields.note.text() == "A typing, not saved"
        assert "was deleted elsewhere while you corrected it. What you typed stays in the form: Add session logs " \
            "it as a new walk" in view.message.text()  # seen by a clinic's tester: "Cancel to drop it", no Cancel
        assert view.save_button.text() == "&Add session" and view.deleted_button.isEnabled()
        # the button that read "Save correction" asks first (seen in review: a click meant for the correction logged
        # the walk again, as a new one), then the next poll's reading of the log keeps the question
        asked, answer = [], QMessageBox.StandardButton.No
        monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or answer)
        view.save_button.click()
        assert asked and asked[0].startswith("The session of ") and "deleted elsewhere" in asked[0]
        assert other.sessions(window.editor.patient_id) == [] and view._fields.note.text() == "A typing, not saved"
        window._refresh_course()
        answer = QMessageBox.StandardButton.Yes
        view.save_button.click()
        assert len(asked) == 2 and [s.note for s in other.sessions(window.editor.patient_id)] == ["A typing, not saved"]
    finally:
        other.connection.close()
    window.gateway.close()


def test_a_workstations_own_save_is_not_told_as_another_workstations(qtbot, data_dir, clinic_url) -> None:
    window = clinic_window(qtbot, data_dir, clinic_url)
    window.editor.form.set_profile(example(name="Ola Ness")[0])
    assert window.save_plan()
    said = window.statusBar().currentMessage()
    assert "Saved" in said
    qtbot.wait(3_000)  # past a poll of the clinic database (every 2 s)
    assert window.gateway.changes() == (set(), False)
    assert "another workstation" not in window.statusBar().currentMessage()
    window.gateway.close()


def test_back_up_now_on_the_clinic_server_says_the_server_backs_up_the_records(qtbot, data_dir, clinic_url) -> None:
    """Seen in review: "Backed up and verified" named this workstation's own file, as if the records were in it."""
    window = clinic_window(qtbot, data_dir, clinic_url)
    with qtbot.waitSignal(window.backup_finished, timeout=20_000):
        window.backup_action.trigger()
    said = window.statusBar().currentMessage()
    assert "Backed up and verified" in said and "The patient records are on the clinic server" in said, said
    window.gateway.close()



def test_the_days_backup_at_start_up_on_the_clinic_server_says_the_server_backs_up_the_records(qtbot, data_dir,
                                                                                              clinic_url) -> None:
    """Seen by a clinic's tester: "Backed up to treadwell-....sqlite3" at start-up read as the records being safe."""
    window = clinic_window(qtbot, data_dir, clinic_url)
    said = window._backed_up("treadwell-20261205.sqlite3")
    assert said.startswith("Backed up to treadwell-20261205.sqlite3. The patient records are on the clinic server")
    window.gateway.close()


def test_a_walk_the_server_could_not_take_is_said_ready_to_log_once_it_is_back(qtbot, data_dir, own_server,
                                                                              caplog) -> None:
    """Seen by a clinic's tester: "Not saved. The clinic database's server ended..." stayed under the session form
    long after the server was back, until the walk was added again. In a clinic's try, the log held no word of it."""
    from tests.conftest import clinic_database
    from tests.ui.course_helpers import fill

    window = clinic_window(qtbot, data_dir, clinic_database(own_server))
    window.editor.form.set_profile(example(name="Nora Quist")[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=12, note="windy")
    own_server.pause()
    view.save_button.click()
    assert view.message.text().startswith("Not saved") and view.note.text() == "windy"  # kept
    logged = [record.getMessage() for record in caplog.records if record.name == "treadwell.clinic"]
    assert any(line.startswith("clinic database: a change to a patient's walks was not made: ") for line in logged)
    assert not any("Nora" in line or "windy" in line for line in logged), logged
    qtbot.waitUntil(lambda: "connection lost" in window._where_label.text(), timeout=15_000)
    own_server.resume()
    qtbot.waitUntil(lambda: "as test_clinician" in window._where_label.text(), timeout=30_000)
    assert view.message.text() == "Connected to the clinic database again: Add session logs this walk now."
    view.save_button.click()
    assert [s.note for s in window.course.sessions] == ["windy"]
    window.gateway.close()


def test_a_correction_the_server_could_not_take_is_said_ready_to_save_by_its_own_button(qtbot, data_dir,
                                                                                      own_server) -> None:
    """Seen by a clinic's tester: back after an outage, the correction form said "Add session logs this walk now",
    where its button is Save correction."""
    from tests.conftest import clinic_database

    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_database(own_server))
    other.connection.close()
    record, view = _correcting(window, "corrected in the outage")
    own_server.pause()
    view.save_button.click()
    assert view.message.text().startswith("Not saved") and view.note.text() == "corrected in the outage"
    qtbot.waitUntil(lambda: "connection lost" in window._where_label.text(), timeout=15_000)
    own_server.resume()
    qtbot.waitUntil(lambda: "as test_clinician" in window._where_label.text(), timeout=30_000)
    assert view.message.text() == "Connected to the clinic database again: Save correction saves this correction now."
    assert view.save_button.text() == "&Save correction"
    view.save_button.click()
    assert [(s.id, s.note) for s in window.course.sessions] == [(record.id, "corrected in the outage")]
    window.gateway.close()


def test_a_delete_the_server_could_not_take_says_not_deleted(qtbot, data_dir, own_server) -> None:
    """Seen by a clinic's tester: a walk's delete refused while the server was away said "Not saved"."""
    from tests.conftest import clinic_database

    window, other = _patient_with_a_walk(qtbot, data_dir, clinic_database(own_server))
    other.connection.close()
    [record] = window.course.sessions
    own_server.pause()
    window._on_sessions_delete_requested(record)  # as the confirming question sends it
    said = window.sessions.message.text()
    assert said.startswith("Not deleted. ") and "Not saved" not in said, said
    own_server.resume()
    qtbot.waitUntil(lambda: "as test_clinician" in window._where_label.text(), timeout=30_000)
    assert [s.id for s in window.course.sessions] == [record.id]
    window.gateway.close()
