"""A saved walk as logged (SessionRecord.as_logged) is exactly the SessionLog it was saved from, every field set, and
of the SessionLog type itself: it is no longer validated again (a long course's progress did so 500 times a
drawing; docs/performance.md), so it must not differ from what validating it gave."""

from __future__ import annotations

import datetime as dt

from core.plan.session_log import SessionLog
from core.records.models import LOGGED_FIELDS, SessionRecord


def test_a_saved_walk_as_logged_is_the_walk_validated() -> None:
    walk = SessionLog(date=dt.date(2026, 11, 2), week=3, minutes=12.5, speed_kmh=3.2, rpe=12, heart_rate=108,
                      pain_during=4, pain_next_morning=None, stiffer_next_morning=False, note="windy day")
    record = SessionRecord(**walk.model_dump(), id=7, uid="u7", patient_id=1, plan_id=2, plan_version=1,
                           created_at="2026-11-02T10:00:00Z", updated_at="2026-11-02T10:00:00Z")
    logged = record.as_logged()
    assert type(logged) is SessionLog and logged == walk
    assert logged == SessionLog.model_validate(record.model_dump(include=set(LOGGED_FIELDS)))
    assert logged.model_fields_set == set(SessionLog.model_fields) == set(LOGGED_FIELDS)
    assert logged.model_dump_json() == walk.model_dump_json()
