"""A clinic server restarted into a newer Treadwell's schema (or one whose clinicians' rights are gone) is said in the
status bar and the log once it answers, and not tried again every 10 seconds: seen by a clinic's tester, the window
said "connection lost; trying again every 10 seconds" for ever, and so did the log, while IT chased the network."""

from __future__ import annotations

import logging

import pytest

from core.workspace.clinic_errors import NotAClinician, ServerSchemaTooNew
from tests.storage.helpers import example


@pytest.mark.parametrize(("refusal", "said"), [
    (ServerSchemaTooNew, "The clinic database was set up by a newer Treadwell (p099_from_the_future); this workstation "
                         "will not write to it. Update Treadwell on this workstation."),
    (NotAClinician, "test_clinician is one of Treadwell's clinicians, but the clinic database refused the clinicians "
                    "the rights on its records."),
])
def test_a_server_back_but_refusing_is_said_and_not_tried_again(qtbot, data_dir, clinic_url, monkeypatch, caplog,
                                                                 refusal, said) -> None:
    from tests.ui.test_clinic_window import clinic_window

    window = clinic_window(qtbot, data_dir, clinic_url)
    window.editor.form.set_profile(example(name="Ines Roy")[0])
    assert window.save_plan(), window.statusBar().currentMessage()

    def refused() -> str:
        raise refusal(said)

    monkeypatch.setattr(window.gateway, "sign_in_again", refused)
    window.gateway._unanswered = True  # the server went away, and now answers
    with caplog.at_level(logging.WARNING):
        window._on_server_checked("")
    assert window.statusBar().currentMessage() == said
    assert "not signed in" in window._where_label.text() and not window.gateway.signed_in
    assert not (window.gateway.unanswered or window.gateway.listening_lost)  # nothing left to try again
    assert any(said in record.getMessage() for record in caplog.records)
    assert window.editor.form.name.text() == "Ines Roy"
    window.gateway.close()


def test_a_walk_refused_by_a_server_upgraded_meanwhile_signs_the_window_out_saying_why(qtbot, data_dir, clinic_url,
                                                                                      pg_server) -> None:
    """Found in review: told "this workstation will not write to it", the window stayed signed in and went on writing
    to the newer schema wherever it did not refuse."""
    from core.storage.clinic import connect
    from tests.storage.test_clinic_server import admin_url
    from tests.ui.course_helpers import walk
    from tests.ui.test_clinic_window import clinic_window

    window = clinic_window(qtbot, data_dir, clinic_url)
    window.editor.form.set_profile(example(name="Ines Roy")[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    with connect(admin_url(pg_server, clinic_url)) as admin:  # a newer Treadwell's upgrade, while signed in
        admin.execute("insert into treadwell_migrations (name) values ('p099_from_the_future')")
        admin.execute("alter table sessions add column from_the_future text not null default 'x'")
        admin.execute("alter table sessions alter column from_the_future drop default")
    with pytest.raises(ServerSchemaTooNew):
        window.gateway.add_session(window.editor.patient_id, walk(2, 1, minutes=10), clinician="Dr A")
    window._on_poll_timer_timeout()  # the window's next look at the server
    qtbot.waitUntil(lambda: not window.gateway.signed_in, timeout=15_000)
    assert window.statusBar().currentMessage().startswith("The clinic database was set up by a newer Treadwell "
                                                          "(p099_from_the_future)")
    assert "not signed in" in window._where_label.text()
    window.gateway.close()
