"""In the window, an export whose file is written but whose audit entry cannot be (the data folder's disk full) is said
as both: the file is there, and the audit trail could not record it (core/workspace/exports.py)."""

from __future__ import annotations

import sqlite3

import pytest

from core.workspace.exports import ExportNotRecorded
from tests.ui.course_helpers import saved_patient


def _audit_trail_full(window) -> None:
    with sqlite3.connect(window.gateway.data_dir.database_path) as db:
        db.execute("create trigger full before insert on audit begin select raise(abort, 'database or disk is full'); "
                   "end")


def test_a_progress_report_written_but_not_recorded_is_said_so(qtbot, data_dir, tmp_path) -> None:
    window = saved_patient(qtbot, data_dir)
    _audit_trail_full(window)
    window.progress.report_saved.emit(str(tmp_path / "report.pdf"), window.editor.patient_id)
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Progress report saved: {tmp_path / 'report.pdf'}, but the audit trail could not "
                           "record it: The disk is full"), said


def test_a_bundle_written_but_not_recorded_is_said_so(qtbot, data_dir, tmp_path) -> None:
    window = saved_patient(qtbot, data_dir)
    _audit_trail_full(window)
    out = tmp_path / "patient.json"
    with pytest.raises(ExportNotRecorded, match=f"^{out} was written, but the audit trail could not record its export"):
        window.gateway.export_bundle(window.editor.plan_id, out, clinician="Dr A")
    assert out.is_file()
