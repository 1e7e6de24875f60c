"""A window left open from one day into the next makes the day's backup, as a command that writes does (seen by a
helper: a window open all week, walks logged each day, made only the backup of the day it started)."""

from __future__ import annotations

import datetime as dt

from core.storage.backup import backup_database, list_backups
from tests.storage.helpers import example
from tests.ui.course_helpers import open_window, walk


def _backups(data_dir) -> list[str]:
    return [info.path.name for info in list_backups(data_dir.backups_dir)]


def test_an_open_window_makes_the_day_s_backup_once_a_day(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan()
    for path in data_dir.backups_dir.glob("treadwell-*"):  # opened the day before: its only backup made then
        path.unlink()
    backup_database(data_dir.database_path, data_dir.backups_dir, now=dt.datetime.utcnow() - dt.timedelta(days=1))
    yesterday = _backups(data_dir)
    window.gateway.add_session(window.editor.patient_id, walk(0, 1), clinician="Dr A")  # today's work
    assert window._daily_backups.isActive()  # looked at every half hour
    with qtbot.waitSignal(window.backup_finished, timeout=20_000) as made:
        window._on_daily_backups_timeout()
    today = _backups(data_dir)
    assert made.args[0].endswith(today[0]) and today[1:] == yesterday
    window.gateway.add_session(window.editor.patient_id, walk(0, 1, minutes=12), clinician="Dr A")
    window._on_daily_backups_timeout()
    qtbot.wait(500)
    assert _backups(data_dir) == today  # one a day, as a command's


def test_a_read_only_window_makes_none(qtbot, data_dir) -> None:
    from tests.ui.test_switch_to_editing import read_only_window

    window, holder = read_only_window(qtbot, data_dir)
    try:
        before = _backups(data_dir)
        window._on_daily_backups_timeout()
        qtbot.wait(300)
        assert _backups(data_dir) == before
    finally:
        holder.release()
