"""Steps 2, 4, 5 and 6 on a small screen: a form or a study's details beside its table where the table fits beside
it whole, one above the other where it does not; never a table read by scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.storage.helpers import example
from tests.ui.course_helpers import log, open_window, saved_patient, walk
from tests.ui.test_small_screen import SMALL_SCREENS, _shown_whole
from ui.focus_in_view import show_widget
from ui.scrolling import SHOWN_MARGIN


def _show_plan(window, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.tabs.setCurrentWidget(window.editor)
    QApplication.processEvents()


@pytest.mark.parametrize("scaling", list(SMALL_SCREENS))
def test_every_column_of_the_week_table_shows_without_scrolling_sideways(qtbot, data_dir, scaling) -> None:
    """At 150 % the table needed about 795 pixels and had 361 beside the form: Heart rate, RPE, speed and the
    weekly minutes were read by scrolling it sideways."""
    window = saved_patient(qtbot, data_dir)
    _show_plan(window, SMALL_SCREENS[scaling])
    table = window.editor.panel.table
    assert table.horizontalScrollBar().maximum() == 0, (scaling, table.width())
    assert table.horizontalHeader().length() <= table.viewport().width()
    header, panes = table.horizontalHeader(), window.editor.panes
    show_widget(header, SHOWN_MARGIN, tall_from_top=True)
    QApplication.processEvents()
    assert _shown_whole(header, window), scaling  # across, from its first column to its last
    # Beside the form at 100 % on a 1366-pixel screen (the plan changes in view as the clinician types);
    # at 125 and 150 % there is no room for both, and the plan follows the form.
    assert panes.stacked == (scaling != "100 %")
    form, panel = window.editor.form, window.editor.panel
    below = panel.mapTo(window, panel.rect().topLeft()).y() >= form.mapTo(window, form.rect().bottomLeft()).y()
    assert below == panes.stacked


@pytest.mark.parametrize("new_plan", [True, False], ids=["with a new plan", "alone"])
def test_a_form_grown_while_its_step_was_hidden_turns_when_shown(qtbot, data_dir, new_plan) -> None:
    """A form grown while step 4 was hidden (a wider font or a longer etiology name can grow a field; here the
    etiology box's minimum width stands in) turns the plan under it when the step is shown. With a new plan, its
    columns were fitted inside the table's own layout as the step was first shown, and turning the panes there
    (the table left its scroll area mid-layout) crashed Qt; with the form alone grown, nothing turned them."""
    window = open_window(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["100 %"])
    QApplication.processEvents()
    editor = window.editor
    if not new_plan:
        editor.form.set_profile(example()[0])
        _show_plan(window, SMALL_SCREENS["100 %"])
        assert not editor.panes.stacked
        window.tabs.setCurrentIndex(0)
        QApplication.processEvents()
    editor.form.etiology.setMinimumWidth(320)  # the longest etiology name's width: no room left for the table
    if new_plan:
        editor.form.set_profile(example()[0])
    window.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(lambda: editor.panes.stacked, timeout=2_000)
    table = editor.panel.table
    assert table.isVisibleTo(window) and table.horizontalScrollBar().maximum() == 0


def test_a_change_of_width_keeps_what_is_typed_and_the_cursor(qtbot, data_dir) -> None:
    """Moving between beside and above moves the form itself: nothing typed is lost, nothing is marked unsaved,
    and the cursor stays in the field, scrolled into view."""
    window = saved_patient(qtbot, data_dir)
    window.show()
    window.activateWindow()
    _show_plan(window, SMALL_SCREENS["100 %"])
    editor = window.editor
    assert not editor.panes.stacked and not editor.dirty
    field = editor.form.numbers["resting_hr"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2_000)
    values = editor.form.values()
    for size, stacked in ((SMALL_SCREENS["150 %"], True), (SMALL_SCREENS["100 %"], False),
                          (SMALL_SCREENS["125 %"], True)):
        _show_plan(window, size)
        assert editor.panes.stacked == stacked
        assert editor.form.values() == values and not editor.dirty and not window.isWindowModified()
        assert field.hasFocus() and _shown_whole(field, window), size
        assert editor.form.isVisibleTo(window) and editor.panel.table.isVisibleTo(window)


@pytest.mark.parametrize("scaling", list(SMALL_SCREENS))
def test_every_column_of_the_session_log_shows_without_scrolling_sideways(qtbot, data_dir, scaling) -> None:
    """At 150 % the log showed the date to the heart rate: pain during, pain next morning, stiffness and the note
    were read by scrolling it sideways."""
    window = saved_patient(qtbot, data_dir)
    for days_ago in (5, 3, 1):
        log(window, walk(days_ago=days_ago, week=1))
    window.resize(*SMALL_SCREENS[scaling])
    window.tabs.setCurrentWidget(window.sessions)
    QApplication.processEvents()
    view = window.sessions
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0, (scaling, table.width())
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert view.panes.stacked == (scaling != "100 %")
    if view.panes.stacked:  # the latest sessions under their headings, the form under them, scrolled to when the log
        # opens; the table scrolls itself to the earlier ones (test_session_log_latest_walks.py)
        title = QRect(0, 0, view.form_box.width(), 40)
        qtbot.waitUntil(lambda: _shown_whole(view.form_box, window, title))
        assert view.form_box.mapTo(window, QPoint(0, 0)).y() > table.mapTo(window, QPoint(0, table.height())).y()
        # and the latest sessions above it (seen in testing at 150 %: only the table's bottom edge was in sight): three,
        # or at 150 % two, so that the whole form is in sight too, its Add button with it (seen at 125 %: the form a
        # strip of ten rows a third of the window wide, the rest blank, and the button below the screen's edge)
        assert view.form_box.columns == 2, scaling
        qtbot.waitUntil(lambda: _shown_whole(view.save_button, window))
        for row in range(table.model().rowCount() - (2 if scaling == "150 %" else 3), table.model().rowCount()):
            cell = table.visualRect(table.model().index(row, 0))
            assert _shown_whole(table.viewport(), window, cell), (scaling, row)
        if scaling == "125 %":  # all three walks, so their headings too (seen at 125 %: above the view's edge)
            assert _shown_whole(table.horizontalHeader(), window), scaling


@pytest.mark.parametrize("scaling", list(SMALL_SCREENS))
def test_every_column_of_the_weeks_on_progress_shows_without_scrolling_sideways(qtbot, data_dir, scaling) -> None:
    """At 150 % the week-by-week table showed the week to the adherence: mean effort and the top pains were read by
    scrolling it sideways. Stacked, the suggestion for next week and the weeks come before the charts."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=1, week=1))
    window.resize(*SMALL_SCREENS[scaling])
    window.tabs.setCurrentWidget(window.progress)
    QApplication.processEvents()
    view = window.progress
    table = view.weeks_table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2_000)  # once the split settles
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert view.panes.stacked == (scaling == "150 %")  # at 125 % the weeks fit beside the charts
    suggestion_at = view.suggestion.mapTo(window, QPoint(0, 0))
    chart_at = view.minutes_chart.mapTo(window, QPoint(0, 0))
    if view.panes.stacked:
        assert suggestion_at.y() < chart_at.y() and table.verticalScrollBar().maximum() == 0
    else:
        assert suggestion_at.x() > chart_at.x()


