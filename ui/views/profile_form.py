"""The patient profile as a form, with the problem of each field shown right under it.

The form only collects values: core.plan.profile.check_profile decides what is valid, and its
messages (from the pydantic rules) are what the clinician sees. What the etiology or a condition
implies (core/plan/implications.py) the form sets as soon as it is chosen, and it locks out the
values that would contradict it, with the reason as the tooltip.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from core.handout.language import offered_label
from core.languages import languages
from core.plan.guidelines import CONTRAINDICATIONS
from core.plan.implications import IMPLYING_FIELDS, implied_changes
from core.plan.profile import PatientProfile
from core.plan.profile_labels import CONDITION_LABELS, FIELD_LABELS, NUMBER_LABELS, SCREENING_LABELS
from core.plan.walking import form_speed, typed_kmh
from ui.models.profile_words import FASTEST, SLOWEST, SPEED, in_form_words, in_mph
from ui.models.table_model import combo_data
from ui.views.eliding_combo import ElidingComboBox
from ui.views.implied_values import ImpliedValues

SCI_LEVELS = [f"C{i}" for i in range(1, 9)] + [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)] + \
             [f"S{i}" for i in range(1, 6)]
PLACEHOLDERS = {"age": "18-100", "resting_hr": "35-120", "measured_hr_max": "optional, from an exercise test",
                "baseline_walk_min": "0-120", "comfortable_speed_kmh": "optional, 0.5-8", "pain_nrs": "0-10",
                "weeks": f"4-26; {PatientProfile.model_fields['weeks'].default} if left empty",
                "max_sessions_per_week": f"2-7; {PatientProfile.model_fields['max_sessions_per_week'].default} if left "
                                         "empty"}  # seen in review: a blank plan length planned 12 weeks, unsaid
NUMBER_FIELDS = {field: (label, PLACEHOLDERS[field]) for field, label in NUMBER_LABELS.items()}  # (label, placeholder)
CONDITIONS = CONDITION_LABELS
SCREENING = SCREENING_LABELS
# the screening's definitions are core's (PatientProfile's field descriptions, as `schema profile` prints them too;
# seen in review: here alone, and "Diabetes counts as metabolic disease" on "currently active")
SCREENING_HELP = {field: PatientProfile.model_fields[field].description
                  for field in ("currently_active", "known_disease", "symptoms")}


def _number(text: str) -> Any:
    """A number when the text is one in digits, with a decimal point or comma or none; otherwise the text itself, for
    the core check to name (seen in testing: Python reads "6_3" as 63, taken without a word; "1e2" as 100.0, called
    "written without a decimal point")."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    return float(text) if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)", text) else text


