"""A dialog's problem, shown under its form and read out with the field it names, which takes the focus. Seen by the
keyboard tester: an invalid phone and Enter showed red text under the form while the focus stayed where it was, and
a screen reader heard nothing (the label is never focused)."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


def first_field(error: ValidationError) -> str:
    """The field (its innermost name: "glucose_low_mg_dl" inside "plan") of the first problem, or ""."""
    for problem in error.errors():
        names = [part for part in problem.get("loc", ()) if isinstance(part, str)]
        if names:
            return names[-1]
    return ""


def show_problem(label: QLabel, text: str, fields: dict[str, QWidget], field: str = "") -> None:
    """``text`` under the form in ``label``; the widget of ``field`` (a key of ``fields``) described by it and given
    the focus, its text selected to retype. Every other field's earlier problem is cleared."""
    label.setText(text)
    for name, widget in fields.items():
        widget.setAccessibleDescription(text if name == field else "")
    widget = fields.get(field)
    if widget is not None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