@pytest.mark.parametrize("scaling", list(SMALL_SCREENS))
def test_every_column_of_the_study_table_shows_without_scrolling_sideways(qtbot, data_dir, scaling) -> None:
    """At 100-150 % the studies showed the author to the findings; the dosing columns (speed, minutes, days a week,
    weeks), the evidence level and the flags were read by scrolling sideways. Where the table does not fit beside
    the study's details, the details go under it."""
    from ui.views.evidence_view import FINDINGS, FINDINGS_NARROWEST

    window = saved_patient(qtbot, data_dir)
    window.resize(*SMALL_SCREENS[scaling])
    window.tabs.setCurrentWidget(window.evidence)
    QApplication.processEvents()
    view = window.evidence
    table, header = view.table, view.table.horizontalHeader()
    assert view.model.rowCount() > 10
    assert table.horizontalScrollBar().maximum() == 0, (scaling, table.width())
    assert header.length() <= table.viewport().width() and _shown_whole(header, window)
    assert header.sectionSize(FINDINGS) >= FINDINGS_NARROWEST  # the findings take what the table has to spare
    assert view.panes.stacked == (scaling != "100 %")
    table_at, detail_at = table.mapTo(window, QPoint(0, 0)), view.detail.mapTo(window, QPoint(0, 0))
    if view.panes.stacked:
        assert detail_at.y() > table_at.y() + table.height() and view.detail.width() >= table.width()
    else:
        assert detail_at.x() > table_at.x() + table.width()


