"""The handout's preview goes to its first and last page with Home and End, as a document viewer does (seen by a
keyboard-only tester: both did nothing, and a 12-page handout took a dozen Page Downs to its stop page)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.course_helpers import with_handout


def test_home_and_end_go_to_the_first_and_last_page(qtbot, data_dir) -> None:
    window = with_handout(qtbot, data_dir)
    view = window.handout.view
    bar = view.verticalScrollBar()
    assert window.handout.document.pageCount() > 2 and bar.maximum() > 0
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == bar.minimum()
