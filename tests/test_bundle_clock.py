"""A patient saved while the computer's clock was wrong can still be exported: a version's impossible date is said,
and dated by the export; a walk dated after today, which every import refuses, is named with how to correct it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from tests.conftest import REPO_ROOT

PROFILE = REPO_ROOT / "resources" / "examples" / "profiles" / "parkinsons-pain.json"


def change(database, sql: str, *values) -> None:
    """``sql`` run on the records as if the clock had been wrong when they were saved (the triggers that keep saved
    rows as saved set aside for it, and put back)."""
    connection = sqlite3.connect(database)
    try:
        kept = connection.execute("select name, sql from sqlite_master where type = 'trigger' and tbl_name in "
                                  "('plans', 'sessions')").fetchall()
        for name, _ in kept:
            connection.execute(f"drop trigger {name}")
        connection.execute(sql, values)
        for _, made in kept:
            connection.execute(made)
        connection.commit()
    finally:
        connection.close()


def test_a_version_saved_while_the_clock_was_ahead_is_exported_and_said(run_main, tmp_path) -> None:
    """Seen in review: a version saved with the clock 400 days ahead stopped the patient's export for good ("1
    validation error for BundledVersion ... must be from 2000-01-01 to now"), and `db move-to` the same."""
    data, other, bundle = tmp_path / "data", tmp_path / "other", tmp_path / "patient.json"
    assert run_main("plan", str(PROFILE), "--save", data_dir=data).returncode == 0
    change(data / "treadwell.sqlite3", "update plans set created_at = ? where id = 1", "2028-01-09T05:19:11+00:00")
    exported = run_main("plans", "export", "1", str(bundle), data_dir=data)
    assert exported.returncode == 0, exported.stderr
    assert "Note: Version 1 was saved at 2028-01-09 " in exported.stdout
    assert "by this computer's clock, which cannot be right (the clock was wrong then): the bundle dates it when it " \
           "was exported." in exported.stdout and "validation" not in exported.stdout + exported.stderr
    stamp = json.loads(bundle.read_text(encoding="utf-8"))["content"]["versions"][0]["created_at"]
    assert dt.datetime.fromisoformat(stamp) <= dt.datetime.now(dt.timezone.utc)
    assert run_main("plans", "import", str(bundle), data_dir=other).returncode == 0
    as_json = run_main("plans", "export", "1", str(bundle), "--format", "json", data_dir=data)
    assert json.loads(as_json.stdout)["notes"][0].startswith("Version 1 was saved at 2028-01-09 ")


def test_a_walk_dated_after_today_is_named_before_a_bundle_no_import_takes(run_main, tmp_path) -> None:
    """Seen in review: a walk logged while the clock was ahead was exported without a word, and every import then
    refused the bundle ("session log 5: date: is after today"), numbered by its place in the bundle, not its id."""
    data, bundle = tmp_path / "data", tmp_path / "patient.json"
    assert run_main("plan", str(PROFILE), "--save", data_dir=data).returncode == 0
    walk = tmp_path / "walk.json"
    for day in (2, 1):
        walk.write_text(json.dumps({"date": (dt.date.today() - dt.timedelta(days=day)).isoformat(), "week": 1,
                                    "minutes": 5, "rpe": 12, "pain_during": 2, "pain_next_morning": 2,
                                    "stiffer_next_morning": False}), encoding="utf-8")
        assert run_main("sessions", "add", "1", str(walk), data_dir=data).returncode == 0
    ahead = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    change(data / "treadwell.sqlite3", "update sessions set date = ? where id = 2", ahead)
    refused = run_main("plans", "export", "1", str(bundle), data_dir=data)
    assert refused.returncode == 2 and not bundle.exists()
    assert (f"patient.json was not written: the walk of {ahead} (session 2) is dated after today, so another "
            "workstation would refuse the bundle. Correct its date (Correct in the Session log, or sessions edit 2), "
            "then export again.") in refused.stderr
