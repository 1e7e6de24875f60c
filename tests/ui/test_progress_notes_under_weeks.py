"""Step 6 keeps one line above its panes: the overall adherence and how many notes the weeks have; the notes (breaks,
weeks stopped, step backs not taken) are a list under the week table, where the pane scrolls (seen in a try at 150 %:
twelve bold lines of notes above the panes left three rows of the table on a 1366x768 screen, none at 680 pixels)."""

from __future__ import annotations

from html import escape

from core.plan.adherence import adherence_parts
from core.workspace.course import progress_of
from tests.ui.test_progress_view import patient_with_a_course


def test_the_notes_are_listed_under_the_weeks_and_counted_above(qtbot, data_dir) -> None:
    window = patient_with_a_course(qtbot, data_dir)
    patient = window.editor.patient_id
    figures, notes = adherence_parts(progress_of(window.gateway.history(patient), window.gateway.sessions(patient)))
    view = window.progress
    assert len(figures) == 1 and len(notes) == 1 and "was stopped after 2 of its 3 walks" in notes[0]
    assert view.summary.text() == (f"<b>{escape(figures[0])} (4 sessions logged). 1 note on the weeks, under the "
                                   "week table.</b>")
    assert view.week_notes.text() == f"<b>Notes on the weeks walked</b><ul><li>{escape(notes[0])}.</li></ul>"
    assert view.panes.isAncestorOf(view.week_notes) and not view.panes.isAncestorOf(view.summary)
    assert not view.week_notes.isHidden()
    view.set_course(None)  # no patient: no notes left showing (seen in review: emptied, not hidden)
    assert view.week_notes.isHidden() and view.week_notes.text() == ""


def test_a_course_without_notes_shows_none(qtbot, data_dir) -> None:
    from tests.ui.course_helpers import log, open_window, walk
    from tests.storage.helpers import example

    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    window.save_plan()
    assert "no walk is logged yet" in window.progress.summary.text() and window.progress.week_notes.isHidden()
    log(window, walk(2, 1))
    assert window.progress.summary.text() == ("<b>Overall adherence: none counted yet, as no week is done or missed. "
                                              "Week 1 is in progress (1 of 3 walks so far) and counts once complete "
                                              "(1 session logged).</b>")
    assert window.progress.week_notes.isHidden() and window.progress.week_notes.text() == ""
