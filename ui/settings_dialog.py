"""Settings: clinic details for the handout, units and paper, the documented plan options, backups, and
the clinic database (the PostgreSQL server holding the clinic's patient records, or none)."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)
from pydantic import ValidationError

from core.handout.language import offered_label
from core.languages import languages
from core.plan import guidelines as g
from core.plan.engine import PlanOptions, caps_held
from core.settings import EMERGENCY_EXAMPLES, Settings, problems_in_words, typed_problems
from ui.field_problems import first_field, show_problem
from ui.file_dialogs import open_file
from ui.scrolling import VerticalScroll, screen_room
from ui.window_keys import WheelToPage


# The words beside each setting, which its problems are named by too (a plan rule's problem is named "Plan rules").
LABELS = {
    "clinic_name": "Clinic name", "clinician_name": "Clinician", "contact_phone": "Phone on the handout",
    "emergency_number": "Ambulance number",
    "logo_path": "Logo (PNG or JPEG)", "units": "Units", "paper_size": "Paper", "handout_print": "Handout print",
    "handout_language": "Handout language",
    "plan.hr_max_formula": "Maximal heart rate", "plan.max_weekly_increase_pct": "Progression cap",
    "plan.max_two_week_increase_pct": "Two-week cap", "plan.glucose": "Blood sugar (unverified)",
    "plan.pain_rise_allowed": "Pain during walking", "plan": "Plan rules", "backup_daily_keep": "Daily backups kept",
    "backup_weekly_keep": "Weekly backups kept", "records_url": "Clinic database",
}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *, started_with: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.result_settings: Settings | None = None
        self.clinic = QLineEdit(settings.clinic_name)
        self.clinician = QLineEdit(settings.clinician_name)
        self.phone = QLineEdit(settings.contact_phone)
        self.emergency = QLineEdit(settings.emergency_number)
        self.emergency.setPlaceholderText(f"such as {EMERGENCY_EXAMPLES}; printed on the stop page")
        self.logo = QLineEdit(settings.logo_path or "")
        browse = QPushButton("Browse…")
        self.units = QComboBox()
        self.units.addItem("Metric (km/h)", "metric")
        self.units.addItem("Imperial (mph)", "imperial")
        self.units.setCurrentIndex(self.units.findData(settings.units))
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(self.paper.findData(settings.paper_size))
        self.print_size = QComboBox()  # seen in review: the README lists it among the settings, the dialog had none
        self.print_size.addItem("Large print (16 pt)", "large")
        self.print_size.addItem("Standard print (14 pt, fewer pages)", "standard")
        self.print_size.setCurrentIndex(self.print_size.findData(settings.handout_print))
        self.language = QComboBox()
        for known in languages():
            self.language.addItem(offered_label(known.tag), known.tag)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.handout_language)))
        self.formula = QComboBox()
        for formula in g.HR_MAX_FORMULAS.values():
            self.formula.addItem(f"{formula.label} ({formula.source.label})", formula.id)
        self.formula.setCurrentIndex(self.formula.findData(settings.plan.hr_max_formula))
        self.cap = QComboBox()
        for pct in g.WEEKLY_INCREASE_CHOICES_PCT:
            self.cap.addItem(f"{pct}% a week" + (" (cautious default; Buist 2008: not proven to prevent injury)"
                                                 if pct == g.DEFAULT_WEEKLY_INCREASE_PCT else ""), pct)
        self.cap.setCurrentIndex(self.cap.findData(settings.plan.max_weekly_increase_pct))
        self.pain_rise = QComboBox()
        for points in g.PAIN_RISE_CHOICES:
            self.pain_rise.addItem(f"{points} point{'s' if points > 1 else ''} above usual pain"
                                   + (" (product default)" if points == g.DEFAULT_PAIN_RISE else ""), points)
        self.pain_rise.setCurrentIndex(self.pain_rise.findData(settings.plan.pain_rise_allowed))
        self.pain_rise.setToolTip(g.PAIN_RISE_SOURCE.label)
        self.two_week_cap = QComboBox()
        for pct in g.TWO_WEEK_INCREASE_CHOICES_PCT:
            self.two_week_cap.addItem(f"{pct}% over any two weeks" + (" (default: Nielsen 2014)"
                                                                      if pct == g.TWO_WEEK_INCREASE_LIMIT_PCT else ""), pct)
        self.two_week_cap.setCurrentIndex(self.two_week_cap.findData(settings.plan.max_two_week_increase_pct))
        self.two_week_cap.setToolTip(g.TWO_WEEK_INCREASE_SOURCE.cited())
        self.caps_note = QLabel()  # seen in testing: 30% a week under a 20% two-week cap was saved unexplained
        self.caps_note.setWordWrap(True)
        self.caps_note.setAccessibleName("How the two caps work together")
        for combo in (self.cap, self.two_week_cap):
            combo.currentIndexChanged.connect(self._on_cap_changed)
        self._on_cap_changed()
        self.glucose_low, self.glucose_ketones = QSpinBox(), QSpinBox()
        for spin, (low, high), value in ((self.glucose_low, g.GLUCOSE_LOW_RANGE_MG_DL, settings.plan.glucose_low_mg_dl),
                                         (self.glucose_ketones, g.GLUCOSE_KETONE_CHECK_RANGE_MG_DL,
                                          settings.plan.glucose_ketone_check_mg_dl)):
            spin.setRange(low, high)
            spin.setSingleStep(10)
            spin.setSuffix(" mg/dL")
            spin.setValue(value)
            spin.setToolTip(f"{g.GLUCOSE_SOURCE.cited()}. For patients on insulin or secretagogues; the handout also "
                            "gives mmol/L.")
        glucose_row = QWidget()
        glucose_box = QHBoxLayout(glucose_row)
        glucose_box.setContentsMargins(0, 0, 0, 0)
        glucose_box.addWidget(QLabel("carbohydrate first below"))
        glucose_box.addWidget(self.glucose_low)
        glucose_box.addWidget(QLabel("ketones above"))
        glucose_box.addWidget(self.glucose_ketones)
        glucose_box.addStretch(1)
        self.daily = QSpinBox()
        self.daily.setRange(1, 60)
        self.daily.setValue(settings.backup_daily_keep)
        self.weekly = QSpinBox()
        self.weekly.setRange(0, 52)
        self.weekly.setValue(settings.backup_weekly_keep)
        self.records_url = QLineEdit(settings.records_url)
        self.records_url.setPlaceholderText("empty: this workstation; e.g. postgresql://grace_okafor@clinic-server/"
                                            "treadwell")
        self.test_button = QPushButton("Test connection")
        self.test_result = QLabel("Used from the next start of Treadwell. The password is never kept here: "
                                  "libpq's password file, or Treadwell asks.")
        if started_with:  # seen by a clinic's tester: "empty: this workstation" shown by a window on the server
            self.test_result.setText(f"This window was started with --records {started_with}, and uses it whatever "
                                     "is set here. " + self.test_result.text())
        self.test_result.setWordWrap(True)
        self._test_note = self.test_result.text()  # said again where a problem with the address goes under the form
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B3261E;")
        self.problem.setWordWrap(True)
        for widget, name in ((self.clinic, "Clinic name"), (self.clinician, "Clinician name"), (self.phone, "Clinic phone"),
                             (self.emergency, "Local emergency number, printed on the handout's stop page"),
                             (self.logo, "Logo image file"), (browse, "Browse for the logo"), (self.units, "Units"),
                             (self.paper, "Paper size"), (self.print_size, "Handout print size"),
                             (self.language, "Handout language for patients whose profile names none"),
                             (self.formula, "Maximal heart rate formula"),
                             (self.cap, "Weekly progression cap"), (self.two_week_cap, "Two-week progression cap"),
                             (self.glucose_low, "Blood sugar below which to eat carbohydrate before a walk"),
                             (self.glucose_ketones, "Blood sugar above which to check ketones before a walk"),
                             (self.pain_rise, "Acceptable rise in pain during walking"), (self.daily, "Daily backups kept"),
                             (self.records_url, "Clinic database address"), (self.test_button, "Test the clinic database"),
                             (self.weekly, "Weekly backups kept")):
            widget.setAccessibleName(name)
        logo_row = QWidget()
        logo_box = QHBoxLayout(logo_row)
        logo_box.setContentsMargins(0, 0, 0, 0)
        logo_box.addWidget(self.logo)
        logo_box.addWidget(browse)
        content = QWidget()
        form = QFormLayout(content)
        clinic_row = QWidget()
        clinic_box = QHBoxLayout(clinic_row)
        clinic_box.setContentsMargins(0, 0, 0, 0)
        clinic_box.addWidget(self.records_url, 1)
        clinic_box.addWidget(self.test_button)
        for field, widget in (("clinic_name", self.clinic), ("clinician_name", self.clinician),
                              ("contact_phone", self.phone), ("emergency_number", self.emergency),
                              ("logo_path", logo_row), ("units", self.units),
                              ("paper_size", self.paper), ("handout_print", self.print_size),
                              ("handout_language", self.language),
                              ("plan.hr_max_formula", self.formula), ("plan.max_weekly_increase_pct", self.cap),
                              ("plan.max_two_week_increase_pct", self.two_week_cap), ("plan.glucose", glucose_row),
                              ("plan.pain_rise_allowed", self.pain_rise), ("backup_daily_keep", self.daily),
                              ("backup_weekly_keep", self.weekly), ("records_url", clinic_row)):
            form.addRow(f"{LABELS[field]}:", widget)
            if field == "plan.max_two_week_increase_pct":
                form.addRow("", self.caps_note)
        form.addRow(self.test_result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        outer = QVBoxLayout(self)
        outer.addWidget(VerticalScroll(content, frame=False), 1)  # a small screen scrolls the form; Save stays in view
        outer.addWidget(self.problem)
        outer.addWidget(buttons)
        browse.clicked.connect(self._on_browse_clicked)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        self.wheel_to_page = WheelToPage(self)  # a wheel scrolling the settings never changes one it passes over
        self._base = settings
        room = screen_room(parent)
        whole = content.sizeHint().height() + buttons.sizeHint().height() + 2 * outer.spacing() + 40
        self.resize(min(max(640, self.sizeHint().width()), room.width()), min(whole, room.height() - 40))

    @Slot()
    def _on_cap_changed(self, *_: object) -> None:
        self.caps_note.setText(caps_held(self.cap.currentData(), self.two_week_cap.currentData()))
        self.caps_note.setVisible(bool(self.caps_note.text()))

    @Slot()
    def _on_browse_clicked(self) -> None:
        path = open_file(self, "Clinic logo", "Images (*.png *.jpg *.jpeg)")
        if path:
            self.logo.setText(path)

    @Slot()
    def _on_test_button_clicked(self) -> None:
        """Sign in with the address as typed (off the GUI thread: a server that does not answer takes 10 s)."""
        from pydantic import ValidationError as Invalid

        if self._password_taken_out():
            self.test_result.setText(PASSWORD_TAKEN_OUT)
            return
        try:
            url = Settings(records_url=self.records_url.text()).records_url
        except Invalid as error:
            self.test_result.setText("Clinic database: " + error.errors(include_url=False)[0]["msg"].removeprefix(
                "Value error, "))
            return
        if self.problem.text().startswith(f"{LABELS['records_url']}:"):  # said of the address before, tested anew now
            self.problem.clear()  # (seen by a clinic's tester: "must not hold a password" left under the mended one)
        if not url:
            self.test_result.setText("No address: the records stay on this workstation.")
            return
        self._test_sign_in(url)

    def _test_sign_in(self, url: str, password: str | None = None) -> None:
        """``password``: typed for this test only, never kept (seen in review: a misspelt user and database passed
        as "asks for a password", as nothing was signed in to)."""
        from ui.background import run_in_background

        self.test_button.setEnabled(False)
        self.test_result.setText("Connecting…")

        def work() -> str | None:
            from core.workspace.clinic import ClinicServerError, PasswordNeeded, PasswordRefused, test_connection

            try:
                return test_connection(url, password)
            except PasswordNeeded:
                return None  # asked for, then tried with it
            except PasswordRefused:  # seen in review: the window's advice ("typed in the window") read wrong here
                if password is not None:
                    return (f"The server did not accept that password for {_user(url)}: check the user "
                            "name in the address, and the password. A clinician not yet registered is added by the "
                            "clinic's administrator (db add-clinician).")
                return ("The server answers but did not accept the password on file for this sign-in (libpq's "
                        "password file, or PGPASSWORD): correct it there, or take it out and Treadwell will ask for "
                        "it when it starts. A clinician not yet registered is added by the clinic's administrator "
                        "(db add-clinician).")
            except ClinicServerError as error:  # an answer, not a failure of Treadwell's (seen in review: each
                return str(error)  # unreachable server's test was logged as an error with its traceback)

        run_in_background(work, lambda sentence: self._on_tested(url, sentence), self._on_test_failed)

    def _on_tested(self, url: str, sentence: str | None) -> None:
        self.test_button.setEnabled(True)
        if sentence is not None:
            self.test_result.setText(sentence)
            return
        password, given = "", False
        if self.isVisible():  # not from a dialog closed while the server was asked (seen in review)
            password, given = QInputDialog.getText(
                self, "Clinic database", f"The server asks for the password of {_user(url)}. Type it to test the "
                "sign-in (it is not kept: Treadwell asks for it when it starts):", QLineEdit.EchoMode.Password)
        if given and password:
            self._test_sign_in(url, password)
            return
        self.test_result.setText("The server answers and asks for a password; none is on file for this sign-in, so "
                                 "Treadwell will ask for it when it starts. The user name and the database are "
                                 "checked once a password is given: test again to type it.")

    @Slot(object)
    def _on_test_failed(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(str(error))

    def _password_taken_out(self) -> bool:
        """A password typed into the clinic database's address is taken out of it before anything else (seen in
        review: refused, it stayed on screen unmasked, with advice for a terminal)."""
        from core.records_address import holds_a_secret, without_secrets

        if not holds_a_secret(self.records_url.text()):
            return False
        self.records_url.setText(without_secrets(self.records_url.text()))  # "" where it cannot be taken apart whole
        return True

    @Slot()
    def _on_save_clicked(self) -> None:
        fields = {"clinic_name": self.clinic, "clinician_name": self.clinician, "contact_phone": self.phone,
                  "emergency_number": self.emergency,
                  "logo_path": self.logo, "records_url": self.records_url, "backup_daily_keep": self.daily,
                  "backup_weekly_keep": self.weekly, "glucose_low_mg_dl": self.glucose_low,
                  "glucose_ketone_check_mg_dl": self.glucose_ketones}
        if self._password_taken_out():
            self.result_settings = None
            show_problem(self.problem, PASSWORD_TAKEN_OUT, fields, "records_url")
            self.test_result.setText(self._test_note)  # said once, under the form
            return
        try:
            self.result_settings = Settings.model_validate({
                **self._base.model_dump(), "clinic_name": self.clinic.text().strip(),
                "clinician_name": self.clinician.text().strip(), "contact_phone": self.phone.text().strip(),
                "emergency_number": self.emergency.text().strip(),
                "logo_path": self.logo.text().strip() or None, "units": self.units.currentData(),
                "paper_size": self.paper.currentData(), "handout_print": self.print_size.currentData(),
                "handout_language": self.language.currentData(),
                "plan": PlanOptions(hr_max_formula=self.formula.currentData(),
                                    max_weekly_increase_pct=self.cap.currentData(),
                                    pain_rise_allowed=self.pain_rise.currentData(),
                                    max_two_week_increase_pct=self.two_week_cap.currentData(),
                                    glucose_low_mg_dl=self.glucose_low.value(),
                                    glucose_ketone_check_mg_dl=self.glucose_ketones.value()).model_dump(),
                "backup_daily_keep": self.daily.value(), "backup_weekly_keep": self.weekly.value(),
                "records_url": self.records_url.text().strip(),
            })
        except ValidationError as error:
            show_problem(self.problem, "; ".join(problems_in_words(error, LABELS)), fields, first_field(error))
            if self.test_result.text().startswith(f"{LABELS['records_url']}: "):  # said once, under the form (seen
                self.test_result.setText(self._test_note)  # by a clinic's tester: twice, one half hidden)
            return
        # every problem of one Save said at once (seen by a helper: the logo's only after the phone's was mended)
        typed = typed_problems(self.result_settings, self._base)
        if self.result_settings.logo_path and self.result_settings.logo_path != self._base.logo_path:
            from core.handout.logo import LogoError, check_logo

            try:  # a logo that cannot be printed stopped every handout later, with no word here
                check_logo(self.result_settings.logo_path, where="")  # not "again in Settings": this is Settings
            except LogoError as error:
                typed.append(("logo_path", str(error)))
        if typed:
            show_problem(self.problem, "; ".join(f"{LABELS[field]}: {problem}" for field, problem in typed) + ".",
                         fields, typed[0][0])
            self.result_settings = None
            return
        self.accept()


PASSWORD_TAKEN_OUT = (f"{LABELS['records_url']}: must not hold a password, so the password was taken out of the "
                      "address (settings.json would keep it where others can read it; where it could not be taken out "
                      "whole, the address was cleared: type it again without it). Treadwell asks for the password "
                      "when it signs in; press Test connection again to type it now.")


def _user(url: str) -> str:
    """Who the address signs in as, for a sentence: with none in it, libpq takes this computer's user name."""
    return urlsplit(url).username or "this computer's user (the address names none)"