class _Heights(QObject):
    """A wrapped problem label's height fitted again to its width as it changes (seen in review: the problems shown
    brought the form's scroll bar, which narrowed it, and a problem's second line stayed cut off under the next field
    until another field changed)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel) and watched.text():
            watched.setMinimumHeight(watched.heightForWidth(watched.width()))
        return False


class ProfileForm(ImpliedValues, QWidget):
    changed = Signal()  # a value may have changed
    field_left = Signal()  # the clinician left a field (focus alone changes no value): its problem may show now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self._problem_parts: dict[str, str] = {}  # show_problems' parts
        self._inputs: dict[str, QWidget] = {}  # the field a problem label is under
        self._labels: dict[str, QLabel] = {}  # each field's label in the form
        self._touched: set[str] = set()  # a field's problem shows once the clinician has been there
        self.keyed: set[str] = set()  # typed in, not yet left: its new problem waits (at each key it moved the fields)
        self._heights = _Heights(self)
        self._units = "metric"  # the comfortable speed's (set_units)
        self._speed_shown: tuple[float, float] | None = None  # (the speed shown, the km/h it shows): read back exact
        self._start_implied_values()
        self.show_all_problems = False  # set when saving is attempted
        self.name = QLineEdit()
        self.etiology = ElidingComboBox()  # the longest etiology name is wider than the field
        self.sex = QComboBox()
        # Item data is never None: PySide6 miscounts references to None returned by currentData(), and
        # after enough keystrokes the interpreter aborts (found by the form fuzz test). "" stands for "not given".
        for label, value in (("Not given", ""), ("Female", "female"), ("Male", "male"), ("Other", "other"),
                             ("Unspecified", "unspecified")):
            self.sex.addItem(label, value)
        self.numbers = {field: QLineEdit() for field in NUMBER_FIELDS}
        self.sci_level = QComboBox()
        self.sci_level.addItem("Not given", "")
        for level in SCI_LEVELS:
            self.sci_level.addItem(level, level)
        self.sci_complete = QComboBox()
        for label, value in (("Not known", ""), ("Incomplete", "incomplete"), ("Complete", "complete")):
            self.sci_complete.addItem(label, value)
        self.diabetes = QComboBox()
        for label, value in (("No diabetes", "none"), ("Type 1", "type1"), ("Type 2", "type2")):
            self.diabetes.addItem(label, value)
        self.language = QComboBox()
        self.language.addItem("The clinic's default (Settings)", "")
        for known in languages():
            self.language.addItem(offered_label(known.tag), known.tag)
        # its long names must not widen the form: the list opens as wide as they need
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.language.setMinimumContentsLength(14)
        self.bp_systolic, self.bp_diastolic = QLineEdit(), QLineEdit()
        self.checks = {field: QCheckBox(label) for field, label in {**CONDITIONS, **SCREENING}.items()}
        self.contraindications = {cid: QCheckBox(text[0].upper() + text[1:]) for cid, text in CONTRAINDICATIONS.items()}
        self._layout()
        self._name_everything()
        self._connect()
        chain = self.tab_order()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def tab_order(self) -> list[QWidget]:
        """The order the fields appear in, top to bottom: Tab follows it."""
        return [self.name, self.etiology, self.sex, self.language, *self.numbers.values(), self.bp_systolic,
                self.bp_diastolic, self.sci_level, self.sci_complete, self.diabetes, *(self.checks[f] for f in SCREENING),
                *(self.checks[f] for f in CONDITIONS), *self.contraindications.values()]

    def _row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> None:
        error = QLabel()
        error.setStyleSheet("color: #B3261E;")
        error.setWordWrap(True)
        error.setVisible(False)
        error.setAccessibleName(f"Problem with {label.lower()}")
        error.installEventFilter(self._heights)
        self._errors[field], self._inputs[field] = error, widget
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        self._labels[field] = QLabel(label + ":")
        self._labels[field].setBuddy(box)  # as addRow(text, box) makes it
        form.addRow(self._labels[field], box)

    def _layout(self) -> None:
        patient = QGroupBox("Patient")
        form = QFormLayout(patient)
        self._row(form, FIELD_LABELS["name"], "name", self.name)
        self._row(form, FIELD_LABELS["etiology"], "etiology", self.etiology)
        form.addRow(self.implied_note)  # under the etiology, where a change is made and seen at any scaling
        self._row(form, FIELD_LABELS["sex"], "sex", self.sex)
        self._row(form, FIELD_LABELS["language"], "language", self.language)
        for field, (label, placeholder) in NUMBER_FIELDS.items():
            self.numbers[field].setPlaceholderText(placeholder)
            self._row(form, label, field, self.numbers[field])
        bp = QWidget()
        bp_row = QGridLayout(bp)
        bp_row.setContentsMargins(0, 0, 0, 0)
        self.bp_systolic.setPlaceholderText("systolic")
        self.bp_diastolic.setPlaceholderText("diastolic")
        bp_row.addWidget(self.bp_systolic, 0, 0)
        bp_row.addWidget(QLabel("/"), 0, 1)
        bp_row.addWidget(self.bp_diastolic, 0, 2)
        self._row(form, FIELD_LABELS["resting_bp"], "resting_bp", bp)
        self._inputs["resting_bp"] = self.bp_systolic  # the pair's first box takes the focus and the problem
        self._row(form, FIELD_LABELS["sci_level"], "sci_level", self.sci_level)
        self._row(form, FIELD_LABELS["sci_complete"], "sci_complete", self.sci_complete)
        self._row(form, FIELD_LABELS["diabetes"], "diabetes", self.diabetes)
        conditions = QGroupBox("Heart-rate and safety conditions")
        grid = QVBoxLayout(conditions)
        for field in CONDITIONS:
            grid.addWidget(self.checks[field])
        screening = QGroupBox("Screening (ACSM 2015)")
        screen_box = QVBoxLayout(screening)
        for field in SCREENING:
            screen_box.addWidget(self.checks[field])
        contra = QGroupBox("Absolute contraindications")
        contra_box = QVBoxLayout(contra)
        for box in self.contraindications.values():
            contra_box.addWidget(box)
        self._errors["contraindications"] = QLabel()
        layout = QVBoxLayout(self)
        for widget in (patient, screening, conditions, contra):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _name_everything(self) -> None:
        self.name.setAccessibleName("Patient name")
        self.etiology.setAccessibleName("Etiology")
        self.sex.setAccessibleName("Sex")
        for field, (label, _) in NUMBER_FIELDS.items():
            self.numbers[field].setAccessibleName(label)
        self.bp_systolic.setAccessibleName("Resting systolic blood pressure")
        self.bp_diastolic.setAccessibleName("Resting diastolic blood pressure")
        self.sci_level.setAccessibleName("Spinal cord injury level")
        self.sci_complete.setAccessibleName("Spinal cord injury complete or incomplete")
        self.diabetes.setAccessibleName("Diabetes")
        self.language.setAccessibleName("Handout language")
        self.language.setToolTip("The language of the patient's printed handout; the clinician summary stays in English.")
        for field, box in self.checks.items():
            box.setAccessibleName(box.text())
            if field in SCREENING_HELP:
                box.setToolTip(SCREENING_HELP[field])
                box.setAccessibleDescription(SCREENING_HELP[field])
        for box in self.contraindications.values():
            box.setAccessibleName(f"Contraindication: {box.text()}")

    def _connect(self) -> None:
        fields = {self.name: "name", self.bp_systolic: "resting_bp", self.bp_diastolic: "resting_bp",
                  **{edit: field for field, edit in self.numbers.items()}}
        for edit, field in fields.items():
            edit.textEdited.connect(lambda _text, field=field: (self._touched.add(field), self.keyed.add(field)))
            edit.editingFinished.connect(lambda field=field: (self.keyed.discard(field), self._touched.add(field),
                                                              self.field_left.emit()))
        for edit in (self.name, *self.numbers.values(), self.bp_systolic, self.bp_diastolic):
            edit.textChanged.connect(self._on_any_changed)
        # Implied values first, so the plan is redrawn once, from a profile that no longer contradicts itself.
        for field in IMPLYING_FIELDS:
            widget = self._implied_widget(field)
            signal = widget.toggled if isinstance(widget, QCheckBox) else widget.currentIndexChanged
            signal.connect(self._on_implying_field_changed)
        for combo in (self.etiology, self.sex, self.language, self.sci_level, self.sci_complete, self.diabetes):
            combo.currentIndexChanged.connect(self._on_any_changed)
        for box in (*self.checks.values(), *self.contraindications.values()):
            box.toggled.connect(self._on_any_changed)
        self._apply_implications(change_values=False)

    @Slot()
    def _on_any_changed(self, *_: object) -> None:
        if not self._applying:
            self.changed.emit()

    def set_etiologies(self, etiologies: list[tuple[str, str]]) -> None:
        """(id, display name) pairs from the evidence library, once it has loaded."""
        current = combo_data(self.etiology)
        self.etiology.blockSignals(True)
        self.etiology.clear()
        for etiology_id, name in etiologies:
            self.etiology.addItem(name, etiology_id)
        self.etiology.setCurrentIndex(max(0, self.etiology.findData(current)))
        self.etiology.blockSignals(False)
        self._apply_implications(change_values=True)

    def values(self) -> dict[str, Any]:
        """What the form holds, for core.plan.profile.check_profile (empty optional fields left out)."""
        data: dict[str, Any] = {"name": self.name.text(), "etiology": combo_data(self.etiology),
                                "diabetes": combo_data(self.diabetes)}
        if combo_data(self.sex):
            data["sex"] = combo_data(self.sex)
        if combo_data(self.language):
            data["language"] = combo_data(self.language)
        for field, edit in self.numbers.items():
            value = _number(edit.text())
            if value is not None:
                data[field] = self._speed_kmh(value) if field == SPEED else value
        systolic, diastolic = _number(self.bp_systolic.text()), _number(self.bp_diastolic.text())
        if systolic is not None or diastolic is not None:
            data["resting_bp"] = (systolic, diastolic)
        data["sci_level"] = combo_data(self.sci_level) or None
        data["sci_complete"] = {"complete": True, "incomplete": False}.get(combo_data(self.sci_complete))
        data.update({field: box.isChecked() for field, box in self.checks.items()})
        data["contraindications"] = [cid for cid, box in self.contraindications.items() if box.isChecked()]
        return data

    def show_problems(self, problems: dict[str, str], parts: dict[str, str] | None = None) -> None:
        """Each field's problem under it once the field was left (or saving was attempted), one it had following the
        typing; ``parts``, the box of the blood pressure's two that its problem is about (profile.ProfileCheck)."""
        self._problem_parts = parts or {}
        for field, label in self._errors.items():
            shown = (self.show_all_problems or field in self._touched) and (field not in self.keyed or label.text())
            message = in_form_words(field, problems[field], self._units) if shown and field in problems else ""
            label.setText(message)
            label.setVisible(bool(message))
            if field in self._inputs:  # read out with the field (the label under it is never focused), with why
                widget = self._inputs[field]  # it is locked, if it is (its tooltip: implied_values), and what the
                noted = self.implied_words if widget is self.noted_with else ""  # form just set
                widget.setAccessibleDescription(". ".join(filter(None, [message, widget.toolTip(), noted])))
            if message:  # a wrapped label inside a form row gets too little height unless told how much it needs
                label.setMinimumHeight(label.heightForWidth(max(self.name.width(), 180)))  # until laid out (_Heights)
        # fitted again once laid out at its own width: a message that changed on a label whose width did not (no
        # resize for _Heights) kept the height of the one before (seen under Xvfb at 150 %: "from 35 to" with the
        # second line cut off under the next field, and a blank line under another field's one-line message)
        QTimer.singleShot(0, self, self._fit_problems)

    def _fit_problems(self) -> None:
        forms = set()
        for label in self._errors.values():
            if label.isVisible() and label.text():
                label.setMinimumHeight(label.heightForWidth(label.width()))
                forms.add(label.parentWidget().parentWidget())
        for form in forms:  # its rows' heights for width asked again (QFormLayout kept those it had)
            form.layout().invalidate()

    def focus_first_problem(self) -> None:
        """The focus on the first field, in the form's order, whose problem shows (its text selected, to retype):
        after Ctrl+S it stayed where it was, the problem scrolled out of view."""
        for field, label in self._errors.items():
            if label.isVisibleTo(self) and field in self._inputs:  # of the blood pressure's boxes, the one named
                diastolic = self._problem_parts.get(field) == "diastolic"
                (self.bp_diastolic if diastolic else self._inputs[field]).setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def set_profile(self, profile: PatientProfile) -> dict[str, Any]:
        """Show a saved profile. A record saved before a rule of core/plan/implications.py existed may contradict it:
        the implied values are filled in, and returned ({field: value}) so the editor can say what changed and mark the
        plan unsaved; nothing is hidden or locked in a contradicting state. A refused save's problems go (review)."""
        self._touched, self.keyed, self.show_all_problems = set(NUMBER_FIELDS) | {"name", "resting_bp"}, set(), False
        self.forget_implied_values()  # the record's values are the clinician's
        self.blockSignals(True)
        self.name.setText(profile.name)
        self.etiology.setCurrentIndex(max(0, self.etiology.findData(profile.etiology)))
        self.sex.setCurrentIndex(max(0, self.sex.findData(profile.sex or "")))
        self.language.setCurrentIndex(max(0, self.language.findData(profile.language or "")))
        for field, edit in self.numbers.items():
            value = getattr(profile, field)
            edit.setText("" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
        self._show_speed(profile.comfortable_speed_kmh)
        self.bp_systolic.setText(str(profile.resting_bp[0]) if profile.resting_bp else "")
        self.bp_diastolic.setText(str(profile.resting_bp[1]) if profile.resting_bp else "")
        self.sci_level.setCurrentIndex(max(0, self.sci_level.findData(profile.sci_level or "")))
        complete = {True: "complete", False: "incomplete"}.get(profile.sci_complete, "")
        self.sci_complete.setCurrentIndex(max(0, self.sci_complete.findData(complete)))
        self.diabetes.setCurrentIndex(max(0, self.diabetes.findData(profile.diabetes)))
        for field, box in self.checks.items():
            box.setChecked(getattr(profile, field))
        for cid, box in self.contraindications.items():
            box.setChecked(cid in profile.contraindications)
        filled = implied_changes(self.values())
        self._apply_implications(change_values=True, announce=False)
        self.implied_note.setVisible(False)  # the editor names what it filled in
        self.blockSignals(False)
        self.changed.emit()
        return filled

    def has_entries(self) -> bool:
        """Anything typed in, ticked or chosen (the etiology, chosen on step 1, and what it implies aside)."""
        return (any(edit.text().strip() for edit in (self.name, *self.numbers.values(), self.bp_systolic,
                                                      self.bp_diastolic))
                or any(combo.currentIndex() for combo in (self.sex, self.language, self.sci_level, self.sci_complete))
                or any(box.isChecked() and box.isEnabled() for box in (*self.checks.values(),
                                                                         *self.contraindications.values())))

    def clear(self, etiology_id: str | None = None) -> None:
        """A new patient's form: nothing typed, and ``etiology_id`` (chosen on step 1) with what it implies, unsaid
        (seen in testing: set after the form was cleared, "Put Diabetes back to No diabetes (was Type 2)" was said
        of the patient open before)."""
        self._touched, self.keyed = set(), set()
        self._speed_shown = None
        self.forget_implied_values()
        self.show_all_problems = False
        self.blockSignals(True)
        if etiology_id and (index := self.etiology.findData(etiology_id)) >= 0:
            self.etiology.setCurrentIndex(index)
        for edit in (self.name, *self.numbers.values(), self.bp_systolic, self.bp_diastolic):
            edit.clear()
        for combo in (self.sex, self.language, self.sci_level, self.sci_complete, self.diabetes):
            combo.setCurrentIndex(0)
        for box in (*self.checks.values(), *self.contraindications.values()):
            box.setChecked(False)
        self._apply_implications(change_values=True)
        self.implied_note.setVisible(False)  # a new patient: nothing the form did is news
        self.blockSignals(False)
        self.changed.emit()

    def set_units(self, units: str) -> None:
        """The comfortable speed typed and shown in the clinic's ``units`` (Settings), mph for an imperial clinic, and
        kept in km/h (seen in review: "Comfortable walking speed (km/h)" in a form whose week table and session log
        said mph). A speed shown is shown again in the new units, the same km/h."""
        if units == self._units:
            return
        kmh = self._speed_kmh(_number(self.numbers[SPEED].text()))
        self._units = units
        label = NUMBER_LABELS[SPEED] if units == "metric" else NUMBER_LABELS[SPEED].replace("km/h", "mph")
        edit = self.numbers[SPEED]
        edit.setAccessibleName(label)
        edit.setPlaceholderText(PLACEHOLDERS[SPEED] if units == "metric"
                                else f"optional, {in_mph(SLOWEST)}-{in_mph(FASTEST)}")
        self._labels[SPEED].setText(label + ":")
        self._errors[SPEED].setAccessibleName(f"Problem with {label.lower()}")
        if isinstance(kmh, float | int) and not isinstance(kmh, bool):
            edit.blockSignals(True)  # the same speed: nothing changed
            self._show_speed(kmh)
            edit.blockSignals(False)

    def _speed_kmh(self, value: Any) -> Any:
        """The comfortable speed typed, in km/h: the km/h shown, while the number typed is the one shown (a saved
        3.5 km/h shown as 2.17 mph reads back 3.5, not 3.49, so the plan is not taken as changed), else as kept from
        what is typed (walking.typed_kmh). Text that is no number is left for the core check to name."""
        if isinstance(value, bool) or not isinstance(value, float | int):
            return value
        if self._speed_shown is not None and self._speed_shown[0] == value:  # "2,17" as "2.17"
            return self._speed_shown[1]
        return typed_kmh(value, self._units)

    def _show_speed(self, kmh: float | None) -> None:
        shown = None if kmh is None else form_speed(kmh, self._units)  # km/h as kept (seen in review: 3.456 as 3.46)
        self.numbers[SPEED].setText("" if shown is None else f"{shown:g}")
        self._speed_shown = None if kmh is None or shown is None else (shown, kmh)
