"""Any text in any field of the editor: the plan or a message under the field, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.evidence.library import load_library
from core.plan.engine import PlanOptions
from ui.views.plan_editor import PlanEditor
from ui.views.profile_form import NUMBER_FIELDS

LIBRARY = load_library()
TEXT = st.one_of(st.text(max_size=12), st.sampled_from(["", "0", "-1", "1e309", "nan", "inf", "12,5", "٣٤", "１２", "99999999999999999999"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.text(max_size=150), numbers=st.fixed_dictionaries({field: TEXT for field in NUMBER_FIELDS}),
       systolic=TEXT, diastolic=TEXT, etiology=st.integers(0, 7), checks=st.lists(st.booleans(), min_size=10, max_size=10))
def test_any_form_input(qtbot, name, numbers, systolic, diastolic, etiology, checks) -> None:
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.form.set_etiologies([(e.id, e.name) for e in LIBRARY.etiologies])
    editor.set_context(LIBRARY.studies, PlanOptions())
    form = editor.form
    form.show_all_problems = True
    form.etiology.setCurrentIndex(etiology)
    form.name.setText(name)
    for field, text in numbers.items():
        form.numbers[field].setText(text)
    form.bp_systolic.setText(systolic)
    form.bp_diastolic.setText(diastolic)
    for box, state in zip(form.checks.values(), checks):
        box.setChecked(state)
    editor.recompute()  # as a save attempt does, with every problem shown
    if editor.plan is None:
        shown = [label.text() for label in form._errors.values() if label.text()]
        assert shown, "an unusable profile must say why, under a field"
    else:
        assert editor.profile is not None and len(editor.plan.weeks) in (0, editor.profile.weeks)
