"""Step 2 keeps the study the clinician is reading while a search or a mechanism narrows the list and when it is
widened again (seen in review: a search typed and cleared left them on the first study, not the one they were on);
another etiology's list opens at its first study, the whole library where it was."""

from __future__ import annotations

from tests.ui.course_helpers import open_window


def _reading(view) -> str:
    return view.detail.toPlainText().split("\n", 1)[0]


def _reading_bobinski(qtbot, data_dir):
    """The window on step 2's peripheral nerve injury studies, Bobinski 2015 chosen."""
    window = open_window(qtbot, data_dir)
    window._on_picker_etiology_chosen("peripheral-nerve-injury")
    view = window.evidence
    view.select_study("bobinski-2015")
    return window, view


def test_a_search_cleared_again_keeps_the_study_being_read(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window._on_picker_etiology_chosen("peripheral-nerve-injury")
    view = window.evidence
    assert view.select_study("bobinski-2015") and _reading(view) == "Bobinski 2015"
    view.search.setText("Bobinski")  # still shown, among fewer
    assert view.proxy.rowCount() > 1 and _reading(view) == "Bobinski 2015"
    view.search.clear()
    assert _reading(view) == "Bobinski 2015"
    chosen = view.table.selectionModel().selectedRows()
    assert [row.data() for row in chosen] == ["Bobinski"]  # the row highlighted is the study shown
    assert view.table.visualRect(chosen[0]).intersects(view.table.viewport().rect())
    view.whole_library.setChecked(True)
    assert _reading(view) == "Bobinski 2015"
    view.whole_library.setChecked(False)
    view.mechanism_filter.setCurrentIndex(view.mechanism_filter.findData("serotonin"))
    assert _reading(view) == "Bobinski 2015"
    view.mechanism_filter.setCurrentIndex(0)
    assert _reading(view) == "Bobinski 2015"
    view.search.setText("Bobinskyy")  # a slip that finds none (seen in review: it forgot the study)
    assert view.proxy.rowCount() == 0 and view.detail.toPlainText() == ""
    view.search.clear()
    assert _reading(view) == "Bobinski 2015"


def test_a_search_that_hides_the_study_shows_the_first_it_finds(qtbot, data_dir) -> None:
    window, view = _reading_bobinski(qtbot, data_dir)
    view.search.setText("Kami")
    assert view.proxy.rowCount() == 1 and _reading(view) == "Kami 2016"
    view.search.clear()  # the study found is the one being read now
    assert _reading(view) == "Kami 2016"


def test_another_etiology_opens_at_its_first_study_and_the_whole_library_where_it_was(qtbot, data_dir) -> None:
    window, view = _reading_bobinski(qtbot, data_dir)
    window._on_picker_etiology_chosen("spinal-cord-injury")  # no study is tagged with two etiologies
    assert view.table.currentIndex().row() == 0 and _reading(view).startswith(view.proxy.index(0, 0).data())
    view.whole_library.setChecked(True)
    view.select_study("bobinski-2015")
    window._on_picker_etiology_chosen("diabetic-neuropathy")  # the same list: the same study
    assert _reading(view) == "Bobinski 2015"
