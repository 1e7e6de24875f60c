"""File > Export handout, driven as a clinician would."""

from __future__ import annotations

import json

from pypdf import PdfReader
from PySide6.QtGui import QAction

from core.settings import Settings
from tests.conftest import REPO_ROOT
from ui.handout_export_dialog import HandoutExportDialog
from ui.main_window import MainWindow

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "multiple-sclerosis-pain.json"


def test_export_writes_the_pdf_off_the_gui_thread(qtbot, data_dir, tmp_path) -> None:
    dialog = HandoutExportDialog(data_dir, Settings(clinic_name="Riverside Rehab"))
    qtbot.addWidget(dialog)
    out = tmp_path / "handout.pdf"
    dialog.profile_edit.setText(str(EXAMPLE))
    dialog.output_edit.setText(str(out))
    dialog.summary_check.setChecked(True)
    with qtbot.waitSignal(dialog.handout_saved, timeout=30_000) as saved:
        dialog.export_button.click()
        assert not dialog.busy.isHidden() and not dialog.export_button.isEnabled()  # busy while it works
    assert saved.args[:2] == [str(out), len(PdfReader(out).pages)]
    assert saved.args[2].startswith("The handout prints without the clinic's phone number")  # English: no other note
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Riverside Rehab" in text and "Clinician summary" in text and "Evidence in people" in text
    assert "No entry for this etiology" not in text


def test_invalid_profile_is_explained_in_the_dialog(qtbot, data_dir, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "X", "age": 15}), encoding="utf-8")
    dialog = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(dialog)
    dialog.profile_edit.setText(str(bad))
    dialog.output_edit.setText(str(tmp_path / "out.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "cannot be used" in dialog.message_label.text(), timeout=30_000)
    assert "age:" in dialog.message_label.text() and "18 to 100" in dialog.message_label.text()
    assert not (tmp_path / "out.pdf").exists() and dialog.export_button.isEnabled()


def test_a_name_typed_without_its_extension_is_saved_as_a_pdf(qtbot, data_dir, tmp_path) -> None:
    """Seen in review: a typed "maria" was saved without ".pdf", which the save dialog adds when a name is chosen."""
    dialog = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(dialog)
    dialog.profile_edit.setText(str(EXAMPLE))
    dialog.output_edit.setText(str(tmp_path / "maria"))
    with qtbot.waitSignal(dialog.handout_saved, timeout=30_000) as saved:
        dialog.export_button.click()
    assert saved.args[0] == str(tmp_path / "maria.pdf") and (tmp_path / "maria.pdf").exists()
    assert not (tmp_path / "maria").exists()


def test_missing_choices_are_asked_for(qtbot, data_dir) -> None:
    dialog = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert "Choose a patient profile" in dialog.message_label.text()


def test_menu_action_opens_the_dialog_and_reports_in_the_status_bar(qtbot, data_dir, monkeypatch) -> None:
    opened: list[HandoutExportDialog] = []

    def fake_exec(dialog):
        opened.append(dialog)
        dialog.handout_saved.emit("/tmp/x.pdf", 6, "")
        return 1

    monkeypatch.setattr(HandoutExportDialog, "exec", fake_exec)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.findChild(QAction, "exportFromFileAction").trigger()
    assert opened and window.statusBar().currentMessage() == "Handout saved: /tmp/x.pdf (6 pages)"
