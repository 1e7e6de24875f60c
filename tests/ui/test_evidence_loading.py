"""The evidence library loads after the first paint, off the GUI thread."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_library_loads_after_first_paint_and_reports_in_the_status_bar(qtbot, data_dir) -> None:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    order: list[str] = []
    window.first_painted.connect(lambda: order.append("painted"))
    window.evidence_ready.connect(lambda overview: order.append("evidence"))
    with qtbot.waitSignal(window.evidence_ready, timeout=20_000) as ready:
        window.show()
    assert order == ["painted", "evidence"]
    overview = ready.args[0]
    assert overview.study_count > 0 and len(overview.etiologies) >= 8
    assert f"{overview.study_count} studies" in window.statusBar().currentMessage()


def test_constructing_the_window_does_not_touch_the_database(data_dir, qtbot) -> None:
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    assert not data_dir.database_path.exists()
