"""Every Tab stop shows the keyboard's focus (seen in review at 150 % on 1366x768: Shift+Tab landed on step 4's "Pain
rules" and on step 3's animal-dosing caution with nothing highlighted, and step 3's chart took the focus, scrolled
with the arrow keys and showed no frame)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window
from tests.ui.test_small_screen import SMALL_SCREENS

KEYS = {"Tab": Qt.Key.Key_Tab, "Shift+Tab": Qt.Key.Key_Backtab}


def _window(qtbot, data_dir, step: str):
    window = open_window(qtbot, data_dir)
    window.resize(*SMALL_SCREENS["150 %"])
    window.editor.form.set_profile(example()[0])
    window.picker.select("peripheral-nerve-injury")
    window.tabs.setCurrentWidget(getattr(window, step))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _press(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()


LABELS = {"Pain rules": ("editor", lambda window: window.editor.panel.pain),
          "animal-dosing caution": ("dosing", lambda window: window.dosing.caution)}


@pytest.mark.parametrize("key", list(KEYS))
@pytest.mark.parametrize("name", list(LABELS))
def test_a_label_tabbed_to_shows_its_link_focused(qtbot, data_dir, name, key) -> None:
    step, label = LABELS[name]
    window = _window(qtbot, data_dir, step)
    label = label(window)
    assert label.focusPolicy() & Qt.FocusPolicy.TabFocus and "<a " in label.text()
    label.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(3):  # to the neighbour that ``key`` leaves for the label (past its link, where Qt stops first)
        _press(qtbot, KEYS["Shift+Tab" if key == "Tab" else "Tab"])
        if QApplication.focusWidget() is not label:
            break
    assert QApplication.focusWidget() is not label
    unfocused = label.grab().toImage()
    _press(qtbot, KEYS[key])
    assert QApplication.focusWidget() is label
    assert label.hasSelectedText() and f">{label.selectedText()}</a>" in label.text()  # its link has the focus
    assert label.grab().toImage() != unfocused  # and is framed: the label is drawn otherwise


def test_the_animal_dosing_chart_with_the_focus_is_framed(qtbot, data_dir) -> None:
    window = _window(qtbot, data_dir, "dosing")
    chart = window.dosing.scroll
    edge = QPoint(0, chart.height() // 2)
    highlight = chart.palette().color(QPalette.ColorRole.Highlight)
    window.dosing.summary.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert chart.grab().toImage().pixelColor(edge) != highlight
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus  # a Tab stop: the arrow keys scroll it
    assert chart.grab().toImage().pixelColor(edge) == highlight


def test_a_link_followed_or_a_reason_changed_under_the_focus_leaves_a_link_focused(qtbot, data_dir) -> None:
    """New text drops Qt's link focus: the caution's "Show less", reached by Enter on its link, or a status bar
    problem said anew, showed no focus again."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    from ui.why_link import reason_label, show_reason

    window = _window(qtbot, data_dir, "dosing")
    caution = window.dosing.caution
    window.dosing.summary.setFocus(Qt.FocusReason.TabFocusReason)
    _press(qtbot, Qt.Key.Key_Backtab)
    for link in ("Show less", "The whole caution and its sources"):
        _press(qtbot, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is caution and caution.selectedText() == link
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    layout.addWidget(QPushButton("before"))
    label = reason_label(title="Clinic database")
    show_reason(label, "Clinic database: not answering", "The server did not answer within 5 seconds.")
    layout.addWidget(label)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    label.setFocus(Qt.FocusReason.TabFocusReason)
    assert label.selectedText() == "Why?"
    show_reason(label, "Clinic database: signed in again, not saved yet", "A save is under way.")
    label.grab()  # drawn: Qt takes in new text, and drops its link's focus, only as it lays the text out
    assert label.hasFocus() and label.selectedText() == "Why?"


def test_step_3_opened_from_the_keyboard_shows_the_caution_s_link_focused(qtbot, data_dir) -> None:
    """Ctrl+Tab from step 2 gives step 3's first Tab stop, the caution, the focus: with no link focused, none showed."""
    window = _window(qtbot, data_dir, "evidence")
    window.evidence.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.evidence.table.hasFocus)
    qtbot.keyClick(window.evidence.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.tabs.currentWidget() is window.dosing and QApplication.focusWidget() is window.dosing.caution
    assert window.dosing.caution.selectedText() == "The whole caution and its sources"


def test_the_whole_caution_is_shown_whole_at_150_percent_with_its_link_in_sight(qtbot, data_dir) -> None:
    """Seen in a keyboard-only review at 150 %: Enter on "The whole caution and its sources" showed it cut off at
    "doi:10.1097/", its "Show less" link, which had the focus, out of sight; the summary and chart now give way."""
    window = _window(qtbot, data_dir, "dosing")
    view = window.dosing
    view._on_caution_link_activated("whole")
    QApplication.processEvents()
    label = view.caution
    assert label.height() >= label.heightForWidth(label.width())
    assert window.minimumSizeHint().height() <= SMALL_SCREENS["150 %"][1]  # the window never outgrows the screen


def test_tab_reaches_each_progress_chart_after_the_report_shows_it_and_frames_it(qtbot, data_dir) -> None:
    """Seen by a keyboard-only tester at 125 % on 1366x768: step 6's Tab went week table, note, report button, step
    tabs; no key reached the charts, and the pain chart stayed below the fold."""
    from tests.ui.course_helpers import log, saved_patient, walk
    from tests.ui.test_keyboard_focus import in_view
    from ui.focus_in_view import holding_area

    window = saved_patient(qtbot, data_dir)
    log(window, walk(3, 1, during=4))
    window.resize(*SMALL_SCREENS["150 %"])
    window.tabs.setCurrentWidget(window.progress)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.progress
    area = holding_area(view.pain_chart)
    shown = [None]

    def laid_out() -> bool:  # at this size: the labels above the panes wrap anew, a pass or two after the resize
        qtbot.wait(100)
        was, shown[0] = shown[0], (area.viewport().height(), area.verticalScrollBar().maximum())
        return was == shown[0]

    qtbot.waitUntil(laid_out)
    view.report_button.setFocus(Qt.FocusReason.TabFocusReason)
    highlight = view.pain_chart.palette().color(QPalette.ColorRole.Highlight)
    for chart in (view.minutes_chart, view.effort_chart, view.pain_chart):
        _press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is chart, QApplication.focusWidget()
        assert chart.accessibleDescription()  # its figures, read out with it
        qtbot.waitUntil(lambda chart=chart: in_view(chart, 0, min(chart.height(), 120)))
        assert chart.grab().toImage().pixelColor(QPoint(1, chart.height() // 2)) == highlight
