"""What the status bar says of a message the session log shows in full (ui/message_bar.py in_brief)."""

from __future__ import annotations

import pytest

from ui.message_bar import in_brief
from ui.models.session_columns import FIELD_LABELS


@pytest.mark.parametrize(("message", "brief"), [
    ("Not saved. Pain next morning: the morning after this walk has not come yet (it is dated today, 2026-12-05); "
     "give the day it was walked; Stiffer next morning: the morning after",
     "Not saved: check Pain next morning, Stiffer next morning in the session log."),
    ("Not saved. Effort (RPE): is required; allowed: 6 to 20", "Not saved: check Effort (RPE) in the session log."),
    # seen in review: not a field, read as one ("check The clinic database has not answered yet")
    ("Not saved. The clinic database has not answered yet. Treadwell tries again every 10 seconds.",
     "Not saved: The clinic database has not answered yet."),
    # seen in review: cut at "Dr."
    ("Not saved: this session was changed by Dr. Grace Okafor at 10:00. Yours: 2.5 km/h",
     "Not saved: this session was changed by Dr. Grace Okafor at 10:00."),
    ("Session of 2026-12-05 logged for week 4 under plan version 1, the version in force that day. Week 4 begins",
     "Session of 2026-12-05 logged for week 4 under plan version 1, the version in force that day."),
    ("Session of 2026-12-05 logged at 2.5 km/h. Not recorded yet: x", "Session of 2026-12-05 logged at 2.5 km/h."),
    ("Deleted the session of 2026-12-05.", "Deleted the session of 2026-12-05."),
])
def test_the_first_sentence_or_the_fields_a_refusal_names(message, brief) -> None:
    assert in_brief(message, FIELD_LABELS.values()) == brief
