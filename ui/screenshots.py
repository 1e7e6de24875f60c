"""``main.py --screenshots DIR``: each main view with a sample patient, as PNG files.

Runs in a fresh temporary data folder, so the clinic's own records are never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

from core.data_dir import DataDir
from core.plan.adjustment import SessionLog
from core.plan.profile import read_profile
from core.resources import resource_path
from core.settings import Settings, save_settings

SAMPLE = "diabetic-neuropathy"
VIEWS = ["etiology-picker", "evidence", "animal-dosing", "plan-editor", "session-log", "handout-preview", "records"]


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


def take_screenshots(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = DataDir(Path(folder) / "data").prepare()
        save_settings(Settings(clinic_name="Riverside Rehabilitation Clinic", clinician_name="Dr Grace Okafor",
                               contact_phone="+1 555 0100"), data_dir.settings_path)
        window = MainWindow(data_dir)
        window.resize(1366, 860)
        window.show()
        if not wait_for(window.evidence_ready):
            raise RuntimeError("the records did not open within 30 s")
        profile = read_profile(resource_path("examples", "profiles", f"{SAMPLE}.json"))
        window.picker.select(SAMPLE)
        window.editor.form.set_profile(profile)
        window.save_plan()
        window.gateway.add_session_log(window.editor.plan_id, 1, SessionLog(
            date=dt.date(2026, 11, 2), minutes=8, speed_kmh=3.8, rpe=10, pain_during=3, pain_next_morning=3),
            clinician="Dr Grace Okafor")
        window.records.reload()
        flagged = next((s for s in window.studies_for(SAMPLE) if s.flags), None)
        if flagged:
            window.evidence.select_study(flagged.id)
        written = []
        for index, name in enumerate(VIEWS):
            window.tabs.setCurrentIndex(index)
            if name == "session-log":
                window._refresh_sessions()
            if name == "handout-preview" and window.handout.document.pageCount() == 0:
                wait_for(window.handout.rendered)
            settle()
            path = out_dir / f"{index + 1}-{name}.png"
            window.grab().save(str(path))
            written.append(path)
        window.editor._set_dirty(False)
        window.close()
        app.processEvents()
        window.gateway.close()
    return written
