"""A handout render that fails (a logo gone, a language not translated) leaves nothing asked of the next one."""

from __future__ import annotations

from tests.ui.course_helpers import saved_patient


def test_an_export_asked_for_during_a_failed_render_is_not_done_by_the_next_one(qtbot, data_dir,
                                                                                 monkeypatch) -> None:
    """Seen in review: Ctrl+E while a render that then failed was running opened the Save dialog, unasked, once a
    later render succeeded; and each render kept its preview's buffer for the rest of the session."""
    from PySide6.QtCore import QBuffer

    import ui.views.handout_view as handout_view

    window = saved_patient(qtbot, data_dir)
    handout = window.handout
    window.tabs.setCurrentWidget(handout)
    qtbot.waitUntil(lambda: handout._pdf is not None, timeout=30_000)
    dialogs = []
    monkeypatch.setattr(handout_view, "save_file", lambda *args: dialogs.append(args) or "")
    made = handout_view.handout_pdf
    monkeypatch.setattr(handout_view, "handout_pdf", lambda *args, **kwargs: (_ for _ in ()).throw(
        ValueError("The clinic's logo cannot be read.")))
    with qtbot.waitSignal(handout.failed, timeout=30_000):
        handout._pdf = None
        handout.render()
        handout.export_pdf()  # asked for while the render runs
    assert handout.status.text() == "The clinic's logo cannot be read." and handout._pending is None
    monkeypatch.setattr(handout_view, "handout_pdf", made)
    for _ in range(3):
        with qtbot.waitSignal(handout.rendered, timeout=30_000):
            handout.render()
    assert dialogs == []
    qtbot.wait(50)  # the buffers let go are deleted by the event loop
    assert len(handout.findChildren(QBuffer)) == 1
