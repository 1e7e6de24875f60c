"""A second window on a held data folder is read-only and never writes: every path that could write is
driven (save, log, correct and delete a session, delete, import, export, backup, restore-on-damage and
export from file),
and the folder is byte for byte what it was."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from core.plan.session_log import SessionLog
from core.settings import Settings
from core.storage import records
from core.storage.database import open_database
from core.workspace.gateway import ReadOnlyRecords
from core.workspace.handouts import export_handout_file
from core.workspace.lock import DataDirLock
from tests.conftest import REPO_ROOT
from tests.storage.helpers import digest, example
from ui.main_window import MainWindow


def folder_state(data_dir) -> dict[str, str]:
    """Every file's content, leaving out what readers legitimately touch: the log, window state, the lock,
    and SQLite's reader bookkeeping (the -shm index, and an empty -wal a WAL reader may create)."""
    return {str(p.relative_to(data_dir.root)): digest(p) for p in sorted(data_dir.root.rglob("*"))
            if p.is_file() and p.suffix != ".log" and not p.name.endswith(("-shm", ".lock", ".ini"))
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def test_a_read_only_window_never_writes(qtbot, data_dir, tmp_path) -> None:
    db = open_database(data_dir.database_path)
    saved = records.save_plan(db, *example(), clinician="Dr A")
    walk = SessionLog(date=dt.date(2026, 11, 3), week=1, minutes=8, rpe=12, pain_during=2)
    logged = records.add_session(db, saved.patient_id, walk, clinician="Dr A")
    bundle = tmp_path / "bundle.json"
    from core.storage.bundle_transfer import export_bundle
    bundle.write_text(export_bundle(db, saved.id), encoding="utf-8")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    holder = DataDirLock(data_dir.lock_path)
    assert holder.acquire()  # another window holds the folder
    try:
        before = folder_state(data_dir)
        window = MainWindow(data_dir, read_only=True)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.evidence_ready, timeout=20_000):
            window.show()
        gateway = window.gateway
        shelf = window.records
        shelf.reload()
        assert shelf.open_button.isEnabled()  # a patient listed; what would write is greyed out, and says why
        for button in (shelf.import_button, shelf.export_button, shelf.delete_button):
            assert not button.isEnabled() and button.toolTip().startswith("Read-only:"), button.text()
        window.open_plan(saved.id)
        # said on step 4 before anything is typed (seen in review: a reassessment typed here was refused at Save)
        assert "<b>Read-only:</b> another Treadwell window holds this data folder" in window.editor.header.text()
        assert not window.editor.save_button.isEnabled() and not window.editor.reason.isEnabled()
        window.editor.form.numbers["weeks"].setText("9")
        window.editor.recompute()
        assert window.save_plan() is False
        attempts = [
            lambda: gateway.add_session(saved.patient_id, walk, clinician="Dr B"),
            lambda: gateway.edit_session(logged.id, walk.model_copy(update={"minutes": 9}), clinician="Dr B"),
            lambda: gateway.delete_session(logged.id, clinician="Dr B"),
            lambda: gateway.delete_patient(saved.patient_id, clinician="Dr B"),
            lambda: gateway.import_bundle(bundle, clinician="Dr B"),
            lambda: gateway.export_bundle(saved.id, tmp_path / "out.json", clinician="Dr B"),
        ]
        for attempt in attempts:
            with pytest.raises(ReadOnlyRecords):
                attempt()
        gateway.record_event("export", saved.id, clinician="Dr B")  # quietly not recorded
        window._on_backup_action_triggered()
        profile = tmp_path / "profile.json"
        profile.write_text((REPO_ROOT / "resources/examples/profiles/chemotherapy-neuropathy.json").read_text())
        exported = export_handout_file(profile, tmp_path / "handout.pdf", data_dir.database_path, Settings(),
                                       date=dt.date(2026, 11, 30))
        assert exported.pages > 0 and exported.language == "en" and (tmp_path / "handout.pdf").exists()
        window.close()
        assert folder_state(data_dir) == before
        assert json.loads(bundle.read_text())["content"]  # the bundle itself was only read
    finally:
        holder.release()


def test_a_read_only_window_offers_no_restore_and_saves_no_settings(qtbot, data_dir, monkeypatch) -> None:
    import os

    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")
    db.close()
    from core.storage.backup import backup_database
    backup_database(data_dir.database_path, data_dir.backups_dir)
    data_dir.database_path.write_bytes(os.urandom(5000))  # damaged while another window holds the folder
    damaged = digest(data_dir.database_path)
    holder = DataDirLock(data_dir.lock_path)
    assert holder.acquire()
    try:
        offered: list[str] = []
        monkeypatch.setattr(MainWindow, "_offer_restore", lambda window: offered.append(str(window._unusable)))
        window = MainWindow(data_dir, read_only=True)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.records_damaged, timeout=20_000):
            window.show()
        window.restore_newest_backup()
        window._on_settings_triggered()
        assert not offered and digest(data_dir.database_path) == damaged
        assert not data_dir.settings_path.exists()
        assert not [p for p in data_dir.root.iterdir() if "set-aside" in p.name]
        window.close()
    finally:
        holder.release()
