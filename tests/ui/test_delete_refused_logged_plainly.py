"""A patient's delete refused because their records changed while the question was open is a refusal made on purpose:
the log says so in one line, with no traceback and no patient data (seen by a clinic's tester: an ERROR with a whole
traceback, which the clinic's IT read as a fault)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import saved_patient, walk


def test_a_delete_refused_as_the_records_changed_is_logged_as_a_refusal(qtbot, data_dir, monkeypatch, caplog) -> None:
    window = saved_patient(qtbot, data_dir, name="Aoife Byrne")
    patient = window.editor.patient_id
    window.tabs.setCurrentWidget(window.records)
    qtbot.waitUntil(lambda: window.records.model.total == 1, timeout=8_000)
    window.records.table.selectRow(0)
    warned = []

    def a_walk_logged_meanwhile(*_args):
        window.gateway.add_session(patient, walk(2, 1), clinician="Dr B")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", a_walk_logged_meanwhile)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: warned.append(text))
    with caplog.at_level(logging.INFO):
        window.records.delete_button.click()
    assert warned and "Not deleted: this patient&#x27;s records changed since you were asked" in warned[0]
    assert window.records.model.total == 1
    said = [record for record in caplog.records if record.name.startswith(("ui.", "treadwell."))]
    assert [(record.name, record.levelno, record.exc_info) for record in said] == [
        ("treadwell.clinic", logging.INFO, None)], said
    assert said[0].getMessage() == f"a delete was refused: the records of patient {patient} changed since it was asked"
