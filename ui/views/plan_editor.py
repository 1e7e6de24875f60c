"""Step 4: the patient profile and the plan, recomputed by core as the clinician types."""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.evidence.models import Study
from core.plan.compare import plan_differences
from core.plan.engine import PlanOptions
from core.plan.overrides import OVERRIDABLE, WeekOverride, effective_plan
from core.plan.profile import check_profile
from core.records.models import REASON_MAX_LENGTH, PlanVersion
from core.workspace.draft import PlanDraft, draft_plan, same_profile
from ui.scrolling import SHOWN_MARGIN, SideBySideOrStacked, bring_into_view
from ui.views.plan_panel import PlanPanel
from ui.views.profile_form import ProfileForm


def _draft_field(name: str) -> property:
    """A field of the draft, read and set through the editor (the window and the tests use these names)."""
    return property(lambda self: getattr(self.draft, name), lambda self, value: setattr(self.draft, name, value))


BLOCKED = " — <b style='color:#8B1A1A'>blocked: the plan cannot start yet</b> (the reasons are above the weeks)"


class PlanEditor(QWidget):
    """The controller of the plan draft: it owns the PlanDraft, recomputes it through core as the
    clinician types, and emits what changed; the form and the panel only render it."""

    plan_changed = Signal(object)  # the effective Plan, or None while the profile is invalid
    dirty_changed = Signal(bool)
    save_requested = Signal()  # the Save plan button: the window saves, as File > Save plan does

    profile = _draft_field("profile")
    plan = _draft_field("plan")  # as the clinician left it (overrides applied)
    computed_plan = _draft_field("computed_plan")  # as the engine computed it
    overrides = _draft_field("overrides")
    patient_id = _draft_field("patient_id")
    plan_id = _draft_field("plan_id")
    dirty = _draft_field("dirty")
    _saved = _draft_field("saved")  # shown as saved until the clinician changes something

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ProfileForm()
        self.panel = PlanPanel()
        self.header = QLabel()
        self.header.setWordWrap(True)  # seen in review at 150 %: a long name, unsaved and blocked, widened the window
        self._tallest_header = QLabel(self)  # never shown: the header's text at its longest, measured (_steady_header)
        self._tallest_header.setWordWrap(True)
        self._tallest_header.hide()
        self._studies: list[Study] = []
        self._options = PlanOptions()
        self.draft = PlanDraft()  # the typed state this controller owns (core/workspace/draft.py)
        self.opened = 0  # counts the plans put on screen (a patient's version, a new patient): a save tried again
        # later is of the plan it was asked for only (seen in review: another patient's edits were saved unasked)
        self._save_uid: tuple[tuple[int, int | None], str] | None = None
        self._picked: str | None = None  # the etiology step 1 last chose (set_etiology)
        self._loading = False
        # Dirty means "the values differ from the saved ones": the version last opened or saved, or for a
        # new patient the form as it was started (etiology chosen, nothing typed).
        self._reference: PlanVersion | None = None
        self._blank: dict | None = None
        self.saved_note = QLabel()
        self.saved_note.setWordWrap(True)
        self.saved_note.setAccessibleName("The saved plan and today's settings")
        self.use_today = QPushButton("Use today's settings")
        self.use_today.setAccessibleName("Recompute the saved plan with today's settings and guidelines")
        self.use_today.clicked.connect(self._on_use_today_clicked)
        note_row = QWidget()
        note_box = QHBoxLayout(note_row)
        note_box.setContentsMargins(0, 0, 0, 0)
        note_box.addWidget(self.saved_note, 1)
        note_box.addWidget(self.use_today)
        self.note_row = note_row
        note_row.setVisible(False)
        self.form.setMinimumWidth(460)
        # side by side where the week table fits beside the form, one above the other where it does not
        self.panes = SideBySideOrStacked(self.form, self.panel, wide=1, needs=self.panel.full_width,
                                         sizes=(520, 840), keep_widest=True)  # typed into: not moved under the pointer
        self.panel.table.horizontalHeader().sectionResized.connect(lambda *_: self.panes.refit_soon())
        # seen in testing: with no button in the view, a new user did not find File > Save plan (Ctrl+S)
        self.save_button = QPushButton("Save plan")
        self.save_button.setAccessibleName("Save the plan (Ctrl+S)")
        self.save_button.setToolTip("Save the plan and the patient (Ctrl+S)")
        self.save_button.clicked.connect(self.save_requested)
        # why this version: kept with it, shown in Records and Progress (seen in review: what changed was recorded,
        # never why); Enter saves, as the button does
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Reason for this version (optional)")
        self.reason.setAccessibleName("Reason for saving this version, kept with it")
        self.reason.setToolTip("Why you save this version, such as a pain flare, a fall or a new medicine (one line, "
                               f"at most {REASON_MAX_LENGTH} characters): kept with the version, and shown in Records, "
                               "Progress and the progress report")  # no maxLength: more is refused by name, not cut
        self.reason.returnPressed.connect(self.save_requested)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header, 3)
        header_row.addWidget(self.reason, 2, Qt.AlignmentFlag.AlignBottom)
        header_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addWidget(note_row)
        layout.addWidget(self.panes, 1)
        self.form.changed.connect(self._on_form_changed)
        self.form.field_left.connect(self._on_form_field_left)
        self.panel.override_requested.connect(self._on_panel_override_requested)
        # a refusal shows under the weeks: scrolled into view (after the panel's own slot has set it)
        self.panel.weeks.override_refused.connect(  # once laid out: scrolled to at no height, a strip was in sight
            lambda _why: bring_into_view(self, self.panel.cell_problem, margin=SHOWN_MARGIN))
        self._blank = self.form.values()
        self._record_note = ""
        self._update_header()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Step 4 first opens at the patient's name, not at the first of its widgets in the window's Tab order, the
        reason beside Save plan (seen in testing: opened with Ctrl+4, what was typed went into the reason); later,
        where the clinician left it."""
        super().showEvent(event)
        if self.focusWidget() is None and self.window().focusWidget() is not None:
            self.form.name.setFocus()

    def set_context(self, studies: list[Study], options: PlanOptions, units: str = "metric") -> None:
        """``units``: the clinic's (Settings), the week table's speeds' and the comfortable speed's in the form."""
        self._studies, self._options = studies, options
        self.panel.weeks.units = units
        self.form.set_units(units)
        self.recompute()

    def new_patient(self, etiology_id: str | None = None) -> None:
        self.opened += 1
        self.patient_id = self.plan_id = None
        self._saved = self._reference = None
        self._blank = None
        self.overrides = []
        self.reason.clear()  # a reason belongs to the version it was typed for
        self._picked = etiology_id
        self.form.clear(etiology_id)
        self._blank = self.form.values()
        self.panes.start_afresh()
        self._update_dirty()

    def set_etiologies(self, etiologies: list[tuple[str, str]]) -> None:
        """(id, display name) pairs from the evidence library; a new patient not yet typed stays unchanged."""
        self._quietly(lambda: self.form.set_etiologies(etiologies))

    def set_etiology(self, etiology_id: str, *, looking: bool = False) -> bool:
        """The etiology chosen on step 1. For a new patient not yet typed this is where the form starts, not an edit.
        A choice said again as it stood (the evidence read anew: another workstation imported studies, the clinic
        server signed in to again) changes nothing (seen in testing: a new patient's etiology, corrected in the form,
        went back to step 1's unasked, and was saved so). ``looking``: chosen by step 1's filter, which a new patient
        already typed does not follow (False returned: Enter or a click on it is still the clinician's choice)."""
        if etiology_id in ('', self._picked):  # '': the list emptied to be filled again
            return True
        if looking and self.plan_id is None and not self._untouched_new_patient():
            return False
        self._picked = etiology_id  # followed with a saved version on screen too, whose form it leaves as it is
        if self.plan_id is not None:
            return True
        index = self.form.etiology.findData(etiology_id)
        if index >= 0 and index != self.form.etiology.currentIndex():
            self._quietly(lambda: self.form.etiology.setCurrentIndex(index))
        return True

    def _quietly(self, change) -> None:
        """A change the window makes to the form (not the clinician's typing), then one recompute."""
        untouched = self._untouched_new_patient()
        self._loading = True
        try:
            change()
        finally:
            self._loading = False
        if untouched:
            self._blank = self.form.values()
        self.recompute()

    def _untouched_new_patient(self) -> bool:
        return self._reference is None and not self.dirty

    def load_version(self, version: PlanVersion) -> None:
        """Show the version exactly as it was saved; recomputing it with today's settings and guidelines is
        the clinician's explicit choice (Use today's settings), after seeing what would change."""
        self.opened += 1
        self.patient_id, self.plan_id = version.patient_id, version.id
        self.panes.start_afresh()
        self.reason.clear()
        self.overrides = list(version.overrides)
        self._saved = self._reference = version
        self._blank = None
        self._loading = True
        try:
            filled = self.form.set_profile(version.profile)
        finally:
            self._loading = False
        self.recompute()  # dirty when what the record implies was filled in (the values now differ)
        if filled:  # saved before a rule existed: what the record implies is filled in, for the clinician to check
            shown = ", ".join(f"{field} = {str(value).lower() if isinstance(value, bool) else value}"
                              for field, value in filled.items())
            self.note_row.setVisible(True)
            self.use_today.setVisible(False)
            self.saved_note.setText(f"<b>Filled in:</b> this record was saved before Treadwell checked what its "
                                    f"etiology and conditions imply; {escape(shown)}. Check them, then save.")
            self.saved_note.setToolTip("")

    @property
    def made_from(self) -> PlanVersion | None:
        """The saved version the form's changes were made from (None for a new patient)."""
        return self._reference

    def carry_onto(self, newer: PlanVersion, profile, overrides: list[WeekOverride]) -> None:
        """``newer`` (saved meanwhile) opened, with the clinician's changes carried onto it (core/records/carrying.py)
        and unsaved, for the clinician to check and save; the reason typed stays."""
        reason = self.reason.text()
        self.load_version(newer)
        self.reason.setText(reason)
        self.overrides = list(overrides)
        self._quietly(lambda: self.form.set_profile(profile))

    def keep_as_new_patient(self) -> None:
        """The patient on screen is gone from the records (deleted on another workstation): what is typed stays,
        unsaved, and a save makes it a new patient."""
        self.opened += 1
        self.patient_id = self.plan_id = None
        self._saved = self._reference = None
        self._blank = {}  # differs from anything typed: unsaved
        self._update_dirty()

    @property
    def save_uid(self) -> str:
        """The uid the next version of the plan on screen is saved under: the same for every try until one is answered
        (seen in review: the connection dropped after the clinic server saved a new patient, the window said "not
        saved yet", and its try again saved the patient a second time), a new one once a plan is opened or saved."""
        on_screen = (self.opened, self.plan_id)
        if self._save_uid is None or self._save_uid[0] != on_screen:
            self._save_uid = (on_screen, str(uuid.uuid4()))
        return self._save_uid[1]

    def mark_saved(self, version: PlanVersion) -> None:
        """``version`` is what the records now hold for what is on screen (new, or the newest unchanged)."""
        self.patient_id, self.plan_id = version.patient_id, version.id
        self._saved = self._reference = version
        self._blank = None
        self.form.forget_implied_values()
        self._update_dirty()

    def is_blank(self) -> bool:
        """A new patient with nothing typed in (seen in review: a form filled in but for the name was thrown away by
        Ctrl+N and by quitting, unasked, as "no profile and no name" counted as blank)."""
        started = self._blank or {}  # the form as the new patient started: the diabetes the etiology implied
        return self._reference is None and not self.form.has_entries() and \
            self.form.values()["diabetes"] == started.get("diabetes", "none")

    def show_every_problem(self) -> None:
        """Saving was attempted: every field's problem shows, touched or not, and the one being typed in."""
        self.form.show_all_problems = True
        self.form.keyed.clear()
        self.recompute()

    def recompute(self) -> None:
        profile, problems, parts = check_profile(self.form.values())
        self.form.show_problems(problems, parts)
        self.profile = profile
        differences: list[str] = []
        if profile is None:
            self.computed_plan = self.plan = None
            self.panel.show_plan(None, set(), problems=len(problems))
        else:
            today = draft_plan(profile, self._studies, self._options)
            saved = self._saved if self._saved is not None and same_profile(self._saved.profile, profile) else None
            self.computed_plan = saved.plan if saved is not None else today
            self.plan = effective_plan(self.computed_plan, self.overrides, profile.max_sessions_per_week)
            if saved is not None:
                differences = plan_differences(
                    self.plan, effective_plan(today, self.overrides, profile.max_sessions_per_week),
                    units=self.panel.weeks.units)
            self.panel.show_plan(self.plan, {o.week for o in self.overrides})
        self._show_saved_note(differences)
        self._update_dirty()
        self.plan_changed.emit(self.plan)

    def _show_saved_note(self, differences: list[str]) -> None:
        self.note_row.setVisible(bool(differences))
        self.use_today.setVisible(True)
        if differences:
            shown = differences[:6] + ([f"... and {len(differences) - 6} more"] if len(differences) > 6 else [])
            self.saved_note.setText("<b>Shown as saved.</b> Today's settings and guidelines would change: "
                                    + "; ".join(escape(line) for line in shown) + ".")
            self.saved_note.setToolTip("\n".join(differences))

    @Slot()
    def _on_use_today_clicked(self) -> None:
        self._saved = None
        self.recompute()

    @Slot()
    def _on_form_changed(self) -> None:
        if self._loading:
            return
        self.recompute()

    @Slot()
    def _on_form_field_left(self) -> None:
        """Leaving a field changes no value: only its problem, if any, shows now."""
        checked = check_profile(self.form.values())
        self.form.show_problems(checked.problems, checked.parts)

    @Slot(object)
    def _on_panel_override_requested(self, change: WeekOverride) -> None:
        previous = next((o for o in self.overrides if o.week == change.week), None)
        merged = change if previous is None else previous.model_copy(
            update={k: v for k, v in change.model_dump().items() if v is not None and k != "note"})
        others = [o for o in self.overrides if o.week != change.week]
        kept = self._beyond_computed(merged)
        self.overrides = sorted([*others, kept], key=lambda o: o.week) if kept is not None else others
        self.recompute()

    def _beyond_computed(self, change: WeekOverride) -> WeekOverride | None:
        """The change without the fields typed back to what the engine computed (they would stay pinned to that
        value if the profile changed); None when nothing of the clinician's is left."""
        computed = next((w for w in self.computed_plan.weeks if w.week == change.week), None) \
            if self.computed_plan is not None else None
        if computed is None:
            return change
        change = change.model_copy(update={field: None for field in OVERRIDABLE
                                           if getattr(change, field) == getattr(computed, field)})
        return change if change.changed_fields or change.note else None

    def clear_overrides(self) -> None:
        self.overrides = []
        self.recompute()

    def differs_from_saved(self) -> bool:
        """The profile, the clinician's changes or the plan differ from the saved version (for a new patient:
        the form differs from how it started)."""
        saved = self._reference
        if saved is None:
            return self._blank is not None and self.form.values() != self._blank
        if self.profile is None or self.computed_plan is None or not same_profile(saved.profile, self.profile):
            return True
        if [o.model_dump() for o in self.overrides] != [o.model_dump() for o in saved.overrides]:
            return True
        return self.computed_plan is not saved.plan and self.computed_plan.model_dump() != saved.plan.model_dump()

    def _update_dirty(self) -> None:
        self._set_dirty(self.differs_from_saved())

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self.dirty
        self.dirty = dirty
        self._update_header()
        if changed:
            self.dirty_changed.emit(dirty)

    def set_record_note(self, note: str, *, writable: bool) -> None:
        """Said under the title (ui/models/course.py editor_note); Save plan and its reason only where it can save."""
        self._record_note = note
        self.save_button.setEnabled(writable)
        self.reason.setEnabled(writable)
        self._update_header()

    def _update_header(self) -> None:
        saved = self._reference
        where = "new patient, not saved yet" if saved is None else \
            f"{escape(saved.profile.name)} (patient {saved.patient_id}), plan version {saved.version}"
        state = " — unsaved changes" if self.dirty and self.plan_id is not None else ""
        # seen in testing: stacked at 125-150 %, the plan's banner was a screen below the field that blocked it
        if self.plan is not None and self.plan.blocked:
            state += BLOCKED
        elif self.plan is not None:
            state += " — plan ready"
        note = f"<br>{self._record_note}" if self._record_note else ""
        self.header.setText(f"<h3>4. Patient and plan</h3><p>{where}{state}{note}</p>")
        # as tall as it is at its longest, unsaved and blocked: seen in testing, a keystroke that blocked the plan
        # wrapped it onto a second line, every field below moved down, and a click aimed at one landed in the next
        self._tallest_header.setText(f"<h3>4. Patient and plan</h3><p>{where} — unsaved changes{BLOCKED}{note}</p>")
        self._steady_header()

    def _steady_header(self) -> None:
        if self.header.width() > 0:
            self.header.setMinimumHeight(self._tallest_header.heightForWidth(self.header.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._steady_header()
