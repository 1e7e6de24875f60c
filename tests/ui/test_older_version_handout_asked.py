"""Export and Print ask before giving the handout of a version older than the one in force. Seen in a clinic's try: a
workstation left on version 4 exported its handout, under the same name and date as a colleague's version 5 with other
minutes, and nothing asked; the note above the preview was the only word of it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.storage.helpers import example
from tests.ui.course_helpers import saved_patient


def _older_version_on_step_7(qtbot, window):
    first = window.editor.plan_id
    window.gateway.save_plan(*example(name="Lena Berg", weeks=8), [], clinician="Dr B",
                             patient_id=window.editor.patient_id, based_on=first)
    window._refresh_course()
    window.open_plan(first)  # version 1, opened again
    window.tabs.setCurrentWidget(window.handout)
    if window.handout.document.pageCount() == 0:
        with qtbot.waitSignal(window.handout.rendered, timeout=30_000):
            pass


def _answering(monkeypatch, answer):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a, **k: asked.append((title, text))
                        or answer)
    return asked


def test_exporting_an_older_versions_handout_asks_first(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    _older_version_on_step_7(qtbot, window)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.handout.export_pdf(str(tmp_path / "v1.pdf"))
    assert asked == [("Export an older version", "This handout is of plan version 1, an older version: version 2 is "
                      "the plan in force (open it in Records to give its handout).\n\nExport the older version's "
                      "handout all the same?")]
    assert not (tmp_path / "v1.pdf").exists() and not window.handout.handing_out
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.handout.exported, timeout=30_000):
        window.handout.export_pdf(str(tmp_path / "v1.pdf"))
    assert (tmp_path / "v1.pdf").exists() and len(asked) == 1


def test_printing_an_older_versions_handout_asks_first(qtbot, data_dir, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    _older_version_on_step_7(qtbot, window)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    opened = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.handout.print_pdf()
    assert [title for title, _ in asked] == ["Print an older version"] and not opened
    _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    window.handout.print_pdf()
    assert len(opened) == 1  # the print dialog, then (cancelled here: nothing sent)
    assert not window.handout.handing_out


def test_changes_typed_on_an_older_version_name_the_version_in_force(qtbot, data_dir) -> None:
    """Seen in review: with changes typed on version 1, the note said only "unsaved changes"."""
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    _older_version_on_step_7(qtbot, window)
    window.editor.form.numbers["resting_hr"].setText("74")
    window.editor.recompute()
    assert window.editor.dirty
    assert window.handout.record_note.text().endswith(
        "They were made to version 1; version 2 is the plan in force.")
    assert not window.handout.older_note  # a plan not on record: said, and saved before it is given


def test_the_plan_in_force_is_given_without_a_question(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir, name="Lena Berg")
    window.tabs.setCurrentWidget(window.handout)
    if window.handout.document.pageCount() == 0:
        with qtbot.waitSignal(window.handout.rendered, timeout=30_000):
            pass
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(window.handout.exported, timeout=30_000):
        window.handout.export_pdf(str(tmp_path / "in-force.pdf"))
    assert asked == []
