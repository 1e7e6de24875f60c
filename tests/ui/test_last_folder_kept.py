"""The folder the clinician last exported to is where the file dialogs start at the next start of Treadwell, not the
home folder (seen in a clinic's try: each start opened in the home folder, handouts exported to one folder daily)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from tests.ui.course_helpers import open_window
from ui import file_dialogs


def _exported_to(qtbot, data_dir, folder, monkeypatch) -> list[str]:
    """A handout exported to ``folder`` by one start of the window, which is closed: where each dialog started."""
    folder.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, where, file_filter: asked.append(where) or (str(folder / "a.pdf"),
                                                                                           file_filter))
    first = open_window(qtbot, data_dir)
    assert file_dialogs.save_file(first, "Export handout", "a.pdf", "PDF (*.pdf)") == str(folder / "a.pdf")
    first.close()
    monkeypatch.setattr(file_dialogs, "_last_folder", None)  # a new start: nothing remembered in memory
    return asked


def test_the_last_folder_used_is_where_the_dialogs_start_after_a_restart(qtbot, data_dir, tmp_path,
                                                                         monkeypatch) -> None:
    asked = _exported_to(qtbot, data_dir, tmp_path / "handouts", monkeypatch)
    again = open_window(qtbot, data_dir)
    file_dialogs.save_file(again, "Export handout", "b.pdf", "PDF (*.pdf)")
    assert asked[-1] == str(tmp_path / "handouts" / "b.pdf")


def test_a_folder_since_removed_gives_way_to_documents_or_home(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    asked = _exported_to(qtbot, data_dir, tmp_path / "usb-stick", monkeypatch)
    (tmp_path / "usb-stick").rmdir()
    again = open_window(qtbot, data_dir)
    file_dialogs.save_file(again, "Export handout", "b.pdf", "PDF (*.pdf)")
    assert asked[-1] == f"{file_dialogs.start_folder()}/b.pdf" and "usb-stick" not in asked[-1]
