"""``main.py --screenshots DIR``: each main view with a sample patient, as PNG files.

Runs in a fresh temporary data folder, so the clinic's own records are never touched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

from core.data_dir import DataDir
from core.plan.profile import read_profile
from core.plan.session_log import SessionLog
from core.resources import resource_path
from core.settings import Settings, save_settings

SAMPLE = "diabetic-neuropathy"
VIEWS = ["etiology-picker", "evidence", "animal-dosing", "plan-editor", "session-log", "progress", "handout-preview",
         "records"]
SIZE = (1366, 768)  # the smallest screen the window is made for


def wait_for(signal: SignalInstance, timeout_ms: int = 30_000) -> bool:
    loop = QEventLoop()
    fired = []
    signal.connect(lambda *args: (fired.append(args), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(fired)


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def sample_course(window, clinician: str) -> None:
    """A realistic course of care: a plan, two walks in week 1, week 2 changed by the clinician and saved
    again (version 2), then two walks in week 2, one without a next-morning pain."""
    today = dt.date.today()

    def walk(days_ago: int, week: int, minutes: float, rpe: int, during: int | None, morning: int | None, *,
             speed: float | None = None, heart_rate: int | None = None, stiffer: bool | None = None,
             note: str = "") -> None:
        window.gateway.add_session(window.editor.patient_id, SessionLog(
            date=today - dt.timedelta(days=days_ago), week=week, minutes=minutes, speed_kmh=speed, rpe=rpe,
            heart_rate=heart_rate, pain_during=during, pain_next_morning=morning, stiffer_next_morning=stiffer,
            note=note), clinician=clinician,
            plan_id=window.editor.plan_id)  # the sample's versions are all saved today: file each walk by hand

    profile = read_profile(resource_path("examples", "profiles", f"{SAMPLE}.json"))
    window.picker.select(SAMPLE)
    window.editor.form.set_profile(profile.model_copy(update={"name": "Margaret Ellis"}))
    if not window.save_plan():
        raise RuntimeError("the sample plan was not saved: " + window.statusBar().currentMessage())
    walk(16, 1, 8, 10, 4, 4, speed=3.6, heart_rate=96, stiffer=False)
    walk(14, 1, 8, 11, 5, 4, speed=3.6, stiffer=False, note="feet tingling after, settled by evening")
    walk(12, 1, 8, 11, 4, 3, speed=3.7, heart_rate=99, stiffer=False)
    weeks = window.editor.panel.weeks
    weeks.setData(weeks.index(1, 3), "10")  # week 2: 10-minute walks, the clinician's change
    window.editor.reason.setText("Week 1 went well, pain settled by evening: week 2 walks of 10 minutes")
    if not window.save_plan():
        raise RuntimeError("the sample plan was not saved: " + window.statusBar().currentMessage())
    walk(7, 2, 10, 12, 5, None, speed=3.8, heart_rate=104, note="forgot the morning score")
    walk(5, 2, 9, 13, 6, 5, speed=3.8, heart_rate=108, stiffer=True, note="burning feet in the evening")
    window._refresh_course()


def _offscreen_screen(folder: Path, size: tuple[int, int]) -> None:
    """Off screen (the default here), a screen of ``size``: Qt's own is 800x600, so every picture came out 800
    pixels wide (seen in review) instead of the clinic laptop's 1366x768 the views are made for."""
    if (os.environ.get("QT_QPA_PLATFORM") or "offscreen") != "offscreen":
        return  # a real display, or a platform the caller chose with its options
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screenshots", "x": 0, "y": 0, "width": size[0],
                                               "height": size[1], "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def take_screenshots(out_dir: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    """A PNG of each view into ``out_dir``, which main.py has made (or refused, saying why)."""
    from ui.app import create_application
    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        _offscreen_screen(Path(folder), size)
        app = create_application()
        data_dir = DataDir(Path(folder) / "data").prepare()
        save_settings(Settings(clinic_name="Riverside Rehabilitation Clinic", clinician_name="Dr Grace Okafor",
                               contact_phone="+1 555 0100", emergency_number="911"), data_dir.settings_path)
        window = MainWindow(data_dir)
        room = window.screen().availableGeometry()  # with 150 % scaling, a 1366x768 screen holds 910x512
        window.resize(min(size[0], room.width()), min(size[1], room.height()))
        window.show()
        if not wait_for(window.evidence_ready):
            raise RuntimeError("the records did not open within 30 s")
        sample_course(window, "Dr Grace Okafor")
        window.records.reload()
        flagged = next((s for s in window.studies_for(SAMPLE) if s.flags), None)
        if flagged:
            window.evidence.select_study(flagged.id)
        written = []
        for index, name in enumerate(VIEWS):
            window.tabs.setCurrentIndex(index)
            if name == "handout-preview" and window.handout.document.pageCount() == 0:
                wait_for(window.handout.rendered)
            settle()
            path = out_dir / f"{index + 1}-{name}.png"
            window.grab().save(str(path))
            written.append(path)
        window.close()
        app.processEvents()
        window.gateway.close()
    return written
