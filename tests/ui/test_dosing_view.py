"""Step 3, the animal dosing, shows only the studies that lend the plan its structure, and names the rest."""

from __future__ import annotations

from core.evidence.library import load_library
from ui.views.dosing_view import DosingView


def test_studies_of_exercise_with_another_treatment_are_named_and_left_out_of_the_chart(qtbot) -> None:
    view = DosingView()
    qtbot.addWidget(view)
    summary = view.show_etiology("spinal-cord-injury", "Spinal cord injury", load_library().studies)
    text = view.summary.toPlainText()
    assert "exercise given together with another treatment" in text and "Tashiro 2018, Dugan 2020" in text
    charted = {f"{s.first_author} {s.year}" for s in view.chart._studies}
    assert charted and not charted & {"Tashiro 2018", "Dugan 2020"}
    assert summary.animal_treadmill_study_count == len(charted)


def test_the_diabetic_dosing_has_no_study_of_exercise_alone(qtbot) -> None:
    view = DosingView()
    qtbot.addWidget(view)
    summary = view.show_etiology("diabetic-neuropathy", "Painful diabetic neuropathy", load_library().studies)
    assert summary.animal_treadmill_study_count == 0 and view.chart._studies == []
    assert "Chen 2015" in view.summary.toPlainText()
