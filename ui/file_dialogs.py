"""Where file dialogs open: the folder the clinician last used (kept in the window's state from one start to the
next), else their Documents folder, never the program's working directory (which, for an installed Treadwell, is its
own folder)."""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.plain_text import shown_as_typed

LAST_FOLDER = "file_dialogs/last_folder"  # its key in the window's state
_last_folder: str | None = None
_kept_in: QSettings | None = None


def keep_last_folder_in(state: QSettings) -> None:
    """The last folder used is read from ``state`` and kept there as it changes."""
    global _last_folder, _kept_in
    folder = state.value(LAST_FOLDER)
    _last_folder, _kept_in = (folder if isinstance(folder, str) and folder else None), state


def start_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (_last_folder, documents, os.path.expanduser("~")):
        if folder and os.path.isdir(folder):
            return folder
    return ""


def _used(path: str) -> str:
    global _last_folder
    if path:
        _last_folder = os.path.dirname(path)
        if _kept_in is not None:
            _kept_in.setValue(LAST_FOLDER, _last_folder)
    return path


def open_file(parent: QWidget, title: str, file_filter: str) -> str:
    return _used(QFileDialog.getOpenFileName(parent, title, start_folder(), file_filter)[0])


def save_file(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """``suggested``: a file name (put in the start folder) or a whole path the clinician typed before. A name typed
    without the filter's extension gets it (seen in testing: "maria" was written as it stood, and the import's dialog,
    which lists *.json, could not see it); a file of that name already there is asked about, as the dialog asks."""
    where = suggested if os.path.dirname(suggested) else os.path.join(start_folder(), suggested)
    path = QFileDialog.getSaveFileName(parent, title, where, file_filter)[0]
    extension = found[1] if (found := re.search(r"\*(\.\w+)", file_filter)) else ""  # "PDF (*.pdf)": ".pdf"
    if path and extension and not path.lower().endswith(extension.lower()):
        path = path.rstrip(".") + extension
        if os.path.isdir(path):
            QMessageBox.warning(parent, title, shown_as_typed(f"{path} is a folder: choose a file name."))
            return ""
        if os.path.exists(path) and QMessageBox.question(
                parent, title, shown_as_typed(f"{os.path.basename(path)} already exists. Replace it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return ""
    return _used(path)
