"""The wheel scrolls the page; a box it passes over keeps its value unless the clinician is in it (seen in review at
150 %: scrolling the patient form set Diabetes to Type 1, which blocked the plan, and the session's Effort 13 to 10)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit

from tests.ui.course_helpers import saved_patient
from ui.focus_in_view import holding_area
from ui.window_keys import WheelToPage


def wheel_down(widget, at: QPointF | None = None) -> None:
    """One notch of the wheel down, over the middle of ``widget`` (or ``at``, in its coordinates)."""
    at = at or QPointF(widget.width() / 2, widget.height() / 2)
    QApplication.sendEvent(widget, QWheelEvent(at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(0, 0),
                                               QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                               Qt.ScrollPhase.NoScrollPhase, False))


def test_a_passing_wheel_scrolls_the_form_and_changes_no_box(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir)  # the session form takes walks of a saved plan
    window.resize(1280, 600)
    window.tabs.setCurrentWidget(window.editor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for box in window.findChildren(QAbstractSpinBox) + window.findChildren(QComboBox):  # Qt focuses a box on a
        assert box.focusPolicy() != Qt.FocusPolicy.WheelFocus, box  # real wheel event before the filter sees it
    diabetes = window.editor.form.diabetes
    bar = holding_area(diabetes).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    chosen = diabetes.currentIndex()
    wheel_down(diabetes)
    assert diabetes.currentIndex() == chosen and bar.value() > 0  # the page scrolled instead
    qtbot.mouseClick(diabetes, Qt.MouseButton.LeftButton)  # clicked into, where the pointer is
    diabetes.hidePopup()
    qtbot.waitUntil(lambda: not diabetes.view().window().isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and diabetes.hasFocus())
    wheel_down(diabetes)
    assert diabetes.currentIndex() != chosen  # once in it, the wheel chooses, as Qt's boxes do

    window.tabs.setCurrentWidget(window.sessions)
    effort = window.sessions.rpe
    effort.setValue(13)
    window.sessions.date.setFocus()
    wheel_down(effort)
    assert effort.value() == 13
    effort.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(effort.hasFocus)
    qtbot.wait(int(WheelToPage.SERIES_SECONDS * 1000) + 100)  # the page's scroll is over
    wheel_down(effort, QPointF(4, 4))  # the pointer moved onto it
    assert effort.value() == 12


def test_a_wheel_scrolling_the_page_does_not_change_a_box_in_focus_it_brings_under_the_pointer(qtbot, data_dir):
    """Seen in review: Diabetes, tabbed into as the form's last box, scrolled under the pointer and became Type 2 as
    the clinician scrolled down to the plan (the plan blocked, with a foot-care warning for an MS patient)."""
    window = saved_patient(qtbot, data_dir)
    window.resize(1280, 600)
    window.tabs.setCurrentWidget(window.editor)
    diabetes = window.editor.form.diabetes
    diabetes.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(diabetes.hasFocus)
    area = holding_area(diabetes)
    bar = area.verticalScrollBar()
    bar.setValue(0)
    chosen = diabetes.currentIndex()
    pointer = diabetes.mapToGlobal(QPoint(diabetes.width() // 2, diabetes.height() // 2 - 30))  # it stays there

    def wheel_at_pointer(widget) -> None:
        wheel_down(widget, QPointF(widget.mapFromGlobal(pointer)))

    wheel_at_pointer(area.viewport())  # the page scrolls, the box comes up under the pointer
    scrolled = bar.value()
    assert scrolled > 0
    wheel_at_pointer(diabetes)  # within the scroll's second
    assert diabetes.currentIndex() == chosen and bar.value() > scrolled
    qtbot.wait(int(WheelToPage.SERIES_SECONDS * 1000) + 100)
    wheel_at_pointer(diabetes)  # after a pause, the pointer where the page's wheel left it
    assert diabetes.currentIndex() == chosen
    qtbot.wait(int(WheelToPage.SERIES_SECONDS * 1000) + 100)
    wheel_down(diabetes, QPointF(4, 4))  # the pointer moved onto it, the scroll over: the clinician means the box
    assert diabetes.currentIndex() != chosen


def test_a_passing_wheel_changes_no_setting_nor_the_export_s_choices(qtbot, data_dir) -> None:
    """The Settings dialog scrolls on a small screen; its lists hold clinical settings (the HRmax formula, the caps)."""
    from core.settings import Settings
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.resize(640, 300)
    dialog.show()
    dialog.clinic.setFocus()
    formula = dialog.formula.currentIndex()
    wheel_down(dialog.formula)
    assert dialog.formula.currentIndex() == formula and dialog.formula.focusPolicy() == Qt.FocusPolicy.StrongFocus
    from ui.handout_export_dialog import HandoutExportDialog

    export = HandoutExportDialog(data_dir, Settings())
    qtbot.addWidget(export)
    export.show()
    export.output_edit.setFocus()
    qtbot.waitUntil(export.output_edit.hasFocus)
    language = export.language_combo.currentIndex()
    wheel_down(export.language_combo)
    assert export.language_combo.currentIndex() == language


def test_a_box_in_focus_clicked_where_the_page_s_wheel_left_the_pointer_takes_the_wheel(qtbot, data_dir) -> None:
    """Seen in review: a spin box already in focus, clicked where the page's wheel had left the pointer, still sent
    the wheel to the page (only a click that brought the focus counted)."""
    window = saved_patient(qtbot, data_dir)
    window.resize(1280, 600)
    window.tabs.setCurrentWidget(window.sessions)
    effort = window.sessions.rpe
    effort.setValue(13)
    effort.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(effort.hasFocus)
    area = holding_area(effort)
    pointer = effort.mapToGlobal(QPoint(effort.width() // 2, effort.height() // 2))
    wheel_down(area.viewport(), QPointF(area.viewport().mapFromGlobal(pointer)))
    qtbot.wait(int(WheelToPage.SERIES_SECONDS * 1000) + 100)
    wheel_down(effort, QPointF(effort.mapFromGlobal(pointer)))
    assert effort.value() == 13  # the pointer where the page's wheel left it
    text = effort.findChild(QLineEdit)
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton, pos=text.mapFromGlobal(pointer))
    wheel_down(effort, QPointF(effort.mapFromGlobal(pointer)))
    assert effort.value() == 12  # clicked: the clinician means the box