def test_the_sort_arrow_has_room_in_the_column_sorted_by_alone(qtbot, data_dir) -> None:
    """Qt keeps room for the arrow in every column fitted to its contents, about 20 pixels each: over eleven columns
    that was most of what pushed the dosing columns out of view. Sorting by another column moves the room."""
    window = saved_patient(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["150 %"])
    window.tabs.setCurrentWidget(window.evidence)
    QApplication.processEvents()
    table = window.evidence.table
    header = table.horizontalHeader()
    weeks = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())].index("Weeks")
    unsorted = header.sectionSize(weeks)
    title = header.fontMetrics().horizontalAdvance("Weeks")
    assert title < unsorted <= title + 12  # the title whole and its margins, no room for an arrow
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(weeks) + unsorted // 2, header.height() // 2))
    assert header.sortIndicatorSection() == weeks
    qtbot.waitUntil(lambda: header.sectionSize(weeks) >= unsorted + 15, timeout=2_000)  # room for the arrow now
    assert table.horizontalScrollBar().maximum() == 0  # and still every column in view, at 150 %
    studies = [table.model().index(row, weeks).data() for row in range(table.model().rowCount())]
    numbers = [float(value) for value in studies if value]
    assert numbers == sorted(numbers)


def test_a_search_does_not_turn_the_study_view(qtbot, data_dir) -> None:
    """Seen in review: the turn was checked whenever the columns were fitted, so near the switch a search that
    showed fewer (narrower) rows turned the view under the clinician's typing, search box and all."""
    from ui.views.evidence_view import DETAIL_NARROWEST

    window = saved_patient(qtbot, data_dir)
    window.tabs.setCurrentWidget(window.evidence)
    window.resize(1200, 560)
    QApplication.processEvents()
    view = window.evidence
    around = window.width() - view.panes.width()
    switch = view._table_width() + view.panes.handleWidth() + DETAIL_NARROWEST
    window.resize(switch + around - 4, 560)  # just too narrow to sit side by side
    qtbot.waitUntil(lambda: view.panes.stacked, timeout=2_000)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "zzz")  # nothing found: every column fitted to its title alone
    QApplication.processEvents()
    assert view._table_width() < switch - view.panes.handleWidth() - DETAIL_NARROWEST - 4
    assert view.panes.stacked and view.search.text() == "zzz"


