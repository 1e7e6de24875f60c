"""The export dialog's notes are read whole, and a problem goes once what it was about changes."""

from __future__ import annotations

from core.settings import Settings
from ui.handout_export_dialog import HandoutExportDialog


def test_an_unreviewed_translations_warning_is_shown_whole(qtbot, data_dir) -> None:
    """Seen in testing at 125 %: choosing Arabic put its warning between Language and the checkbox with the lines cut
    off, as the dialog kept the height it opened with."""
    dialog = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar"))
    note = dialog.language_note
    assert "has not been reviewed by a qualified medical translator" in note.text()
    assert note.height() >= note.heightForWidth(note.width()), (note.height(), note.heightForWidth(note.width()))
    assert note.geometry().bottom() < dialog.summary_check.geometry().top()


def test_a_problem_with_the_profile_goes_when_another_file_is_chosen(qtbot, data_dir) -> None:
    """Seen in testing: "The profile cannot be used: age ..." stayed beside a good profile chosen after it."""
    dialog = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(dialog)
    dialog.export_button.click()  # nothing chosen: a problem is said
    assert dialog.message_label.text()
    assert dialog.profile_edit.accessibleDescription()  # read out with the field it names
    dialog.profile_edit.setText("/somewhere/else.json")
    assert dialog.message_label.text() == "" and dialog.profile_edit.accessibleDescription() == ""
