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

    typed = [str(tmp_path / "maria"), str(tmp_path / "maria-en."), str(tmp_path / "kept.PDF"), str(tmp_path / "b"),
             str(tmp_path / "folder")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (typed.pop(0), a[3]))
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), answer[0])[1])
    parent = QWidget()
    qtbot.addWidget(parent)
    bundle = "Treadwell bundle (*.json)"
    assert file_dialogs.save_file(parent, "Export", "x.json", bundle) == str(tmp_path / "maria.json")
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == str(tmp_path / "maria-en.pdf")
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == str(tmp_path / "kept.PDF")
    assert asked == []
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 a handout already there")
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == ""  # not replaced: nothing chosen
    assert asked == ["<p>b.pdf already exists. Replace it?</p>"]  # a name is shown as typed, never as markup
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    (tmp_path / "folder.pdf").mkdir()
    assert file_dialogs.save_file(parent, "Export", "x.pdf", "PDF (*.pdf)") == ""
    assert warned == [f"<p>{tmp_path / 'folder.pdf'} is a folder: choose a file name.</p>"]
