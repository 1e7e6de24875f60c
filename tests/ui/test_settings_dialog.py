"""The settings dialog keeps the unverified clinical numbers the clinician can set: the two-week
progression cap and the blood-sugar thresholds, which reach the plan and the patient's handout."""

from __future__ import annotations

from core.handout.build import build_handout
from core.handout.script_text import without_isolates
from core.plan.engine import compute_plan
from core.settings import Settings
from tests.handout.helpers import DATE, STUDIES, example
from ui.settings_dialog import SettingsDialog


def test_the_two_week_cap_and_the_blood_sugar_thresholds_are_saved(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.two_week_cap.currentData() == 30 and "Nielsen 2014" in dialog.two_week_cap.currentText()
    assert (dialog.glucose_low.value(), dialog.glucose_ketones.value()) == (100, 250)
    assert "unverified" in dialog.glucose_low.toolTip()
    dialog.two_week_cap.setCurrentIndex(dialog.two_week_cap.findData(20))
    dialog.glucose_low.setValue(90)
    dialog.glucose_ketones.setValue(300)
    dialog._on_save_clicked()
    options = dialog.result_settings.plan
    assert (options.max_two_week_increase_pct, options.glucose_low_mg_dl, options.glucose_ketone_check_mg_dl) == (
        20, 90, 300)
    reopened = SettingsDialog(dialog.result_settings)
    qtbot.addWidget(reopened)
    assert (reopened.two_week_cap.currentData(), reopened.glucose_low.value()) == (20, 90)


def test_the_handout_print_size_is_a_setting_in_the_dialog(qtbot) -> None:
    """Seen in review: the README lists the print size among the settings; the dialog had no such choice."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.print_size.currentData() == "large"
    dialog.print_size.setCurrentIndex(dialog.print_size.findData("standard"))
    dialog._on_save_clicked()
    assert dialog.result_settings.handout_print == "standard"
    reopened = SettingsDialog(dialog.result_settings)
    qtbot.addWidget(reopened)
    assert reopened.print_size.currentText() == "Standard print (14 pt, fewer pages)"


def test_the_thresholds_set_reach_the_clinicians_warning_and_the_patients_handout() -> None:
    options = Settings().plan.model_copy(update={"glucose_low_mg_dl": 90, "glucose_ketone_check_mg_dl": 300})
    profile = example("diabetic-neuropathy", insulin_or_secretagogue=True)
    plan = compute_plan(profile, STUDIES, options)
    warning = next(w for w in plan.warnings if w.code == "hypoglycemia")
    assert "below 90 mg/dL" in warning.message and "above 300 mg/dL" in warning.message
    assert "unverified" in warning.source.cited()
    handout = build_handout(profile, plan, STUDIES, clinician="", clinic="", phone="", date=DATE, paper="a4",
                            units="metric")
    line = next(line for line in handout.safety if "blood sugar" in line)
    shown = without_isolates(line).replace("\u00a0", " ")  # each level is one unbroken, left-to-right piece
    assert "below 90 mg/dL (5.0 mmol/L)" in shown and "above 300 mg/dL (16.7 mmol/L)" in shown


def test_a_logo_that_cannot_be_printed_is_refused_when_chosen(qtbot, tmp_path) -> None:
    """A logo path with no file was saved with 'Settings saved'; every handout then failed, explained only on the
    handout tab."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.logo.setText(str(tmp_path / "no-such-logo.png"))
    dialog._on_save_clicked()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.problem.text().startswith("Logo (PNG or JPEG): it cannot be opened")  # as the dialog labels it
    assert dialog.problem.text().endswith("; choose the logo again, or clear it.")  # not "in Settings", said there
    dialog.logo.setText("")
    dialog.clinic.setText("C" * 121)
    dialog._on_save_clicked()
    assert dialog.problem.text().startswith("Clinic name: ")  # the dialog's label, not clinic_name


def test_a_phone_and_a_logo_that_cannot_be_used_are_said_at_one_save(qtbot, tmp_path) -> None:
    """The logo's problem was said only once the phone's was mended, at the next Save (seen by a helper)."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.phone.setText("5")
    dialog.logo.setText(str(tmp_path / "no-such-logo.png"))
    dialog._on_save_clicked()
    said = dialog.problem.text()
    assert dialog.result_settings is None and dialog.result() != dialog.DialogCode.Accepted
    assert said.startswith("Phone on the handout: must be the number a patient dials"), said
    assert "; Logo (PNG or JPEG): it cannot be opened" in said and said.endswith("or clear it."), said


def test_a_problem_is_named_by_the_words_beside_its_field() -> None:
    """The dialogs' problems used a copy of their labels kept apart, which had drifted ("Phone" beside "Phone on the
    handout", "Logo" beside "Logo (PNG or JPEG)"): every label is now what names its problems."""
    from PySide6.QtWidgets import QFormLayout

    from ui.settings_dialog import LABELS

    dialog = SettingsDialog(Settings())
    form = dialog.findChild(QFormLayout)
    shown = {form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text().rstrip(":")
             for row in range(form.rowCount()) if form.itemAt(row, QFormLayout.ItemRole.LabelRole)}
    assert {label for field, label in LABELS.items() if field != "plan"} <= shown
    dialog.phone.setText("5" * 41)
    dialog._on_save_clicked()
    assert dialog.problem.text().startswith("Phone on the handout: ")


def test_a_weekly_cap_above_the_two_week_cap_is_explained_where_it_is_chosen(qtbot) -> None:
    """Seen in testing: 30% a week under a 20% two-week cap was saved without a word; the plan then said why no week
    rose 30% (Rules.caps_held), Settings did not."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.caps_note.isVisibleTo(dialog)  # the defaults: 10% a week, 30% over two
    dialog.cap.setCurrentIndex(dialog.cap.findData(30))
    dialog.two_week_cap.setCurrentIndex(dialog.two_week_cap.findData(20))
    assert dialog.caps_note.isVisibleTo(dialog)
    assert dialog.caps_note.text() == "As the two-week cap is the lower, no week rises more than 20%."
    dialog.two_week_cap.setCurrentIndex(dialog.two_week_cap.findData(30))
    assert not dialog.caps_note.isVisibleTo(dialog)


def test_a_clinic_database_that_does_not_answer_is_said_and_not_logged_as_an_error(qtbot, caplog) -> None:
    """Seen in review of the installed copy: Test connection to a server that is not there said so plainly, and the
    log held "ERROR ui.background: background job failed" with a traceback, as for a fault of Treadwell's."""
    import logging
    from tests.pg_server import free_port

    port = free_port()  # a loopback port nothing listens on
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.records_url.setText(f"postgresql://grace_okafor@127.0.0.1:{port}/treadwell")
    with caplog.at_level(logging.INFO):
        dialog.test_button.click()
        qtbot.waitUntil(dialog.test_button.isEnabled, timeout=15_000)
    assert dialog.test_result.text().startswith(  # what it means, not "or refused the sign-in" (seen by a tester)
        "The clinic database cannot be reached: nothing answers at that address and port; the server is not running, "
        "or listens on another port."), dialog.test_result.text()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR], caplog.text


