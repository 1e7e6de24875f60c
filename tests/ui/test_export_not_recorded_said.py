"""In the window, an export whose file is written but whose audit entry cannot be (the data folder's disk full) is said
as both: the file is there, and the audit trail could not record it (core/workspace/exports.py), never "nothing was
saved" after it."""

from __future__ import annotations

import html
import sqlite3

from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import saved_patient

NOT_RECORDED = "but the audit trail could not record {what}: the data folder's disk is full."


def _audit_trail_full(window) -> None:
    with sqlite3.connect(window.gateway.data_dir.database_path) as db:
        db.execute("create trigger full before insert on audit begin select raise(abort, 'database or disk is full'); "
                   "end")


def test_a_progress_report_written_but_not_recorded_is_said_so(qtbot, data_dir, tmp_path) -> None:
    window = saved_patient(qtbot, data_dir)
    _audit_trail_full(window)
    window.progress.report_saved.emit(str(tmp_path / "report.pdf"), window.editor.patient_id)
    assert window.statusBar().currentMessage() == (f"Progress report saved: {tmp_path / 'report.pdf'}, "
                                                   + NOT_RECORDED.format(what="it"))


def test_a_bundle_written_but_not_recorded_is_said_so(qtbot, data_dir, tmp_path, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    _audit_trail_full(window)
    out, warned = tmp_path / "patient.json", []
    monkeypatch.setattr("ui.views.records_view.save_file", lambda *args: str(out))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    window.records.reload()
    window.records.table.selectRow(0)
    window.records.export_button.click()
    assert out.is_file() and len(warned) == 1, warned
    assert f"{out} was written, " + NOT_RECORDED.format(what="its export") in html.unescape(warned[0]), warned
