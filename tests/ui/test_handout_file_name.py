"""The name the handout's Export proposes. Seen in review: "Treadwell plan Margaret O'Brien.pdf" for every version, so
the next version's handout, saved under the name proposed, replaced the last one's without a word."""

from __future__ import annotations

import datetime as dt

from tests.ui.course_helpers import saved_patient


def test_export_proposes_the_patients_name_and_the_day_the_handout_is_dated(qtbot, data_dir, monkeypatch) -> None:
    window = saved_patient(qtbot, data_dir)
    handout = window.handout
    window.tabs.setCurrentWidget(handout)
    qtbot.waitUntil(lambda: handout._pdf is not None, timeout=30_000)
    proposed: list[str] = []
    monkeypatch.setattr("ui.views.handout_view.save_file", lambda parent, title, suggested, kinds:
                        proposed.append(suggested) or "")
    handout.export_pdf()
    name = window.editor.form.values()["name"]
    assert proposed == [f"Treadwell plan {name} {dt.date.today().isoformat()}.pdf"]
