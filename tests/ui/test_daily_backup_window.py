"""A window left open from one day into the next makes the day's backup, as a command that writes does (seen by a
helper: a window open all week, walks logged each day, made only the backup of the day it started)."""

from __future__ import annotations

import datetime as dt

from core.storage import records
from core.storage.backup import backup_database, list_backups
from core.storage.database import open_database
from tests.storage.helpers import example
from tests.ui.course_helpers import open_window, walk


def _backups(data_dir) -> list[str]:
    return [info.path.name for info in list_backups(data_dir.backups_dir)]


def _backed_up_yesterday_only(data_dir) -> list[str]:
    """The data folder's backups as if the window was opened the day before: its one backup made then."""
    for path in data_dir.backups_dir.glob("treadwell-*"):
        path.unlink()
    backup_database(data_dir.database_path, data_dir.backups_dir, now=dt.datetime.utcnow() - dt.timedelta(days=1))
    return _backups(data_dir)


def test_an_open_window_makes_the_day_s_backup_once_a_day(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan()
    yesterday = _backed_up_yesterday_only(data_dir)
    window.gateway.add_session(window.editor.patient_id, walk(0, 1), clinician="Dr A")  # today's work
    assert window._daily_backups.isActive()  # looked at every half hour
    with qtbot.waitSignal(window.backup_finished, timeout=20_000) as made:
        window._on_daily_backups_timeout()
    today = _backups(data_dir)
    assert made.args[0].endswith(today[0]) and today[1:] == yesterday
    window.gateway.add_session(window.editor.patient_id, walk(0, 1, minutes=12), clinician="Dr A")
    window._on_daily_backups_timeout()
    qtbot.waitUntil(lambda: not window._backing_up, timeout=20_000)
    assert _backups(data_dir) == today  # one a day, as a command's


def test_one_backup_at_a_time(qtbot, data_dir) -> None:
    """Found in review: File > Back up now beside the day's backup, each deleting the half-made file it finds."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan()
    before = _backed_up_yesterday_only(data_dir)
    window._backing_up = True  # the day's, under way
    window.backup_action.trigger()
    assert window.statusBar().currentMessage().startswith("A backup is being made now")
    window._on_daily_backups_timeout()
    qtbot.wait(300)
    assert _backups(data_dir) == before


def test_a_read_only_window_makes_none(qtbot, data_dir) -> None:
    from tests.ui.test_switch_to_editing import read_only_window

    db = open_database(data_dir.database_path)
    records.save_plan(db, *example(), clinician="Dr A")  # changed since the day before's backup: one would be due
    db.close()
    before = _backed_up_yesterday_only(data_dir)
    window, holder = read_only_window(qtbot, data_dir)
    try:
        window._on_daily_backups_timeout()
        assert not window._backing_up
        qtbot.wait(300)
        assert _backups(data_dir) == before
    finally:
        holder.release()
