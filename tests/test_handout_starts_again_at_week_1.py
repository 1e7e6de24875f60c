"""A patient whose course carries on at week 1 (walked, then stepped back there, or given a plan that starts them
there again) is told so on the handout, as at any other week. Seen in a clinician's try: a patient at week 3 given a
version that started them at week 1 had a handout like a first one, with no start line and no boxed week, and might
have carried on at week 4. A week walked already is said to be walked again (seen by a helper: a step back from week
5 read "Start at week 4. You have done the weeks before it.")."""

from __future__ import annotations

import datetime as dt
import json

from tests.conftest import REPO_ROOT
from tests.handout.helpers import pdf_text

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_a_course_stepped_back_to_week_1_starts_the_handout_there(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", str(EXAMPLE), "--save", data_dir=data).returncode == 0
    minutes = json.loads(run_main("plans", "show", "1", "--format", "json", data_dir=data).stdout)["plan"]["weeks"][0][
        "main_min"]
    for days_ago, pain in ((6, 2), (4, 2), (2, 8)):  # week 1 in full, its last walk at pain 8: back to week 1
        walk = tmp_path / f"walk-{days_ago}.json"
        walk.write_text(json.dumps({"date": (dt.date.today() - dt.timedelta(days=days_ago)).isoformat(), "week": 1,
                                    "minutes": minutes, "rpe": 10, "pain_during": pain}), encoding="utf-8")
        assert run_main("sessions", "add", "1", str(walk), data_dir=data).returncode == 0
    handout = tmp_path / "handout.pdf"
    made = run_main("plan", str(EXAMPLE), "--patient", "1", "--save", "--pdf", str(handout), data_dir=data)
    assert made.returncode == 0, made.stderr
    assert "Note: The handout tells the patient to start at week 1, where their course carries on" in made.stderr
    first = " ".join(pdf_text(handout.read_bytes())[0].split())
    assert "Start at week 1 again." in first and "You have done the weeks before it" not in first
