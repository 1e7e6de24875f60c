"""Importing a patient's bundle from Records: a patient new here whose name patients here have is asked about first,
as a new patient's save is (seen by a tester: an import added a third "Maria Schmidt" without a word, the same
person typed in on two workstations split in two)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from core.records.models import NamesakeSaved
from core.workspace.gateway import RecordsGateway
from ui.plain_text import shown_as_typed
from ui.save_questions import same_name


def import_asking(parent: QWidget, gateway: RecordsGateway, path: Path, clinician: str) -> str:
    """What the import did, in a sentence; or that nothing was imported, where the clinician says the bundle's
    patient may be one of the namesakes here."""
    try:
        return gateway.import_bundle(path, clinician=clinician).sentence()
    except NamesakeSaved as error:
        others = error.patients
    if QMessageBox.question(
            parent, "Another patient has this name", shown_as_typed(
                f"{same_name(others)} as the patient in {path.name}. Import them as a new patient anyway?\n\nNo "
                "imports nothing: if this is the same person, typed in on two workstations, log the walks of the other "
                f"workstation under patient {others[0]} here (Records, then Session log)."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
        return f"Nothing was imported: {same_name(others).lower()} as the patient in {path.name}."
    return gateway.import_bundle(path, clinician=clinician, refuse_namesakes=False).sentence()
