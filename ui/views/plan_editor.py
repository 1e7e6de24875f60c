"""Step 4: the patient profile and the plan, recomputed by core as the clinician types."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from core.evidence.models import Study
from core.plan.engine import Plan, PlanOptions, compute_plan
from core.plan.overrides import WeekOverride, effective_plan
from core.plan.profile import PatientProfile, check_profile
from core.storage.records import PlanVersion
from ui.views.plan_panel import PlanPanel
from ui.views.profile_form import ProfileForm


class PlanEditor(QWidget):
    plan_changed = Signal(object)  # the effective Plan, or None while the profile is invalid
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ProfileForm()
        self.panel = PlanPanel()
        self.header = QLabel()
        self._studies: list[Study] = []
        self._options = PlanOptions()
        self.overrides: list[WeekOverride] = []
        self.profile: PatientProfile | None = None
        self.plan: Plan | None = None  # as the clinician left it (overrides applied)
        self.computed_plan: Plan | None = None  # as the engine computed it
        self.patient_id: int | None = None
        self.plan_id: int | None = None
        self.dirty = False
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.panel)
        split.setSizes([520, 840])
        self.form.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split)
        self.form.changed.connect(self._on_form_changed)
        self.panel.override_requested.connect(self._on_panel_override_requested)
        self._update_header()

    def set_context(self, studies: list[Study], options: PlanOptions) -> None:
        self._studies, self._options = studies, options
        self.recompute()

    def new_patient(self, etiology_id: str | None = None) -> None:
        self.patient_id = self.plan_id = None
        self.overrides = []
        self.form.clear()
        if etiology_id:
            self.set_etiology(etiology_id)
        self._set_dirty(False)

    def set_etiology(self, etiology_id: str) -> None:
        index = self.form.etiology.findData(etiology_id)
        if index >= 0 and index != self.form.etiology.currentIndex():
            self.form.etiology.setCurrentIndex(index)

    def load_version(self, version: PlanVersion) -> None:
        self.patient_id, self.plan_id = version.patient_id, version.id
        self.overrides = list(version.overrides)
        self.form.set_profile(version.profile)
        self._set_dirty(False)

    def mark_saved(self, version: PlanVersion) -> None:
        self.patient_id, self.plan_id = version.patient_id, version.id
        self._set_dirty(False)

    def recompute(self) -> None:
        profile, problems = check_profile(self.form.values())
        self.form.show_problems(problems)
        self.profile = profile
        if profile is None:
            self.computed_plan = self.plan = None
            self.panel.show_plan(None, set(), problems=len(problems))
        else:
            studies = [s for s in self._studies if profile.etiology in s.etiologies]
            self.computed_plan = compute_plan(profile, studies, self._options)
            self.plan = effective_plan(self.computed_plan, self.overrides, profile.max_sessions_per_week)
            self.panel.show_plan(self.plan, {o.week for o in self.overrides})
        self.plan_changed.emit(self.plan)

    @Slot()
    def _on_form_changed(self) -> None:
        self._set_dirty(True)
        self.recompute()

    @Slot(object)
    def _on_panel_override_requested(self, change: WeekOverride) -> None:
        previous = next((o for o in self.overrides if o.week == change.week), None)
        merged = change if previous is None else previous.model_copy(
            update={k: v for k, v in change.model_dump().items() if v is not None and k != "note"})
        self.overrides = sorted([o for o in self.overrides if o.week != change.week] + [merged], key=lambda o: o.week)
        self._set_dirty(True)
        self.recompute()

    def clear_overrides(self) -> None:
        self.overrides = []
        self._set_dirty(True)
        self.recompute()

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self.dirty
        self.dirty = dirty
        self._update_header()
        if changed:
            self.dirty_changed.emit(dirty)

    def _update_header(self) -> None:
        where = "new patient, not saved yet" if self.plan_id is None else \
            f"patient {self.patient_id}, plan {self.plan_id}"
        state = " — unsaved changes" if self.dirty and self.plan_id is not None else ""
        self.header.setText(f"<h3>4. Patient and plan</h3><p>{where}{state}</p>")
