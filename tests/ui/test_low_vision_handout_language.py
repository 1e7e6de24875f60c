"""The handout's Language box at 1366x768, 100-150 % (seen in review: "As in the profile (else the clinic's de", cut
mid-word with no mark at every scaling)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox

from tests.ui.course_helpers import saved_patient
from tests.ui.test_small_screen import SMALL_SCREENS


def _drawn(combo) -> tuple[str, int]:
    """The text the box draws (an eliding box's own, else Qt's, which clips it) and the width it has for it."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    shown = combo.shown_text() if hasattr(combo, "shown_text") else option.currentText
    return shown, field.width()


@pytest.mark.parametrize("scaling", list(SMALL_SCREENS))
def test_the_handout_language_is_whole_or_cut_with_an_ellipsis_and_whole_in_its_tooltip(qtbot, data_dir,
                                                                                        scaling) -> None:
    window = saved_patient(qtbot, data_dir)
    window.resize(*SMALL_SCREENS[scaling])
    window.tabs.setCurrentWidget(window.handout)
    QApplication.processEvents()
    combo = window.handout.language
    for index in (0, combo.findData("es")):
        combo.setCurrentIndex(index)
        QApplication.processEvents()
        whole = combo.currentText()
        shown, room = _drawn(combo)
        if index == 0:  # the row's spare room is the box's: the first choice's 45 letters fit (seen by a tester at
            assert shown == whole, (shown, room)  # 150 %: "As in the profile (else the clinic's …" beside empty room)
        assert combo.fontMetrics().horizontalAdvance(shown) <= room, (shown, room)  # nothing cut off unmarked
        assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1])), (shown, whole)
        assert combo.toolTip() == whole  # read whole by hovering
