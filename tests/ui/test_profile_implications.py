"""The form sets what the etiology or a condition implies, locks out what would contradict it, and
leaves a saved record's own values alone (naming the contradiction instead)."""

from __future__ import annotations

import json

from core.evidence.library import load_library
from core.plan.profile import check_profile, stored_profile
from core.resources import resource_path
from ui.models.table_model import combo_data
from ui.views.profile_form import ProfileForm


def form_with_etiologies(qtbot) -> ProfileForm:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.set_etiologies([(e.id, e.name) for e in load_library().etiologies])
    return form


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_diabetic_neuropathy_sets_type_2_diabetes_and_locks_out_none(qtbot) -> None:
    form = form_with_etiologies(qtbot)
    assert combo_data(form.diabetes) == "none" and not form.checks["known_disease"].isChecked()
    choose(form.etiology, "diabetic-neuropathy")
    assert combo_data(form.diabetes) == "type2"
    assert form.checks["known_disease"].isChecked() and not form.checks["known_disease"].isEnabled()
    none_item = form.diabetes.model().item(form.diabetes.findData("none"))
    assert not none_item.isEnabled() and "diabetes" in form.diabetes.toolTip()
    known = form.checks["known_disease"].toolTip()  # .capitalize() made it "...disease in acsm 2015 screening"
    assert "ACSM 2015" in known and known[0].isupper() and "acsm" not in known
    choose(form.diabetes, "type1")  # the clinician can still say which type
    assert combo_data(form.diabetes) == "type1"


def test_spinal_cord_fields_belong_to_spinal_cord_injury_only(qtbot) -> None:
    form = form_with_etiologies(qtbot)
    choose(form.etiology, "spinal-cord-injury")
    assert form.sci_level.isEnabled()
    choose(form.sci_level, "T4")
    assert not form.implied_note.isVisibleTo(form)  # the clinician's own choice: nothing to say
    choose(form.etiology, "multiple-sclerosis-pain")
    assert combo_data(form.sci_level) == "" and not form.sci_level.isEnabled()
    assert form.implied_note.text() == ("Cleared Spinal cord injury level (was T4): a spinal cord injury level is "
                                        "used only when the etiology is spinal-cord-injury.")
    assert "sci_level" not in form.values() or form.values()["sci_level"] is None


def test_heart_conditions_tick_known_disease(qtbot) -> None:
    form = form_with_etiologies(qtbot)
    form.checks["heart_transplant"].setChecked(True)
    assert form.checks["known_disease"].isChecked() and not form.checks["known_disease"].isEnabled()
    form.checks["heart_transplant"].setChecked(False)  # ticked by mistake: what the form set goes with it
    assert form.checks["known_disease"].isEnabled() and not form.checks["known_disease"].isChecked()
    form.checks["known_disease"].setChecked(True)  # the clinician's own tick stays
    form.checks["heart_transplant"].setChecked(True)
    form.checks["heart_transplant"].setChecked(False)
    assert form.checks["known_disease"].isChecked()


