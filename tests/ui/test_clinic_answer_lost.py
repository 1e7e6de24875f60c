"""The connection to the clinic server drops after the server saved, before its answer came back: the window says
"not saved yet", and its try again finds what was saved. Seen in review (a relay dropping the connection after COMMIT):
the try again saved the new patient a second time, and a walk logged again was logged twice."""

from __future__ import annotations

import pytest

from core.storage.clinic import open_clinic_records
from tests.lost_answer import AnswerLostAfterCommit
from tests.storage.helpers import example
from tests.ui.course_helpers import walk
from tests.ui.test_clinic_window import clinic_window


@pytest.mark.slow
def test_a_save_whose_answer_was_lost_is_not_saved_twice(qtbot, data_dir, clinic_url, monkeypatch) -> None:
    monkeypatch.setattr("ui.clinic_link.RETRY_MS", 500)  # signed in again, and the save tried again, sooner
    relay = AnswerLostAfterCommit(clinic_url)
    window = clinic_window(qtbot, data_dir, relay.url)
    check = open_clinic_records(clinic_url, lambda etiology: [])
    try:
        window.editor.form.set_profile(example(name="Ines Duarte")[0])
        relay.armed.set()
        assert window.save_plan() is False
        assert relay.answer_lost.is_set() and "Not saved yet" in window.statusBar().currentMessage()
        assert [row.patient_name for row in check.list_plans()] == ["Ines Duarte"]  # saved, unknown to the window

        qtbot.waitUntil(lambda: not window.editor.dirty, timeout=30_000)  # signed in again, and the save tried again
        assert [row.patient_name for row in check.list_plans()] == ["Ines Duarte"]
        [version] = check.plan_history(window.editor.patient_id)
        assert window.editor.plan_id == version.id
        assert window.statusBar().currentMessage().startswith("Saved plan version 1 of Ines Duarte")

        window.editor.form.set_profile(example(name="Ines Duarte", weeks=10)[0])  # a new version, and why
        window.editor.reason.setText("longer course after review")
        relay.answer_lost.clear()
        relay.armed.set()
        assert window.save_plan() is False and relay.answer_lost.is_set()
        qtbot.waitUntil(lambda: not window.editor.dirty, timeout=30_000)  # read anew on signing in, then tried again
        assert [(v.version, v.reason) for v in check.plan_history(version.patient_id)] == [
            (1, ""), (2, "longer course after review")]
        said = window.statusBar().currentMessage()
        assert said.startswith("Saved plan version 2 of Ines Duarte"), said  # not "no changes" (seen in review)
        assert window.editor.reason.text() == ""  # kept with the version it was typed for, not for the next

        relay.answer_lost.clear()
        relay.armed.set()
        window._on_sessions_log_requested(walk(0, 1))
        assert relay.answer_lost.is_set() and len(check.sessions(version.patient_id)) == 1
        said = window.sessions.message.text()
        assert said.startswith("Not saved") and "Add the session again once it answers: a walk it took already is " \
            "found then, not logged twice." in said, said
        qtbot.waitUntil(lambda: not window.gateway.unanswered and not window._asking_server, timeout=30_000)
        window._on_sessions_log_requested(walk(0, 1))  # Log pressed again, as the message asks
        assert len(check.sessions(version.patient_id)) == 1, window.sessions.message.text()
        assert window.sessions.message.text().startswith(f"Session of {walk(0, 1).date.isoformat()} logged")
        assert len(window.course.sessions) == 1
    finally:
        check.connection.close()
        window.gateway.close()
        relay.close()
