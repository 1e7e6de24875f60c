"""Records' Import asks before it brings back a patient deleted here: seen in review, a deleted patient came back from
another workstation's bundle without a word. No imports nothing and says so; Yes imports them under a new id."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.storage.helpers import example
from ui.main_window import MainWindow


def test_a_deleted_patient_is_asked_about(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    bundle = tmp_path / "maria.treadwell.json"
    asked: list[tuple[str, str]] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr("ui.views.bundle_import.QMessageBox.question",
                        lambda parent, title, text, *rest: asked.append((title, text)) or answer[0])
    monkeypatch.setattr("ui.views.records_view.open_file", lambda *a: str(bundle))
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.gateway.is_open, timeout=20_000)
    saved = window.gateway.save_plan(*example(name="Maria Schmidt"), [], clinician="Dr A", patient_id=None)
    window.gateway.export_bundle(saved.id, bundle, clinician="Dr A")
    window.gateway.delete_patient(saved.patient_id, clinician="Dr Reyes")
    window.records.import_button.click()
    assert len(asked) == 1 and asked[0][0] == "This patient was deleted here"
    assert "The patient in maria.treadwell.json was deleted here: patient 1, on " in asked[0][1]
    assert " by Dr Reyes. Import them again?" in asked[0][1]
    assert window.gateway.count_patients(None) == 0
    status = window.statusBar().currentMessage()
    assert status.startswith("Nothing was imported, as the patient in maria.treadwell.json was deleted here: patient 1")
    answer[0] = QMessageBox.StandardButton.Yes
    window.records.import_button.click()
    assert len(asked) == 2 and window.gateway.count_patients(None) == 1
    assert window.statusBar().currentMessage().startswith("Imported patient 2: 1 plan version")
