"""A new patient whose name nobody had when the window looked it up, saved by another workstation before this one
saves: the save is refused and the clinician asked, as if the namesake had been there all along (seen by a clinic's
tester: two workstations saving one new patient at once saved two patients, told only afterwards)."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window


@pytest.fixture
def saved_meanwhile(qtbot, data_dir, monkeypatch):
    """The window with a new patient on its form, whose namesake another workstation saves right after the window
    looked the name up; and the questions asked, answered from ``answers``."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example(name="Rosa Lind")[0])
    looked_up = window._namesakes

    def then_saved_elsewhere(name: str, *besides) -> list[int]:
        found = looked_up(name, *besides)
        if window.gateway.count_patients(None):  # looked up again: the namesake is there
            return found
        profile, plan = example(name="ROSA LIND")
        window.gateway.save_plan(profile, plan, [], clinician="colleague", patient_id=None)
        return found

    monkeypatch.setattr(window, "_namesakes", then_saved_elsewhere)
    monkeypatch.setattr(window, "_discard_ok", lambda: True)  # the form left unsaved, closed at the end
    asked, answers = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a: asked.append((title, text))
                        or answers.pop(0))
    return window, asked, answers


def test_no_keeps_the_form_and_saves_nothing(saved_meanwhile, caplog) -> None:
    window, asked, answers = saved_meanwhile
    answers.append(QMessageBox.StandardButton.No)
    with caplog.at_level(logging.INFO, logger="treadwell.clinic"):
        assert not window.save_plan()
    assert [title for title, _text in asked] == ["Another patient has this name"]
    assert asked[0][1].startswith("<p>Patient 1 (saved as ROSA LIND) has the same name, Rosa Lind. Save a new patient "
                                  "anyway?")
    assert window.statusBar().currentMessage() == ("Not saved: Patient 1 (saved as ROSA LIND) has the same name, "
                                                   "Rosa Lind.")
    assert window.gateway.count_patients(None) == 1 and window.editor.patient_id is None and window.editor.dirty
    said = [record.getMessage() for record in caplog.records if record.name == "treadwell.clinic"]
    assert said == ["a save was refused: a new patient's name was saved meanwhile, as patient 1"]  # no name logged


def test_yes_saves_a_second_patient_once(saved_meanwhile) -> None:
    window, asked, answers = saved_meanwhile
    answers.append(QMessageBox.StandardButton.Yes)
    assert window.save_plan(), window.statusBar().currentMessage()
    assert len(asked) == 1
    assert window.statusBar().currentMessage() == "Saved plan version 1 of Rosa Lind (patient 2)."
    assert window.gateway.count_patients(None) == 2 and window.editor.patient_id == 2


def test_tried_again_by_the_timer_it_is_said_not_asked(saved_meanwhile) -> None:
    window, asked, _answers = saved_meanwhile
    window._saving_on_retry = True  # the clinic server's retry (clinic_link): no question pops up unasked
    assert not window.save_plan()
    assert asked == [] and window.gateway.count_patients(None) == 1
    assert window.statusBar().currentMessage().endswith("Save again (Ctrl+S) to say whether this is a new patient.")
