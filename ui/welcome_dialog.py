"""The first run: a short welcome that asks for what every handout prints (the clinic's name and phone, the
clinician's name, and the local emergency number for its stop page). Skippable; the same fields are in Settings
later."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget,
)

from core.settings import EMERGENCY_EXAMPLES, Settings, problems_in_words, typed_problems
from ui.field_problems import first_field, show_problem
from ui.form_message import FormMessage


# The words beside each setting, which its problems are named by too.
LABELS = {"clinic_name": "Clinic name", "contact_phone": "Clinic phone", "clinician_name": "Your name",
          "emergency_number": "Ambulance number"}


class WelcomeDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Treadwell")
        self._base = settings
        self.result_settings: Settings | None = None
        intro = QLabel("Every patient handout prints your clinic's name and the phone number a patient calls "
                       "when something is wrong, and, if you give it, the local number for an ambulance on its page "
                       "about when to stop. Enter them now, or skip and add them in File > Settings later.")
        intro.setWordWrap(True)
        self.clinic = QLineEdit(settings.clinic_name)
        self.phone = QLineEdit(settings.contact_phone)
        self.clinician = QLineEdit(settings.clinician_name)
        self.emergency = QLineEdit(settings.emergency_number)
        self.phone.setPlaceholderText("the number patients call, e.g. 020 7946 0000")
        self.emergency.setPlaceholderText(f"such as {EMERGENCY_EXAMPLES}")
        for widget, name in ((self.clinic, "Clinic name"), (self.phone, "Clinic phone"),
                             (self.clinician, "Your name, as the handout's author"),
                             (self.emergency, "Local emergency number, printed on the handout's stop page")):
            widget.setAccessibleName(name)
        self.problem = FormMessage()  # no blank line under the fields until there is a problem to say
        self.problem.setStyleSheet("color: #B3261E;")
        form = QFormLayout()
        self._fields = {"clinic_name": self.clinic, "contact_phone": self.phone, "clinician_name": self.clinician,
                        "emergency_number": self.emergency}
        for field, widget in self._fields.items():
            form.addRow(f"{LABELS[field]}:", widget)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = buttons.addButton("S&kip for now", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.skip_button.clicked.connect(super().reject)  # asked for by name: what was typed goes
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # made default once in the dialog, so Enter saves after focus has passed over Skip (made default before,
        # the last focused button stayed the default: Enter skipped, losing what was typed)
        self.save_button.setDefault(True)
        self.clinic.setFocus()
        self.resize(520, self.sizeHint().height())

    def reject(self) -> None:
        """Escape, or the window closed, with details typed: asked first, as the welcome is not shown again (seen in
        review: Escape dropped a clinic name and phone typed in full)."""
        typed = any(widget.text().strip() != str(getattr(self._base, field)).strip()
                    for field, widget in self._fields.items())
        if not typed:
            super().reject()
            return
        answer = QMessageBox.question(
            self, "Save the clinic's details?", "Save the details you typed? They are printed on every handout; "
            "without them, add them in File > Settings later.",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self._on_save_button_clicked()  # a value refused keeps the dialog open, the field named
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        try:
            self.result_settings = Settings.model_validate({
                **self._base.model_dump(), "clinic_name": self.clinic.text().strip(),
                "contact_phone": self.phone.text().strip(), "clinician_name": self.clinician.text().strip(),
                "emergency_number": self.emergency.text().strip()})
        except ValidationError as error:
            self._say(problems_in_words(error, LABELS), first_field(error))
            return
        if typed := typed_problems(self.result_settings, self._base):
            self._say(["; ".join(f"{LABELS[field]}: {problem}" for field, problem in typed) + "."], typed[0][0])
            return
        self.accept()

    def _say(self, problems: list[str], field: str) -> None:
        """The problems under the fields, the dialog grown to hold them (seen under Xvfb at 150 %: the message took
        its room from the fields, each squeezed to a sliver)."""
        self.result_settings = None
        show_problem(self.problem, "; ".join(problems), self._fields, field)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))


def needs_welcome(settings: Settings) -> bool:
    """Nothing a handout needs about the clinic has been entered yet."""
    return not (settings.clinic_name.strip() or settings.contact_phone.strip() or settings.clinician_name.strip())
