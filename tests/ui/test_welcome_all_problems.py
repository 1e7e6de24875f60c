"""The welcome and Settings say every problem of the clinic's details at once, the cursor in the first: seen by a
clinician, the phone's problem was said at the first Save, and the ambulance number's only at the next."""

from __future__ import annotations

from core.settings import Settings
from ui.welcome_dialog import WelcomeDialog


def test_the_phone_and_the_ambulance_number_are_said_together(qtbot) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = WelcomeDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.phone.setText("ask at reception")
    dialog.emergency.setText("ambulance")
    dialog.clinician.setText("\u1780\u17d2\u1798\u17c2\u179a")  # Khmer: no shipped font
    dialog.save_button.click()
    said = dialog.problem.text()
    assert dialog.result_settings is None
    assert said.startswith("Clinic phone: must be the number a patient dials") and "; Ambulance number: must be " in said
    assert "; Your name: the handout's fonts cannot print" in said and said.endswith(".")
    assert dialog.focusWidget() in (None, dialog.phone)
    settings = SettingsDialog(Settings())
    qtbot.addWidget(settings)
    settings.phone.setText("ask at reception")
    settings.emergency.setText("ambulance")
    settings._on_save_clicked()
    assert settings.result_settings is None and "; Ambulance number: must be " in settings.problem.text()
