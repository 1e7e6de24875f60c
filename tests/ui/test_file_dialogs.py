"""File dialogs open in the Documents folder, then where the clinician last went; never the working folder."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QWidget

from ui import file_dialogs


def test_dialogs_start_in_documents_then_the_last_folder(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(file_dialogs, "_last_folder", None)
    monkeypatch.chdir(tmp_path)  # the working folder must not be where a dialog opens
    asked = []
    chosen = tmp_path / "exports" / "handout.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, where, file_filter: asked.append(where) or (str(chosen), file_filter))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert file_dialogs.save_file(parent, "Export", "plan.pdf", "PDF (*.pdf)") == str(chosen)
    assert os.path.dirname(asked[0]) != str(tmp_path) and asked[0].endswith("plan.pdf")
    file_dialogs.save_file(parent, "Export", "next.pdf", "PDF (*.pdf)")
    assert asked[1] == str(chosen.parent / "next.pdf")  # the folder used last


def test_a_name_typed_without_its_extension_gets_it_and_one_already_there_is_asked_about(qtbot, tmp_path,
                                                                                        monkeypatch) -> None:
    """Seen in testing: "maria" typed in the bundle's export was written as it stood, and the import's dialog, which
    lists *.json, could not see it; a handout "maria-en" was a PDF without .pdf."""
    from PySide6.QtWidgets import QMessageBox

    typed = [str(tmp_path / "maria"), str(tmp_path / "maria-en"), str(tmp_path / "kept.PDF"), str(tmp_path / "b")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (typed.pop(0), a[3]))
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), answer[0])[1])
    parent = QWidget()
    qtbot.addWidget(parent)
    assert file_dialogs.save_file(parent, "Export", "x.json", "Treadwell bundle (*.json)") == str(tmp_path / "maria.json")
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == str(tmp_path / "maria-en.pdf")
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == str(tmp_path / "kept.PDF")
    assert asked == []
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 a handout already there")
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == ""  # not replaced: nothing chosen
    assert asked == ["b.pdf already exists. Replace it?"]
