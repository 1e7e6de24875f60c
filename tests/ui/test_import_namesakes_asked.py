"""Records' Import asks before it adds a patient whose name a patient here already has: seen by a tester, an import
added a third "Maria Schmidt" without a word. No imports nothing and says so; Yes imports them as another person."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.contract.test_import_namesakes import _bundle_from_elsewhere
from tests.storage.helpers import example
from ui.main_window import MainWindow


def test_an_imported_namesake_is_asked_about(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    bundle = tmp_path / "maria.treadwell.json"  # the same person, typed in on another workstation
    bundle.write_bytes(_bundle_from_elsewhere(tmp_path, "Maria Schmidt"))
    here = example(name="maria schmidt")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr("ui.views.bundle_import.QMessageBox.question",
                        lambda parent, title, text, *rest: asked.append(text) or answer[0])
    monkeypatch.setattr("ui.views.records_view.open_file", lambda *a: str(bundle))
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.gateway.is_open, timeout=20_000)
    window.gateway.save_plan(*here, [], clinician="Dr A", patient_id=None)
    window.records.import_button.click()
    assert len(asked) == 1 and "Patient 1 has the same name as the patient in maria.treadwell.json" in asked[0]
    assert "Import them as a new patient anyway?" in asked[0]
    assert window.gateway.count_patients(None) == 1
    assert window.statusBar().currentMessage() == ("Nothing was imported: patient 1 has the same name as the patient "
                                                   "in maria.treadwell.json.")
    answer[0] = QMessageBox.StandardButton.Yes
    window.records.import_button.click()
    assert len(asked) == 2 and window.gateway.count_patients(None) == 2
