"""A walk the clinic database refused because the clinician's sign-in was disabled is said ready to log once the
clinician signs in again from the status bar's link (seen by a clinic's tester: "has disabled it" stayed in red under
the form after the administrator enabled the role again and the window had signed in)."""

from __future__ import annotations

import pytest

from core.workspace.clinic_errors import RoleDisabled
from tests.storage.helpers import example
from tests.ui.course_helpers import fill
from tests.ui.test_clinic_window import clinic_window

DISABLED = ("The clinic database does not let test_clinician sign in: the clinic's administrator has disabled it. Ask "
            "them, or sign in as another clinician.")


def test_a_walk_refused_for_a_disabled_sign_in_is_ready_to_log_once_signed_in_again(qtbot, data_dir,
                                                                                    clinic_url) -> None:
    window = clinic_window(qtbot, data_dir, clinic_url)
    window.editor.form.set_profile(example(name="Ines Roy")[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.sessions)
    view = window.sessions
    fill(view, week=1, minutes=9, rpe=12, note="windy")

    def disabled(*_args, **_kwargs):
        raise RoleDisabled(DISABLED)

    with pytest.MonkeyPatch.context() as administrator:
        administrator.setattr(window.gateway, "add_session", disabled)
        view.save_button.click()
    assert view.message.text() == f"Not saved. {DISABLED}" and view.note.text() == "windy"
    window._on_sign_in_link()  # the status bar's "Sign in", once the administrator has enabled the role again
    qtbot.waitUntil(lambda: view.message.text().startswith("Connected"), timeout=10_000)
    assert view.message.text() == "Connected to the clinic database again: Add session logs this walk now."
    view.save_button.click()
    assert [walk.note for walk in window.course.sessions] == ["windy"]
    window.gateway.close()
