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