@pytest.mark.parametrize("step", ["evidence", "editor", "sessions", "progress"])
def test_at_every_width_the_table_shows_whole_in_one_arrangement_or_the_other(qtbot, data_dir, step) -> None:
    """Seen in review: the session log's table is its first pane, and the width was checked against the form: for
    a hundred pixels above the switch the two sat side by side with the sessions scrolling sideways."""
    window = saved_patient(qtbot, data_dir)
    log(window, walk(days_ago=1, week=1))
    view = getattr(window, step)
    window.tabs.setCurrentWidget(view)
    table = {"evidence": lambda: view.table, "editor": lambda: view.panel.table, "sessions": lambda: view.table,
             "progress": lambda: view.weeks_table}[step]()
    arrangements, columns = [], []
    for width in range(880, 1381, 25):
        window.resize(width, 560)
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2_000)
        arrangements.append(view.panes.stacked)
        columns.append(getattr(getattr(view, "form_box", None), "columns", 1))
    assert arrangements[0] and not arrangements[-1], arrangements  # stacked when narrow, side by side when wide
    switch = arrangements.index(False)
    assert not any(arrangements[switch:]), arrangements  # one switch point
    assert set(columns[switch:]) == {1}, columns  # the session form beside the sessions: one column
    assert step != "sessions" or 2 in columns[:switch], columns  # under them, two where it has the width


def _drag(handle, by: int) -> None:
    """The handle pressed, moved ``by`` pixels across with the button held, and let go (QTest's own move carries
    no button, and a splitter's handle follows only a move with the button down)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    start = QPointF(handle.width() / 2, handle.height() / 2)
    end = start + QPointF(by, 0)
    for kind, at, button, buttons in ((QEvent.Type.MouseButtonPress, start, left, left),
                                      (QEvent.Type.MouseMove, end, none, left),
                                      (QEvent.Type.MouseButtonRelease, end, left, none)):
        QApplication.sendEvent(handle, QMouseEvent(kind, at, handle.mapToGlobal(at), button, buttons,
                                                   Qt.KeyboardModifier.NoModifier))


def test_a_handle_the_clinician_dragged_stays_where_it_was_put(qtbot, data_dir) -> None:
    """Seen in review: every change of width, and in step 4 every keystroke's new plan, gave the panes back their
    first share, undoing a handle the clinician had dragged."""
    window = saved_patient(qtbot, data_dir)
    window.show()
    _show_plan(window, (1500, 700))  # room to drag: at 1366 pixels the form is near its narrowest
    editor = window.editor
    splitter = editor.panes.side
    assert not editor.panes.stacked
    form_width, plan_width = splitter.sizes()
    _drag(splitter.handle(1), -40)  # more room for the plan
    dragged = splitter.sizes()[1]
    assert dragged >= plan_width + 30
    editor.form.numbers["age"].setText("67")  # a new plan: its columns fitted again
    editor.recompute()
    window.resize(1450, 700)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: abs(splitter.sizes()[1] / sum(splitter.sizes()) - dragged / (form_width + plan_width))
                    < 0.02, timeout=2_000)


def test_the_form_does_not_move_as_the_profile_turns_invalid_and_valid_again(qtbot, data_dir) -> None:
    """Seen in testing: stacked while the profile was valid (a week table to show), side by side again at the
    keystroke that made it invalid (the table empty), so the fields moved under the clinician's pointer."""
    window = saved_patient(qtbot, data_dir)
    _show_plan(window, SMALL_SCREENS["100 %"])
    editor = window.editor
    around = window.width() - editor.panes.width()
    window.resize(editor.panes.side_by_side_width() + around - 30, window.height())  # too narrow for the plan
    qtbot.waitUntil(lambda: editor.panes.stacked, timeout=2_000)  # with its week table; without, it would fit
    age = editor.form.numbers["age"]
    for text in ("", "200", "61"):  # none, out of range (no plan), and a plan again
        age.setText(text)
        age.textEdited.emit(text)
        QApplication.processEvents()
        QApplication.processEvents()
        assert editor.panes.stacked, text
    editor.new_patient()  # another patient, no plan yet: arranged afresh, side by side at this width
    qtbot.waitUntil(lambda: not editor.panes.stacked, timeout=2_000)
    editor.form.set_profile(example()[0])
    qtbot.waitUntil(lambda: editor.panes.stacked, timeout=2_000)
    window.resize(1800, 900)  # a width it has not had: arranged afresh
    qtbot.waitUntil(lambda: not editor.panes.stacked, timeout=2_000)
