"""Export and Print ask before giving a handout whose start the patient's course questions, saying why: seen by a
helper, who exported straight after opening step 7, and the note ("save a version with a slower comfortable walking
speed before the patient takes it home") came only once the file was written."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import log, saved_patient, walk
from tests.ui.test_older_version_handout_asked import _answering


def _handout_after_a_break(qtbot, data_dir):
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    log(window, walk(days_ago=30, week=1))
    window.tabs.setCurrentWidget(window.handout)
    qtbot.waitUntil(lambda: window.handout.document.pageCount() > 0 and bool(window.handout.start_caution),
                    timeout=30_000)
    return window


def test_a_handout_after_a_break_is_given_only_once_the_clinician_says_so(qtbot, data_dir, tmp_path,
                                                                          monkeypatch) -> None:
    window = _handout_after_a_break(qtbot, data_dir)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.handout.export_pdf(str(tmp_path / "h.pdf"))
    [(title, text)] = asked
    assert title == "Export the handout" and text.startswith("No walk is logged for 30 days"), text
    assert "ask the patient about the break before they take this handout home" in text
    assert text.endswith("\n\nExport it all the same?") and not (tmp_path / "h.pdf").exists()
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.handout.exported, timeout=30_000):
        window.handout.export_pdf(str(tmp_path / "h.pdf"))
    assert (tmp_path / "h.pdf").exists() and len(asked) == 1


def test_printing_it_asks_too(qtbot, data_dir, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    window = _handout_after_a_break(qtbot, data_dir)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    opened = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.handout.print_pdf()
    assert [title for title, _ in asked] == ["Print the handout"] and not opened


def test_a_handout_whose_start_is_not_questioned_is_given_without_a_question(qtbot, data_dir, tmp_path,
                                                                              monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    log(window, walk(days_ago=2, week=1))
    window.tabs.setCurrentWidget(window.handout)
    qtbot.waitUntil(lambda: window.handout.document.pageCount() > 0, timeout=30_000)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(window.handout.exported, timeout=30_000):
        window.handout.export_pdf(str(tmp_path / "h.pdf"))
    assert asked == [] and window.handout.start_caution == ""


def test_once_answered_the_same_handout_is_not_asked_about_again(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    """Found in review: the break asked again at every export and every copy printed of the same handout."""
    window = _handout_after_a_break(qtbot, data_dir)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    for name in ("a.pdf", "b.pdf"):
        with qtbot.waitSignal(window.handout.exported, timeout=30_000):
            window.handout.export_pdf(str(tmp_path / name))
    assert len(asked) == 1 and (tmp_path / "b.pdf").exists()