def test_what_the_etiology_set_goes_when_the_etiology_is_changed(qtbot) -> None:
    """Diabetic neuropathy set type 2 diabetes and known disease; changed to a nerve injury, both stayed (the
    known disease ticked and greyed out), with the diabetic warnings and the medical clearance."""
    form = form_with_etiologies(qtbot)
    choose(form.etiology, "diabetic-neuropathy")
    assert combo_data(form.diabetes) == "type2" and form.checks["known_disease"].isChecked()
    assert form.implied_note.text() == (
        # the other type named (seen in a try: Type 2 set unasked for a patient on insulin, who may have type 1)
        "Set Diabetes to Type 2: painful diabetic neuropathy is nerve damage caused by diabetes; choose Type 1 if this "
        "patient has it.<br>"
        "Ticked Known cardiovascular, metabolic or renal disease: diabetes counts as metabolic disease in ACSM 2015 "
        "screening.")
    choose(form.etiology, "peripheral-nerve-injury")
    assert combo_data(form.diabetes) == "none" and not form.checks["known_disease"].isChecked()
    assert form.checks["known_disease"].isEnabled()
    # put back without a word, a patient who does have diabetes would lose it unseen: the note names both
    assert form.implied_note.isVisibleTo(form) and form.implied_note.text() == (
        "Put Diabetes back to No diabetes (was Type 2): it had been set because painful diabetic neuropathy is nerve "
        "damage caused by diabetes; set it again if this patient has it.<br>"
        "Unticked Known cardiovascular, metabolic or renal disease: it had been ticked because diabetes counts as "
        "metabolic disease in ACSM 2015 screening; tick it again if this patient has it.")
    choose(form.etiology, "diabetic-neuropathy")
    choose(form.diabetes, "type1")  # the clinician's choice: kept, and with it the known disease it implies
    choose(form.etiology, "peripheral-nerve-injury")
    assert combo_data(form.diabetes) == "type1" and form.checks["known_disease"].isChecked()


def test_a_saved_record_that_contradicts_a_newer_rule_opens_with_the_implied_values_filled_in(qtbot) -> None:
    """Records saved before the rules existed (diabetes with known_disease false, say) must still give a plan:
    the editor fills in what the record implies, marks the plan unsaved and says what it filled in."""
    from core.evidence.library import load_library
    from core.plan.engine import PlanOptions, compute_plan
    from core.records.models import PlanVersion
    from ui.views.plan_editor import PlanEditor

    library = load_library()
    saved = json.loads(resource_path("examples", "profiles", "diabetic-neuropathy.json").read_text())
    record = stored_profile(json.dumps({**saved, "known_disease": False}))
    plan = compute_plan(record, library.studies)
    version = PlanVersion(id=1, patient_id=1, version=1, uid="plan-1", profile=record, plan=plan, overrides=[],
                          guidelines_version=plan.guidelines_version, created_by="Dr A", created_at="2026-11-01")
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.form.set_etiologies([(e.id, e.name) for e in library.etiologies])
    editor.set_context(library.studies, PlanOptions())
    editor.load_version(version)
    assert editor.form.checks["known_disease"].isChecked() and editor.plan is not None and editor.dirty
    assert "known_disease = true" in editor.saved_note.text() and editor.note_row.isVisibleTo(editor)
    assert not editor.form.implied_note.isVisibleTo(editor)  # said once, by the editor's note
    profile, problems, _ = check_profile(editor.form.values())
    assert profile is not None and not problems


def test_what_the_form_put_back_shows_where_the_etiology_was_changed(qtbot) -> None:
    """Between the Patient and Screening groups the note was below the fold at 150 %, out of sight of the
    etiology just changed: it sits right under the etiology."""
    from PySide6.QtCore import QPoint

    form = form_with_etiologies(qtbot)
    form.resize(600, 1400)
    form.show()
    choose(form.etiology, "diabetic-neuropathy")
    choose(form.etiology, "peripheral-nerve-injury")
    top = {widget: widget.mapTo(form, QPoint(0, 0)).y() for widget in (form.etiology, form.implied_note, form.sex)}
    assert form.implied_note.isVisible()
    assert top[form.etiology] < top[form.implied_note] < top[form.sex]


def test_what_the_form_changed_is_no_longer_said_once_the_plan_is_saved(qtbot, data_dir) -> None:
    """Seen in testing: "Put Diabetes back to No diabetes (was Type 2)" still showed after the plan was saved."""
    from tests.ui.course_helpers import saved_patient

    window = saved_patient(qtbot, data_dir)
    form = window.editor.form
    choose(form.etiology, "diabetic-neuropathy")
    choose(form.etiology, "chemotherapy-neuropathy")
    assert form.implied_note.isVisibleTo(form) and "Put Diabetes back" in form.implied_note.text()
    assert window.save_plan(), window.statusBar().currentMessage()
    assert not form.implied_note.isVisibleTo(form)