def test_a_window_started_with_records_says_so_beside_the_clinic_database(qtbot) -> None:
    """Seen by a clinic's tester: a window started with --records showed the Clinic database as "empty: this
    workstation"."""
    url = "postgresql://grace_okafor@clinic-server/treadwell"
    dialog = SettingsDialog(Settings(), started_with=url)
    qtbot.addWidget(dialog)
    assert dialog.test_result.text().startswith(f"This window was started with --records {url}, and uses it ")
    assert SettingsDialog(Settings()).test_result.text().startswith("Used from the next start of Treadwell.")


def test_an_address_with_a_password_has_it_taken_out_off_the_screen(qtbot) -> None:
    """Seen by a clinic's tester: "must not hold a password" twice, beside Test connection and under the form, the
    first half hidden under the scroll area; seen in review: the refused password stayed on screen, unmasked, and the
    advice was a terminal's (PGPASSWORD)."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    plain = "postgresql://grace_okafor@clinic-server/treadwell?sslmode=verify-full"
    dialog.records_url.setText(plain.replace("okafor@", "okafor:secret@") + "&password=other")
    dialog.test_button.click()
    assert dialog.records_url.text() == plain and "secret" not in dialog.test_result.text()
    assert "must not hold a password, so the password was taken out" in dialog.test_result.text()
    assert "Treadwell asks for the password when it signs in" in dialog.test_result.text()
    dialog.records_url.setText("postgresql://grace_okafor:secret@clinic-server/treadwell")
    dialog._on_save_clicked()  # saved with it: taken out too, and said once, under the form
    assert dialog.result_settings is None and "must not hold a password" in dialog.problem.text()
    assert dialog.records_url.text() == "postgresql://grace_okafor@clinic-server/treadwell"
    assert dialog.test_result.text().startswith("Used from the next start of Treadwell.")
    dialog._on_save_clicked()
    assert dialog.result_settings.records_url == "postgresql://grace_okafor@clinic-server/treadwell"


def test_an_address_whose_password_cannot_be_taken_out_whole_is_cleared_and_nothing_saved(qtbot) -> None:
    """Seen in review: "grace:p@ssw0rd@server" had "grace:p" taken out, and the next Save wrote "ssw0rd"."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.records_url.setText("postgresql://grace:p@ssw0rd@clinic-server/treadwell")
    dialog._on_save_clicked()
    assert dialog.result_settings is None and dialog.records_url.text() == ""
    assert "the address was cleared: type it again without it" in dialog.problem.text()
