"""Step 7's language box takes the row's spare room, up to its text whole: seen by a tester at 150 % on 1366x768,
"As in the profile (else the clinic's …" beside empty room."""

from __future__ import annotations

from tests.ui.course_helpers import open_window


def test_the_language_box_shows_its_text_whole_where_the_row_has_room(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.resize(910, 512)  # 1366 x 768 at 150 %
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(6)
    box = window.handout.language
    qtbot.waitUntil(box.isVisible)
    qtbot.waitUntil(lambda: box.shown_text() == "As in the profile (else the clinic's default)")
    assert box.width() <= box.whole_width()
    # where the row has no room, the box keeps its least width (tests/ui/test_small_screen.py), the text cut and
    assert box.minimumSizeHint().width() < box.whole_width()  # whole in its tooltip
    assert box.toolTip() == "As in the profile (else the clinic's default)"
