"""Settings: clinic details for the handout, units and paper, the documented plan options, backups."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSpinBox, QWidget,
)
from pydantic import ValidationError

from core.plan import guidelines as g
from core.plan.engine import PlanOptions
from core.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.result_settings: Settings | None = None
        self.clinic = QLineEdit(settings.clinic_name)
        self.clinician = QLineEdit(settings.clinician_name)
        self.phone = QLineEdit(settings.contact_phone)
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
        self.formula = QComboBox()
        for formula in g.HR_MAX_FORMULAS.values():
            self.formula.addItem(f"{formula.label} ({formula.source.label})", formula.id)
        self.formula.setCurrentIndex(self.formula.findData(settings.plan.hr_max_formula))
        self.cap = QComboBox()
        for pct in g.WEEKLY_INCREASE_CHOICES_PCT:
            self.cap.addItem(f"{pct}% a week" + (" (default: the 10% rule, Buist 2008)" if pct == g.DEFAULT_WEEKLY_INCREASE_PCT
                                                 else ""), pct)
        self.cap.setCurrentIndex(self.cap.findData(settings.plan.max_weekly_increase_pct))
        self.pain_rise = QComboBox()
        for points in g.PAIN_RISE_CHOICES:
            self.pain_rise.addItem(f"{points} point{'s' if points > 1 else ''} above usual pain"
                                   + (" (product default)" if points == g.DEFAULT_PAIN_RISE else ""), points)
        self.pain_rise.setCurrentIndex(self.pain_rise.findData(settings.plan.pain_rise_allowed))
        self.pain_rise.setToolTip(g.PAIN_RISE_SOURCE.label)
        self.daily = QSpinBox()
        self.daily.setRange(1, 60)
        self.daily.setValue(settings.backup_daily_keep)
        self.weekly = QSpinBox()
        self.weekly.setRange(0, 52)
        self.weekly.setValue(settings.backup_weekly_keep)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B3261E;")
        self.problem.setWordWrap(True)
        for widget, name in ((self.clinic, "Clinic name"), (self.clinician, "Clinician name"), (self.phone, "Clinic phone"),
                             (self.logo, "Logo image file"), (browse, "Browse for the logo"), (self.units, "Units"),
                             (self.paper, "Paper size"), (self.formula, "Maximal heart rate formula"),
                             (self.cap, "Weekly progression cap"),
                             (self.pain_rise, "Acceptable rise in pain during walking"), (self.daily, "Daily backups kept"),
                             (self.weekly, "Weekly backups kept")):
            widget.setAccessibleName(name)
        logo_row = QWidget()
        logo_box = QHBoxLayout(logo_row)
        logo_box.setContentsMargins(0, 0, 0, 0)
        logo_box.addWidget(self.logo)
        logo_box.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Clinic name:", self.clinic)
        form.addRow("Clinician:", self.clinician)
        form.addRow("Phone on the handout:", self.phone)
        form.addRow("Logo (PNG or JPEG):", logo_row)
        form.addRow("Units:", self.units)
        form.addRow("Paper:", self.paper)
        form.addRow("Maximal heart rate:", self.formula)
        form.addRow("Progression cap:", self.cap)
        form.addRow("Pain during walking:", self.pain_rise)
        form.addRow("Daily backups kept:", self.daily)
        form.addRow("Weekly backups kept:", self.weekly)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        form.addRow(buttons)
        browse.clicked.connect(self._on_browse_clicked)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        self._base = settings
        self.resize(620, 420)

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Clinic logo", "", "Images (*.png *.jpg *.jpeg)")
        if path:
            self.logo.setText(path)

    @Slot()
    def _on_save_clicked(self) -> None:
        try:
            self.result_settings = Settings.model_validate({
                **self._base.model_dump(), "clinic_name": self.clinic.text().strip(),
                "clinician_name": self.clinician.text().strip(), "contact_phone": self.phone.text().strip(),
                "logo_path": self.logo.text().strip() or None, "units": self.units.currentData(),
                "paper_size": self.paper.currentData(),
                "plan": PlanOptions(hr_max_formula=self.formula.currentData(),
                                    max_weekly_increase_pct=self.cap.currentData(),
                                    pain_rise_allowed=self.pain_rise.currentData()).model_dump(),
                "backup_daily_keep": self.daily.value(), "backup_weekly_keep": self.weekly.value(),
            })
        except ValidationError as error:
            self.problem.setText("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                           for e in error.errors(include_url=False)))
            return
        self.accept()
