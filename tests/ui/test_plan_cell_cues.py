"""Which week-table cells can be changed shows (issue 19): the editable cells (days, walk minutes) on the
palette's input background with a "Click or press F2 to change" tooltip, the computed ones shaded, a legend
under the table saying so in words, readable in a light and a dark palette; a click or F2 opens the cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from core.evidence.library import load_library
from core.plan.engine import PlanOptions
from tests.storage.helpers import example
from ui.views.plan_editor import PlanEditor
from ui.views.plan_panel import EDITABLE, HEADERS

LIGHT = {"Window": "#EFEFEF", "Base": "#FFFFFF", "AlternateBase": "#F7F7F7", "Text": "#000000",
         "WindowText": "#000000"}
DARK = {"Window": "#353535", "Base": "#2A2A2A", "AlternateBase": "#323232", "Text": "#F0F0F0",
        "WindowText": "#F0F0F0"}


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colour(value, fallback: QColor) -> QColor:
    if value is None:
        return fallback
    return value.color() if isinstance(value, QBrush) else QColor(value)


@pytest.fixture(params=[LIGHT, DARK], ids=["light", "dark"])
def palette(request):
    app = QApplication.instance()
    before = app.palette()
    chosen = QPalette(before)
    for role, value in request.param.items():
        chosen.setColor(getattr(QPalette.ColorRole, role), QColor(value))
    app.setPalette(chosen)
    yield chosen
    app.setPalette(before)


def editor_with_plan(qtbot) -> PlanEditor:
    library = load_library()
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.form.set_etiologies([(e.id, e.name) for e in library.etiologies])
    editor.set_context(library.studies, PlanOptions())
    editor.form.set_profile(example()[0])
    editor.recompute()
    assert editor.plan is not None and editor.panel.weeks.rowCount() > 2
    return editor


def test_editable_cells_look_and_read_different_from_computed_ones(qtbot, palette) -> None:
    editor = editor_with_plan(qtbot)
    model = editor.panel.weeks
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            background = colour(model.data(index, Qt.ItemDataRole.BackgroundRole), base)
            foreground = colour(model.data(index, Qt.ItemDataRole.ForegroundRole), text)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole) or ""
            assert contrast(foreground, background) >= 4.5, (row, HEADERS[column])  # the text stays readable
            if column in EDITABLE:
                assert background == base, HEADERS[column]  # the palette's input-field colour
                assert tip.startswith("Click or press F2 to change")
            else:
                assert contrast(background, base) >= 1.2, HEADERS[column]  # visibly shaded, in either palette
                assert "Click" not in tip
    # not by colour alone: the legend under the table names the columns that can be changed, in words
    legend = editor.panel.legend
    layout = editor.panel.layout()
    assert layout.indexOf(legend) == layout.indexOf(editor.panel.table) + 1
    words = legend.text()
    assert all(HEADERS[column].replace("\n", " ") in words for column in EDITABLE)
    assert "F2" in words and "computed" in words.lower()
    assert legend.accessibleName() and editor.panel.table.accessibleName().startswith("Week-by-week plan")


def test_a_changed_week_keeps_the_difference(qtbot) -> None:
    editor = editor_with_plan(qtbot)
    model = editor.panel.weeks
    assert model.setData(model.index(1, 3), "9", Qt.ItemDataRole.EditRole)
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == 2)
    editable = colour(model.data(model.index(row, 3), Qt.ItemDataRole.BackgroundRole), QColor("white"))
    computed = colour(model.data(model.index(row, 2), Qt.ItemDataRole.BackgroundRole), QColor("white"))
    assert editable != computed and contrast(editable, computed) >= 1.1


def test_a_click_or_f2_opens_an_editable_cell_and_not_a_computed_one(qtbot) -> None:
    editor = editor_with_plan(qtbot)
    editor.show()
    table = editor.panel.table
    model = editor.panel.weeks
    qtbot.waitExposed(editor)

    def click(column: int) -> None:
        rect = table.visualRect(model.index(0, column))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click(2)  # warm-up: computed
    assert table.state() != table.State.EditingState
    click(3)  # walk minutes
    assert table.state() == table.State.EditingState and table.indexWidget(model.index(0, 3)) is not None
    qtbot.keyClick(table.indexWidget(model.index(0, 3)), Qt.Key.Key_Escape)
    assert table.state() != table.State.EditingState
    table.setCurrentIndex(model.index(0, 1))  # days
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState


def test_a_week_edited_by_keyboard_keeps_the_focus_on_its_cell(qtbot) -> None:
    """Seen by a keyboard-only tester: Enter after F2 on a week's minutes rebuilt the table, the focus left it for
    the step tabs, and the next arrow key changed the step instead of moving to the next week."""
    editor = editor_with_plan(qtbot)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    table, model = editor.panel.table, editor.panel.weeks
    table.setCurrentIndex(model.index(1, 3))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert table.state() == table.State.EditingState and field is table.indexWidget(model.index(1, 3))
    field.selectAll()
    qtbot.keyClicks(field, "9")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.data(model.index(1, 3), Qt.ItemDataRole.EditRole) == 9)
    assert QApplication.focusWidget() is table and table.currentIndex() == model.index(1, 3)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex() == model.index(2, 3)
