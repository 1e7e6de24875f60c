"""Messages under the profile fields are shown whole, not clipped (seen clipped under Xvfb)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.evidence.library import load_library
from core.plan.engine import PlanOptions
from ui.views.plan_editor import PlanEditor


def test_every_shown_message_gets_the_height_its_text_needs(qtbot) -> None:
    library = load_library()
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.form.set_etiologies([(e.id, e.name) for e in library.etiologies])
    editor.set_context(library.studies, PlanOptions())
    editor.resize(1280, 760)
    editor.show()
    QApplication.processEvents()
    editor.form.show_all_problems = True
    editor.recompute()
    QApplication.processEvents()  # one pass of the event loop: what the clinician sees next
    shown = [label for label in editor.form._errors.values() if label.isVisibleTo(editor.form) and label.text()]
    assert len(shown) == 5
    for label in shown:
        needed = label.heightForWidth(label.width())
        visible = min(label.height(), label.parentWidget().height() - label.y())  # the row may cut it off
        assert visible >= needed, f"{label.text()!r}: {visible} px shown of {needed}"


def test_an_etiology_name_wider_than_its_field_is_cut_with_an_ellipsis_and_whole_in_its_tooltip(qtbot) -> None:
    """Seen in review: step 4 showed "Chemotherapy-induced peripheral", the rest cut off with no mark."""
    library = load_library()
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.form.set_etiologies([(e.id, e.name) for e in library.etiologies])
    combo = editor.form.etiology
    combo.setCurrentIndex(combo.findData("chemotherapy-neuropathy"))
    whole = "Chemotherapy-induced peripheral neuropathy"
    assert combo.currentText() == whole and combo.toolTip() == whole
    combo.resize(200, combo.sizeHint().height())
    assert combo.shown_text().endswith("…") and whole.startswith(combo.shown_text()[:-1])
    combo.resize(combo.fontMetrics().horizontalAdvance(whole) + 120, combo.sizeHint().height())
    assert combo.shown_text() == whole


def test_a_problem_on_two_lines_keeps_both_when_the_form_narrows(qtbot) -> None:
    """Seen in review: the problems shown brought the form's scroll bar, which narrowed it, and the peak heart rate's
    problem kept one line's height, its second line cut off under the next field until another field changed."""
    from core.plan.profile import check_profile
    from ui.views.profile_form import ProfileForm

    form = ProfileForm()
    qtbot.addWidget(form)
    form.resize(1400, 900)
    form.show()
    qtbot.waitExposed(form)
    form.numbers["measured_hr_max"].setText("300")
    form.show_all_problems = True
    form.show_problems(check_profile(form.values())[1])
    label = form._errors["measured_hr_max"]
    assert label.heightForWidth(label.width()) < label.fontMetrics().lineSpacing() * 1.5  # one line, wide
    form.resize(620, 900)  # as a scroll bar, or a narrower window, leaves it
    qtbot.waitUntil(lambda: label.width() < 600)
    assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing() * 1.5  # two lines or more now
    assert label.minimumHeight() >= label.heightForWidth(label.width())


def test_the_form_stays_where_it_is_when_a_keystroke_blocks_the_plan(qtbot) -> None:
    """Seen in testing at 125 %: a keystroke that blocked the plan wrapped step 4's line onto a second one, every field
    below moved down, and a click aimed at the speed landed in Usual pain."""
    from tests.ui.course_helpers import example

    library = load_library()
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.form.set_etiologies([(e.id, e.name) for e in library.etiologies])
    editor.set_context(library.studies, PlanOptions())
    editor.form.set_profile(example(name="Bartholomew Featherstonehaugh-Whitcombe")[0])
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.plan is not None and not editor.plan.blocked
    top = editor.form.name.mapTo(editor, editor.form.name.rect().topLeft()).y()
    editor.form.checks["symptoms"].setChecked(True)  # signs of disease, not active, no clearance: blocked
    QApplication.processEvents()
    assert editor.plan.blocked and "blocked" in editor.header.text()
    assert editor.form.name.mapTo(editor, editor.form.name.rect().topLeft()).y() == top


def test_the_plan_length_and_most_days_say_what_is_planned_when_left_empty(qtbot) -> None:
    """Seen in review: "Plan length" left blank, its placeholder "4-26", planned 12 weeks with no word of it."""
    from core.plan.profile import check_profile
    from tests.ui.course_helpers import example
    from ui.views.profile_form import ProfileForm

    form = ProfileForm()
    qtbot.addWidget(form)
    form.set_profile(example()[0])
    for field in ("weeks", "max_sessions_per_week"):
        form.numbers[field].clear()
    profile = check_profile({**form.values(), "etiology": "chemotherapy-neuropathy"})[0]  # (no etiologies loaded)
    assert form.numbers["weeks"].placeholderText() == f"4-26; {profile.weeks} if left empty" == "4-26; 12 if left empty"
    most = profile.max_sessions_per_week
    assert form.numbers["max_sessions_per_week"].placeholderText() == f"2-7; {most} if left empty"
