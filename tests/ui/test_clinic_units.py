"""The clinic's units (Settings) in the window: every speed a clinician reads in the plan's week table and the session
log is in them, as the session form and the handout take them (seen in review: an imperial clinic's form asked for
mph under a log column of km/h, and the week table said 3.5 km/h beside a handout's 2.2 mph)."""

from __future__ import annotations

from core.settings import Settings
from tests.ui.course_helpers import fill, saved_patient, table_text
from ui.views.plan_panel import HEADERS


def test_an_imperial_clinic_reads_its_speeds_in_mph_and_a_metric_one_in_km_h(qtbot, data_dir) -> None:
    (data_dir.root / "settings.json").write_text('{"units": "imperial"}', encoding="utf-8")
    window = saved_patient(qtbot, data_dir, comfortable_speed_kmh=3.8)
    speed = HEADERS.index("Speed")
    weeks = window.editor.panel.weeks
    assert weeks.index(0, speed).data().startswith("2.4 mph (3.8 km/h), ")
    view = window.sessions
    fill(view, week=1, minutes=10)
    view.speed.setValue(2.2)  # mph, as the form's label says
    view.save_button.click()
    [saved] = window.gateway.sessions(window.editor.patient_id)
    assert abs(saved.speed_kmh - 2.2 * 1.609344) < 0.01
    assert table_text(view, "Speed\n(mph)") == ["2.2"]
    window._use_settings(Settings(units="metric"))
    assert table_text(view, "Speed\n(km/h)") == [f"{saved.speed_kmh:g}"]
    assert weeks.index(0, speed).data().startswith("3.8 km/h, ")
    assert view.speed.suffix() == " km/h"
