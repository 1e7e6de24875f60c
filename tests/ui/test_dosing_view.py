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
    # seen in review: "0 animal treadmill studies ... (none)" over four lines of "not reported"
    assert view.summary.toPlainText().startswith("No animal treadmill study of pain that tested exercise alone, of 6 "
                                                 "studies tagged with this etiology.")
    assert "not reported" not in view.summary.toPlainText() and "(none)" not in view.summary.toPlainText()


def test_the_caution_gives_its_first_sentence_and_the_rest_a_click_away(qtbot) -> None:
    """Seen in testing at 150 %: the whole caution took about 40 % of the view's height and left the chart of twelve
    studies two rows. Its first sentence stays; the rest and the sources open with a link, for every etiology."""
    view = DosingView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    summary = view.show_etiology("peripheral-nerve-injury", "Peripheral nerve injury", load_library().studies)
    short = view.caution.text()
    assert "never a human dose" in short and "Matesanz" not in short and "'whole'" in short
    width = view.caution.width()  # heights at the width it is shown at (a size hint picks a width of its own)
    short_height = view.caution.heightForWidth(width)
    view.caution.linkActivated.emit("whole")
    from html import escape

    assert escape(summary.caution_sources) in view.caution.text() and "16 m/min" in view.caution.text()
    assert view.caution.heightForWidth(width) > 2 * short_height
    view.show_etiology("spinal-cord-injury", "Spinal cord injury", load_library().studies)
    assert "16 m/min" in view.caution.text()  # kept open for the next etiology, until "Show less"
    view.caution.linkActivated.emit("less")
    assert "16 m/min" not in view.caution.text()


def test_show_less_gives_the_room_back_to_the_chart(qtbot) -> None:
    """Seen by a helper: after "Show less" the short caution sat in the whole caution's tall empty box, and the chart
    below was squeezed to one row (a label's height for its width is never under its minimum height)."""
    view = DosingView()
    qtbot.addWidget(view)
    view.resize(1000, 620)
    view.show_etiology("spinal-cord-injury", "Spinal cord injury", load_library().studies)
    view.show()
    qtbot.waitExposed(view)
    short = view.caution.minimumHeight()
    view.caution.linkActivated.emit("whole")
    assert view.caution.minimumHeight() > short
    view.caution.linkActivated.emit("less")
    assert view.caution.minimumHeight() == short
