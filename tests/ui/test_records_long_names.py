"""Records with a very long name listed: the name is cut short, whole on hover, and every patient's number and the
columns after it stay in view (seen by a clinic's tester: one 120-character name pushed Patient no. off screen for
every row, and two namesakes looked the same)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.storage.helpers import example
from tests.ui.course_helpers import saved_patient

LONG = "Maria de los Ángeles Fernández-García de la Torre y Villanueva " * 2


def test_a_long_name_leaves_the_numbers_in_view(qtbot, data_dir) -> None:
    window = saved_patient(qtbot, data_dir, name=LONG[:120].strip())
    window.new_patient()
    window.editor.form.set_profile(example(name="Ann Lee")[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    window.resize(1366, 700)
    window.tabs.setCurrentWidget(window.records)
    records = window.records
    records.reload()
    qtbot.waitUntil(lambda: records.model.rowCount() == 2, timeout=5000)
    header, table = records.table.horizontalHeader(), records.table
    qtbot.waitUntil(lambda: header.sectionViewportPosition(5) + header.sectionSize(5) <= table.viewport().width(),
                    timeout=5000)  # Plan id, the last column, in view
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionSize(0) < table.sizeHintForColumn(0)  # the long name cut short
    assert header.sectionSize(0) >= header.fontMetrics().horizontalAdvance("Ann Lee")  # a short one whole
    long_row = next(row for row in range(2) if records.model.index(row, 0).data().startswith("Maria"))
    assert records.model.index(long_row, 0).data(Qt.ItemDataRole.ToolTipRole) == LONG[:120].strip()


def test_at_150_percent_the_numbers_leave_the_etiology_room(qtbot, data_dir) -> None:
    """Seen in a try at 150 %: Patient no., Version and Plan id each as wide as the etiology's least, three columns of
    "1", and "Painful diabetic ..." cut short beside them."""
    from tests.ui.test_small_screen import SMALL_SCREENS

    window = saved_patient(qtbot, data_dir, name="Margaret Oyelaran")
    window.resize(*SMALL_SCREENS["150 %"])
    window.tabs.setCurrentWidget(window.records)
    records = window.records
    records.reload()
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=5000)
    header, table = records.table.horizontalHeader(), records.table
    for column in (1, 3, 5):  # Patient no., Version, Plan id: as wide as their headings
        assert header.sectionSize(column) <= max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
    etiology = records.model.index(0, 2).data()
    assert header.sectionSize(2) >= header.fontMetrics().horizontalAdvance(etiology) // 2  # on two lines at most
    assert header.sectionSize(2) >= header.fontMetrics().horizontalAdvance("Etiology")
    header.resizeSection(0, 5000)  # the names' edge dragged far: the etiology and the numbers stay in view
    assert header.sectionSize(2) >= header.fontMetrics().horizontalAdvance("Etiology")
    assert header.sectionViewportPosition(5) + header.sectionSize(5) <= table.viewport().width()
