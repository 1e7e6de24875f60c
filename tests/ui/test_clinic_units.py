"""The clinic's units (Settings) in the window: every speed a clinician reads in the plan's week table and the session
log is in them, as the session form and the handout take them (seen in review: an imperial clinic's form asked for
mph under a log column of km/h, and the week table said 3.5 km/h beside a handout's 2.2 mph)."""

from __future__ import annotations

from PySide6.QtCore import Qt

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


def test_an_imperial_clinic_types_the_comfortable_speed_in_mph_and_a_saved_one_reads_back_unchanged(qtbot,
                                                                                                   data_dir) -> None:
    (data_dir.root / "settings.json").write_text('{"units": "imperial"}', encoding="utf-8")
    window = saved_patient(qtbot, data_dir, comfortable_speed_kmh=3.5)  # saved_patient: not dirty once shown
    form, editor = window.editor.form, window.editor
    speed = form.numbers["comfortable_speed_kmh"]
    assert form._labels["comfortable_speed_kmh"].text() == "Comfortable walking speed (mph):"
    assert speed.text() == "2.17" and speed.accessibleName() == "Comfortable walking speed (mph)"
    assert form.values()["comfortable_speed_kmh"] == 3.5  # as saved, not 2.17 x 1.609 = 3.49
    qtbot.keyClick(speed, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(speed, "5.5")
    speed.editingFinished.emit()
    assert form._errors["comfortable_speed_kmh"].text() == (
        "must be at most 4.97 mph; allowed: a speed from 0.31 to 4.97 mph (0.5 to 8 km/h), or left empty")
    qtbot.keyClick(speed, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(speed, "2.5")
    assert form.values()["comfortable_speed_kmh"] == 4.02
    assert editor.dirty
    assert window.save_plan(), window.statusBar().currentMessage()
    assert window.gateway.history(editor.patient_id)[-1].profile.comfortable_speed_kmh == 4.02
    window._use_settings(Settings(units="metric"))
    assert speed.text() == "4.02" and form._labels["comfortable_speed_kmh"].text() == (
        "Comfortable walking speed (km/h):")
    assert not editor.dirty


def test_the_version_changes_name_speeds_in_the_clinics_units_and_follow_a_change_in_settings(qtbot, data_dir) -> None:
    (data_dir.root / "settings.json").write_text('{"units": "imperial"}', encoding="utf-8")
    window = saved_patient(qtbot, data_dir, comfortable_speed_kmh=3.5)
    window.editor.form.numbers["comfortable_speed_kmh"].setText("2.5")  # mph: 4.02 km/h
    assert window.save_plan(), window.statusBar().currentMessage()
    changes = window._course.progress.versions[-1].changes
    assert "Comfortable walking speed: 2.17 mph (3.5 km/h) -> 2.5 mph (4.02 km/h)" in changes
    assert "Weeks 1-12 treadmill: 2.2 mph (3.5 km/h), 2% slope -> 2.5 mph (4.02 km/h), 1% slope" in changes
    window._use_settings(Settings(units="metric"))
    changes = window._course.progress.versions[-1].changes
    assert "Comfortable walking speed (km/h): 3.5 -> 4.02" in changes
    assert "Weeks 1-12 treadmill: 3.5 km/h, 2% slope -> 4.02 km/h, 1% slope" in changes


def test_the_comfortable_speed_reads_back_as_saved_typed_with_a_comma_and_unrounded_in_km_h(qtbot, data_dir) -> None:
    """Seen in review: "2,17" for the 2.17 mph shown read back 3.49 km/h, not the 3.5 saved; and a metric clinic's
    3.456 km/h, from a profile file, was shown as 3.46."""
    (data_dir.root / "settings.json").write_text('{"units": "imperial"}', encoding="utf-8")
    window = saved_patient(qtbot, data_dir, comfortable_speed_kmh=3.5)
    form, speed = window.editor.form, window.editor.form.numbers["comfortable_speed_kmh"]
    speed.setText("2,17")
    assert form.values()["comfortable_speed_kmh"] == 3.5 and not window.editor.dirty
    window._use_settings(Settings(units="metric"))
    form.set_profile(window.editor.profile.model_copy(update={"comfortable_speed_kmh": 3.456}))
    assert speed.text() == "3.456" and form.values()["comfortable_speed_kmh"] == 3.456


def test_an_imperial_clinics_advice_names_a_speed_slip_in_mph(qtbot, data_dir) -> None:
    """Seen in review: "far from week 2's planned 4.02 km/h (2.5 mph)" in an imperial clinic's window."""
    from tests.ui.course_helpers import log, walk

    (data_dir.root / "settings.json").write_text('{"units": "imperial"}', encoding="utf-8")
    window = saved_patient(qtbot, data_dir, comfortable_speed_kmh=3.8)
    log(window, walk(1, 1, speed_kmh=6.2))  # 3.85 typed in the mph box, meaning km/h
    advice = window._course.progress.suggestion.reason
    assert "Check the belt speed of the walk of " in advice and " at 3.85 mph (6.2 km/h): far from week 1's planned " \
        "2.4 mph (3.8 km/h), it reads as logged in the other units" in advice, advice
