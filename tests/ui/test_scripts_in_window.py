"""Names in any script in the window, and the handout language where the clinician chooses it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QRawFont
from PySide6.QtWidgets import QApplication

from tests.handout.test_scripts_on_the_page import NAMES
from ui.script_fonts import add_script_fonts


def test_every_script_of_a_name_has_a_font_behind_the_window_font(qtbot) -> None:
    families = add_script_fonts()
    assert families == add_script_fonts()  # once
    fallbacks = QApplication.instance().font().families()
    assert set(families) <= set(fallbacks)
    raws = [QRawFont.fromFont(QFont(family)) for family in fallbacks]
    for script, name in NAMES.items():
        for char in name.replace(" ", ""):
            assert any(raw.supportsCharacter(ord(char)) for raw in raws), (script, char)


def test_the_records_show_a_name_in_every_script(qtbot, data_dir) -> None:
    from tests.storage.helpers import example
    from ui.main_window import MainWindow

    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.evidence_ready, timeout=30_000):
        window.show()
    for name in NAMES.values():
        window.editor.new_patient()
        window.editor.form.set_profile(example(name=name)[0])
        assert window.save_plan(), window.statusBar().currentMessage()
    window.records.reload()
    qtbot.waitUntil(lambda: window.records.model.total == len(NAMES), timeout=5_000)
    shown = {window.records.model.row_object(row).patient_name for row in range(len(NAMES))}
    assert shown == set(NAMES.values())


def test_the_profile_form_and_the_export_dialog_offer_the_languages(qtbot, data_dir) -> None:
    from core.settings import Settings
    from ui.handout_export_dialog import HandoutExportDialog
    from ui.views.profile_form import ProfileForm

    form = ProfileForm()
    qtbot.addWidget(form)
    form.language.setCurrentIndex(form.language.findData("ar"))
    assert form.values()["language"] == "ar"
    form.language.setCurrentIndex(0)
    assert "language" not in form.values()  # the clinic's default
    no_phone = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(no_phone)
    assert "without the clinic's phone number" in no_phone.language_note.text()  # warned before exporting
    dialog = HandoutExportDialog(data_dir, Settings(contact_phone="555 0100", emergency_number="999"))
    qtbot.addWidget(dialog)
    assert dialog.language_note.text() == ""
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert "Spanish handout has not been reviewed by a qualified medical translator" in dialog.language_note.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.language_note.text() == ""


def test_a_name_the_handout_cannot_print_is_not_saved_and_the_name_field_says_why(qtbot, data_dir) -> None:
    from tests.storage.helpers import example
    from tests.ui.course_helpers import open_window

    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example(name="សុខ ចាន់")[0])
    assert window.save_plan() is False
    assert "Not saved: Name: the handout's fonts cannot print 'ស' (U+179F)" in window.statusBar().currentMessage()
    label = window.editor.form._errors["name"]
    assert label.isVisibleTo(window) and "write the name in letters they print" in label.text()
    assert window.gateway.list_plans(None, 10, 0) == []
