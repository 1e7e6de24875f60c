"""A namesake refusal names the patient as saved where the name was typed otherwise (seen by a tester: "Patient 1 has
the same name, margaret o’brien" of a patient saved as Margaret O'Brien: the clinician could not tell who it was)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from tests.conftest import REPO_ROOT
from tests.storage.helpers import example
from tests.ui.course_helpers import open_window

PROFILE = REPO_ROOT / "resources" / "examples" / "profiles" / "parkinsons-pain.json"


def test_the_command_line_names_the_patient_as_saved(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", str(PROFILE), "--save", data_dir=data).returncode == 0
    typed = tmp_path / "typed.json"
    typed.write_text(json.dumps({**json.loads(PROFILE.read_text()), "name": "example patient (parkinson’s)"}))
    refused = run_main("plan", str(typed), "--save", data_dir=data)
    assert refused.returncode == 2
    assert "not saved: patient 1 (saved as Example Patient (Parkinson's)) has the same name, example patient " \
           "(parkinson’s)." in refused.stderr
    again = run_main("plan", str(PROFILE), "--save", data_dir=data)  # typed as saved: said once
    assert "not saved: patient 1 has the same name, Example Patient (Parkinson's)." in again.stderr


def test_the_window_names_the_patient_as_saved(qtbot, data_dir, monkeypatch) -> None:
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan()
    monkeypatch.setattr(window, "_discard_ok", lambda: True)
    window.new_patient()
    window.editor.form.set_profile(example(name="example patient (cipn)")[0])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    assert not window.save_plan()
    assert asked[0].startswith("<p>Patient 1 (saved as Example Patient (CIPN)) has the same name, example patient "
                               "(cipn). Save a new patient anyway?")
    assert window.statusBar().currentMessage() == ("Not saved: Patient 1 (saved as Example Patient (CIPN)) has the "
                                                   "same name, example patient (cipn).")
