"""Importing a patient's bundle from Records: a patient new here whose name patients here have is asked about first,
as a new patient's save is (seen by a tester: an import added a third "Maria Schmidt" without a word, the same
person typed in on two workstations split in two); and a patient deleted here, whom an import does not bring back
unasked (seen in review: a deleted patient came back from another workstation's bundle without a word)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from core.records.models import NamesakeSaved, PatientDeletedHere
from core.workspace.gateway import RecordsGateway
from ui.plain_text import shown_as_typed
from ui.save_questions import same_name


def import_asking(parent: QWidget, gateway: RecordsGateway, path: Path, clinician: str) -> str:
    """What the import did, in a sentence; or that nothing was imported, where the clinician says the bundle's
    patient may be one of the namesakes here, or that a patient deleted here stays deleted."""
    refusals = {"refuse_namesakes": True, "refuse_deleted": True}
    while True:
        try:
            return gateway.import_bundle(path, clinician=clinician, **refusals).sentence()
        except NamesakeSaved as error:
            if not _namesake_imported(parent, error.patients, path):
                return f"Nothing was imported: {same_name(error.patients).lower()} as the patient in {path.name}."
            refusals["refuse_namesakes"] = False
        except PatientDeletedHere as error:
            if not _deleted_brought_back(parent, error, path):
                return f"Nothing was imported, as the patient in {path.name} was deleted here: {error.deletion}."
            refusals["refuse_deleted"] = False


def _namesake_imported(parent: QWidget, others: list[int], path: Path) -> bool:
    return _yes(parent, "Another patient has this name",
                f"{same_name(others)} as the patient in {path.name}. Import them as a new patient anyway?\n\nNo "
                "imports nothing: if this is the same person, typed in on two workstations, log the walks of the other "
                f"workstation under patient {others[0]} here (Records, then Session log).")


def _deleted_brought_back(parent: QWidget, deletion: PatientDeletedHere, path: Path) -> bool:
    return _yes(parent, "This patient was deleted here",
                f"The patient in {path.name} was deleted here: {deletion.deletion}. Import them again?\n\n"
                "Yes brings the patient back, under a new patient id, with what the bundle holds. No imports nothing: "
                "an import does not undo a deletion unasked.")


def _yes(parent: QWidget, title: str, question: str) -> bool:
    """The clinician's Yes to ``question`` (No is the default: nothing is imported unasked)."""
    return QMessageBox.question(parent, title, shown_as_typed(question),
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
